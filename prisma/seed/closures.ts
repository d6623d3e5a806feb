/** A structure (siteKey absent) or one of its sites closed from `startDate` to `endDate`, both included. */
export interface ClosureDef {
  structureSlug: string;
  siteKey?: string;
  startDate: string;
  endDate: string;
  reason: string;
}

const CHRISTMAS = { startDate: "2026-12-24", endDate: "2027-01-01" };

/** CIOs follow the school calendar: closed for three weeks in summer and over Christmas. */
function cioClosures(slug: string): ClosureDef[] {
  return [
    { structureSlug: slug, startDate: "2026-07-20", endDate: "2026-08-14", reason: "Fermeture estivale" },
    { structureSlug: slug, ...CHRISTMAS, reason: "Fermeture pendant les vacances de Noël" },
  ];
}

export function closuresFor(structureSlugs: string[]): ClosureDef[] {
  const cios = structureSlugs.filter((slug) => slug.startsWith("cio-"));
  return [
    ...cios.flatMap(cioClosures),
    // Smaller sites close between Christmas and New Year while the main one stays open.
    { structureSlug: "mission-locale-lille", siteKey: "fives", ...CHRISTMAS, reason: "Site fermé entre Noël et le jour de l'An" },
    {
      structureSlug: "mission-locale-grand-amienois",
      siteKey: "doullens",
      ...CHRISTMAS,
      reason: "Site fermé entre Noël et le jour de l'An",
    },
    { structureSlug: "cap-emploi-nord", siteKey: "dunkerque", ...CHRISTMAS, reason: "Site fermé entre Noël et le jour de l'An" },
    { structureSlug: "pic-vae-aisne", siteKey: "soissons", ...CHRISTMAS, reason: "Site fermé entre Noël et le jour de l'An" },
    {
      structureSlug: "cio-douai",
      startDate: "2027-02-15",
      endDate: "2027-02-19",
      reason: "Travaux de mise en accessibilité de l'accueil",
    },
    {
      structureSlug: "france-travail-lens",
      startDate: "2027-01-29",
      endDate: "2027-01-29",
      reason: "Journée de formation de l'équipe",
    },
    {
      structureSlug: "crij-hauts-de-france",
      siteKey: "amiens",
      startDate: "2027-03-08",
      endDate: "2027-03-12",
      reason: "Déménagement du site",
    },
  ];
}
