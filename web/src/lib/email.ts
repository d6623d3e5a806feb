/**
 * An address as the server takes it (zod's e-mail pattern, stricter than the browser's:
 * « lea@exemple » needs a domain suffix), checked before it is sent.
 */
const EMAIL = /^(?:[A-Za-z0-9_'+-]+\.)*[A-Za-z0-9_'+-]*[A-Za-z0-9_+-]@(?:[A-Za-z0-9][A-Za-z0-9-]*\.)+[A-Za-z]{2,}$/;
/** What a domain may hold before IDNA converts it, as server/http/fields.ts says. */
const DOMAIN = /^[\p{L}\p{M}\p{N}.-]+$/u;

/** « exämple.fr » → « xn--exmple-cua.fr », by the browser's own IDNA (the URL parser); undefined if it is no domain. */
function asciiDomain(domain: string): string | undefined {
  if (!DOMAIN.test(domain)) return undefined;
  try {
    return new URL(`http://${domain}`).hostname;
  } catch {
    return undefined;
  }
}

/** Whether the server takes this address: « jean@exämple.fr » is checked as « jean@xn--exmple-cua.fr ». */
export function isEmailAddress(text: string): boolean {
  const at = text.lastIndexOf("@");
  const domain = at > 0 ? asciiDomain(text.slice(at + 1)) : undefined;
  return domain !== undefined && EMAIL.test(`${text.slice(0, at)}@${domain}`);
}
