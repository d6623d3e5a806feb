// CSV as a French Excel opens it: UTF-8 with a byte-order mark (or accents come out garbled),
// semicolons (the comma is the decimal separator), CRLF lines, decimal commas.

export type Cell = string | number | null | undefined;

function cell(value: Cell): string {
  if (value === null || value === undefined) return "";
  const text = typeof value === "number" ? String(value).replace(".", ",") : value;
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
