import type { Database } from "../../db/database.ts";
import { de } from "../../domain/french.ts";
import { validationError } from "../../errors.ts";

/** The postcode must be one of the commune's: the address is printed on confirmations. */
export async function checkPostcode(db: Database, communeCode: string, postcode: string) {
  const commune = await db.prisma.commune.findUnique({ where: { code: communeCode }, select: { name: true, postcodes: true } });
  if (!commune) throw validationError({ communeCode: "commune inconnue." });
  if (!commune.postcodes.includes(postcode)) {
    throw validationError({
      postcode: `Ce code postal n'est pas celui ${de(commune.name)} (${commune.postcodes.join(", ")}).`,
    });
  }
}
