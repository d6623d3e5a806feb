declare module "@socialgouv/jours-feries" {
  /** The public holidays of a year, by French name; dates at local midnight of the process. */
  export default function joursFeries(year: number, options?: { alsace?: boolean }): Record<string, Date>;
}
