import { isDeepStrictEqual } from "node:util";
import * as client from "openid-client";
import { type Config, inClearToThisMachine, type OidcConfig } from "../../config.ts";

// The provider's configuration (its endpoints and keys), discovered from OIDC_ISSUER. Kept per
// process, and fetched again at each start of a sign-in: the person is about to be sent to the
// provider, and if it does not answer they should read so here, in French, and use their
// password, rather than land on a browser's error page. Its keys are kept with the
// configuration object, which is kept while the provider publishes the same metadata.

/** Seconds a call to the provider may take: a provider that hangs is a provider that is down. */
const TIMEOUT_SECONDS = 5;

const kept = new Map<string, client.Configuration>();
const keyOf = (oidc: OidcConfig) => `${oidc.issuer}\n${oidc.clientId}\n${oidc.clientSecret}`;

/** The provider could not be reached, or answered nonsense: sign in with a password meanwhile. */
export class ProviderDown extends Error {
  override name = "ProviderDown";
}

/** The address the provider sends people back to, which its registration must list. */
export const redirectUri = (config: Config) => `${config.publicUrl}/api/auth/oidc/callback`;
/** Where the provider sends people after signing them out. */
export const postLogoutRedirectUri = (config: Config) => `${config.publicUrl}/connexion`;

/** The provider's configuration as it publishes it now; throws ProviderDown when it does not answer. */
export async function discoverProvider(oidc: OidcConfig): Promise<client.Configuration> {
  // In clear only to this machine (config.ts refuses any other http:// issuer).
  const insecure = inClearToThisMachine(oidc.issuer);
  let found: client.Configuration;
  try {
    found = await client.discovery(new URL(oidc.issuer), oidc.clientId, oidc.clientSecret, undefined, {
      timeout: TIMEOUT_SECONDS,
      ...(insecure && { execute: [client.allowInsecureRequests] }),
    });
  } catch (error) {
    kept.delete(keyOf(oidc));
    throw new ProviderDown("discovery failed", { cause: error });
  }
  found.timeout = TIMEOUT_SECONDS;
  const before = kept.get(keyOf(oidc));
  if (before && isDeepStrictEqual(before.serverMetadata(), found.serverMetadata())) return before;
  kept.set(keyOf(oidc), found);
  return found;
}

/** The kept configuration, or discovered when there is none (another process started the sign-in). */
export async function providerConfiguration(oidc: OidcConfig): Promise<client.Configuration> {
  return kept.get(keyOf(oidc)) ?? discoverProvider(oidc);
}

/** After the provider failed to answer: the next sign-in discovers it again. */
export function forgetProvider(oidc: OidcConfig): void {
  kept.delete(keyOf(oidc));
}
