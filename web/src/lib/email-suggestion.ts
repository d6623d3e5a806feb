import { run } from "@zootools/email-spell-checker";
import { isEmailAddress } from "./email.ts";

// Apart from email.ts, which many pages share: only the person's e-mail field loads the
// spell-checker and its lists of domains.

/**
 * The providers most addresses here end with. Not the library's POPULAR_DOMAINS: that list is
 * of the English-speaking world, and its near-names of ours made wrong suggestions (« sfr.com »
 * became « sky.com », « gmail.fr » « mail.fr »).
 */
const DOMAINS = [
  "orange.fr",
  "wanadoo.fr",
  "free.fr",
  "sfr.fr",
  "neuf.fr",
  "numericable.fr",
  "club-internet.fr",
  "aliceadsl.fr",
  "bbox.fr",
  "laposte.net",
  "gmx.fr",
  "gmail.com",
  "hotmail.fr",
  "hotmail.com",
  "outlook.fr",
  "outlook.com",
  "live.fr",
  "live.com",
  "msn.com",
  "yahoo.fr",
  "yahoo.com",
  "ymail.com",
  "icloud.com",
  "me.com",
  "aol.com",
  "protonmail.com",
  "proton.me",
  "mail.com",
];

/** The address the person probably meant, « jean@gmail.com » for « jean@gmial.com »; undefined when none. */
export function emailSuggestion(text: string): string | undefined {
  const email = text.trim();
  if (!isEmailAddress(email)) return undefined;
  return run({
    email,
    domains: DOMAINS,
    // The same names when only one half is mistyped (« orange.ft », « gmial.com »).
    secondLevelDomains: DOMAINS.map((domain) => domain.split(".")[0] as string),
    topLevelDomains: ["fr", "com", "net", "me"],
  })?.full;
}
