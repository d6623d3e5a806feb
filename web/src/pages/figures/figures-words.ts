// Figures in French: masked counts, percentages, delays.

/** A count; a masked one reads « masqué ». */
export const countText = (count: number | null) => (count === null ? "masqué" : count.toLocaleString("fr-FR"));

/** A share as a percentage: 0.243 → « 24,3 % »; « — » when there is too little to say. */
export const percentText = (share: number | null, rounded = false) =>
  share === null ? "—" : `${rounded ? "≈ " : ""}${(Math.round(share * 1000) / 10).toLocaleString("fr-FR")} %`;

/** A delay in days: 6.5 → « 6,5 jours », 1 → « 1 jour »; « — » without enough appointments. */
export function daysText(days: number | null): string {
  if (days === null) return "—";
  return `${days.toLocaleString("fr-FR")} ${days >= 2 ? "jours" : "jour"}`;
}

export const hoursText = (hours: number) => `${hours.toLocaleString("fr-FR")} h`;

/** What a masked count and a dash mean, said once above each table. */
export const MASKING_NOTE =
  "« masqué » : un effectif de 1 à 4, ou un autre qui permettrait de le retrouver par calcul, caché pour que personne ne puisse être reconnu. « ≈ » : un taux qui repose sur un effectif masqué, arrondi pour ne pas le révéler ; il n'est donné qu'à partir de 100 rendez-vous comptés dans le taux (ceux dont l'issue est notée, pour le taux d'absence). « — » : trop peu pour calculer un taux ou un délai.";

/** A chart draws a masked count as nothing. */
export const drawn = (count: number | null) => count ?? 0;
