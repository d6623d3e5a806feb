import { createHash } from "node:crypto";

/**
 * A UUID derived from a stable name (`stableUuid("structure", "cio-lille-centre")`), so that
 * every run of the seed produces the same ids and `skipDuplicates` makes it idempotent.
 * SHA-256 rather than the SHA-1 of RFC 9562 §5.5, but laid out like a version 5 UUID
 * (version nibble 5, variant bits 10) so that every validator accepts it.
 */
export function stableUuid(...name: string[]): string {
  const hex = createHash("sha256")
    .update(["rdv-orientation-demo", ...name].join("\u001f"))
    .digest("hex");
  const variant = ((Number.parseInt(hex.charAt(16), 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** Lower-case ASCII for e-mail local parts and slugs: "Léa-Marie D'Hondt" → "lea-marie-dhondt". */
export function asciiSlug(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[œŒ]/g, "oe")
    .replace(/[æÆ]/g, "ae")
    .toLowerCase()
    .replace(/['’]/g, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}
