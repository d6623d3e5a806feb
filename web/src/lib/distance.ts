/** How far a structure is, as people say it: « à 23 km », « à 800 m ». Null when unknown. */
export function distanceWords(distanceKm: number | null | undefined): string | null {
  if (distanceKm === null || distanceKm === undefined) return null;
  if (distanceKm < 1) return `à ${Math.max(100, Math.round(distanceKm * 10) * 100)}\u00a0m`;
  return `à ${Math.round(distanceKm)}\u00a0km`;
}
