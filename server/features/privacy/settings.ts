import { z } from "@hono/zod-openapi";
import type { Database, Tx } from "../../db/database.ts";

/** The bounds the Région may choose from; the database's CHECK holds the same. */
export const RETENTION_MONTHS = { min: 6, max: 120, default: 24 } as const;
/** The data protection officer's contact: an address, not a text (the database's CHECK holds the same). */
export const DPO_CONTACT_MAX = 200;

/** The legal notice's and the accessibility statement's texts: a name, an address, a phone number, not a text. */
export const LEGAL_TEXT_MAX = 300;

/** What the legal notice and the accessibility statement say, as the public API gives it. */
export const LegalNotice = z.object({
  publisher: z.string().openapi({ description: "L'éditeur du site : nom, adresse, téléphone (vide : pas encore renseigné)." }),
  publicationDirector: z.string().openapi({ description: "Le directeur ou la directrice de la publication." }),
  host: z.string().openapi({ description: "L'hébergeur du site : nom, adresse, téléphone." }),
  accessibilityContact: z
    .string()
    .openapi({ description: "Où signaler un défaut d'accessibilité : adresse électronique ou adresse web d'un formulaire." }),
});

export interface PlatformSettings {
  retentionMonths: number;
  dpoContact: string;
  publisher: string;
  publicationDirector: string;
  host: string;
  accessibilityContact: string;
}

/** The platform's settings (the migration inserts the one row; defaults if it is missing). */
export async function platformSettings(db: Database | Tx): Promise<PlatformSettings> {
  const prisma = "prisma" in db ? db.prisma : db;
  const settings = await prisma.platformSettings.findUnique({
    where: { id: 1 },
    select: {
      retentionMonths: true,
      dpoContact: true,
      publisher: true,
      publicationDirector: true,
      host: true,
      accessibilityContact: true,
    },
  });
  return (
    settings ?? {
      retentionMonths: RETENTION_MONTHS.default,
      dpoContact: "",
      publisher: "",
      publicationDirector: "",
      host: "",
      accessibilityContact: "",
    }
  );
}

/** The retention period in months. */
export async function retentionMonths(db: Database | Tx): Promise<number> {
  return (await platformSettings(db)).retentionMonths;
}
