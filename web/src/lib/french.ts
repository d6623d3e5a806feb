import { formatDate, type LocalDate } from "./dates.ts";

// The small words of French that change with what follows them. « de » is the server's too
// (e-mails, messages): one rule, in server/domain/french.ts.
export { counted, de } from "../../../server/domain/french.ts";

/** « du 7 mai 2027 », « du 1er mai 2027 au 3 mai 2027 » (both days included). */
export function du(start: LocalDate, end: LocalDate = start): string {
  return end === start ? `du ${formatDate(start)}` : `du ${formatDate(start)} au ${formatDate(end)}`;
}

/** A sentence starts with a capital, whatever the server or a template put first. */
export function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
