import { CIBC_STRUCTURES, EIF_STRUCTURES, PIC_VAE_STRUCTURES, TRANSITIONS_AND_OPACIF } from "./career.ts";
import { CIO_STRUCTURES } from "./cio.ts";
import { APEC, CAP_EMPLOI_STRUCTURES, FRANCE_TRAVAIL_AGENCIES } from "./employment.ts";
import { PARTNERS } from "./partners.ts";
import type { StructureDef } from "./types.ts";
import { INFORMATION_JEUNESSE_STRUCTURES, MISSIONS_LOCALES, UNIVERSITIES } from "./youth.ts";

export type { Sectorisation, SiteDef, StructureDef } from "./types.ts";

/** Every structure of the demo, SPRO members first, then partners. */
export const STRUCTURES: StructureDef[] = [
  ...CIO_STRUCTURES,
  ...MISSIONS_LOCALES,
  ...INFORMATION_JEUNESSE_STRUCTURES,
  ...UNIVERSITIES,
  ...APEC,
  ...CAP_EMPLOI_STRUCTURES,
  ...FRANCE_TRAVAIL_AGENCIES,
  ...CIBC_STRUCTURES,
  ...PIC_VAE_STRUCTURES,
  ...TRANSITIONS_AND_OPACIF,
  ...EIF_STRUCTURES,
  ...PARTNERS,
];
