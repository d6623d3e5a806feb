import { POPULAR_DOMAINS, run } from "@zootools/email-spell-checker";
import { isEmailAddress } from "./email.ts";

// Apart from email.ts, which many pages share: only the person's e-mail field loads the
// spell-checker and its lists of domains.

/** The providers most addresses here end with: the library's list speaks English, these come first. */
const DOMAINS = [
  "orange.fr",
  "wanadoo.fr",
  "free.fr",
  "sfr.fr",
  "neuf.fr",
  "laposte.net",
  "bbox.fr",
  "hotmail.fr",
  "outlook.fr",
  "live.fr",
  "yahoo.fr",
  ...POPULAR_DOMAINS,
];

/** The address the person probably meant, « jean@gmail.com » for « jean@gmial.com »; undefined when none. */
export function emailSuggestion(text: string): string | undefined {
  const email = text.trim();
  if (!isEmailAddress(email)) return undefined;
  return run({ email, domains: DOMAINS })?.full;
}
