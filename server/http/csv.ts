// CSV as a French Excel opens it: UTF-8 with a byte-order mark (or accents come out garbled),
// semicolons (the comma is the decimal separator), CRLF lines, decimal commas — and no text a
// spreadsheet would run as a formula. Every export writes its dates one way: « jj/mm/aaaa », and
// times « hh:mm » in a column of their own, read in the structure's zone (docs/DECISIONS.md).

import { type LocalDate, toZonedIso } from "../domain/time.ts";

export type Cell = string | number | null | undefined;

/**
 * What Excel and LibreOffice read as the start of a formula: a name typed as
 * `=HYPERLINK("https://…")` would otherwise become a link, `=cmd|…` a command. OWASP's rule
 * (CSV injection): such a text cell starts with an apostrophe, which shows it as text.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

function cell(value: Cell): string {
  if (value === null || value === undefined) return "";
  const text = typeof value === "number" ? String(value).replace(".", ",") : FORMULA_START.test(value) ? `'${value}` : value;
  return /[;"\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function toCsv(header: readonly string[], rows: readonly (readonly Cell[])[]): string {
  return `\uFEFF${[header, ...rows].map((row) => row.map(cell).join(";")).join("\r\n")}\r\n`;
}

/** A count as exported: masked ones (null) read « masqué ». */
export const countCell = (count: number | null): Cell => (count === null ? "masqué" : count);

/** The headers of a CSV download; the file name is ASCII, so no encoding is needed. */
export const csvHeaders = (fileName: string) => ({
  "Content-Type": "text/csv; charset=utf-8",
  "Content-Disposition": `attachment; filename="${fileName}"`,
});

/** A day as every CSV writes it, the way a French spreadsheet reads a date: "2026-10-26" → « 26/10/2026 ». */
export const csvDate = (day: LocalDate): string => `${day.slice(8, 10)}/${day.slice(5, 7)}/${day.slice(0, 4)}`;

/** An instant as every CSV writes it, in the structure's zone: its day « 26/10/2026 » and its time « 09:30 ». */
export function csvDateAndTime(instant: Date, zone: string): [string, string] {
  const iso = toZonedIso(instant, zone);
  return [csvDate(iso.slice(0, 10)), iso.slice(11, 16)];
}
