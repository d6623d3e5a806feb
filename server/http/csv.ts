// CSV as a French Excel opens it: UTF-8 with a byte-order mark (or accents come out garbled),
// semicolons (the comma is the decimal separator), CRLF lines, decimal commas — and no text a
// spreadsheet would run as a formula.

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
