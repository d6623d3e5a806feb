import { domainToASCII, domainToUnicode } from "node:url";
import { z } from "@hono/zod-openapi";
import { ACCESSIBILITY_AIDS } from "../domain/accessibility.ts";
import { type Phone, parsePhone, phoneForPeople } from "../domain/phone.ts";
import { localDateProblem, YEARS } from "../domain/time.ts";

// Field validators shared by the API's bodies, each with its French message.

/**
 * What no name may hold: control characters (a line break would start a line of its own in a
 * calendar, an e-mail header or a log), line separators, and the bidirectional overrides that
 * make a text read otherwise than it is (U+202A–U+202E, U+2066–U+2069).
 */
const UNWRITABLE = /[\p{Cc}\u2028\u2029\u202a-\u202e\u2066-\u2069]/u;

/**
 * No digit, no < > { }. Without a flag: the API document writes a regex's flags into its
 * pattern (`…$/u`), which then matches no name at all for a client generated from it. The class
 * matches the same without `u` (a character outside the BMP is two code units, neither excluded).
 */
const NAME = /^[^<>{}\d]*$/;

/** How a meeting is held, as a query filter. */
export const meetingMode = z.enum(["onsite", "phone", "video"], "mode attendu : onsite, phone ou video");

/** A first or last name. */
export const personName = (what: string) =>
  z
    .string(`${what} est obligatoire.`)
    .trim()
    .min(1, `${what} est obligatoire.`)
    .max(100, `${what} : 100 caractères au plus.`)
    .regex(NAME, `${what} ne peut contenir ni chiffres ni caractères spéciaux.`)
    .refine((v) => !UNWRITABLE.test(v), `${what} ne peut contenir ni retour à la ligne ni caractère de contrôle.`);

/** The name of a place or an organisation (a structure, a site, a network, a territory). */
export const placeName = (what: string, max: number) =>
  requiredText(what, max).refine(
    (v) => !UNWRITABLE.test(v),
    `${what} ne peut contenir ni retour à la ligne ni caractère de contrôle.`,
  );

const EMAIL_PROBLEM = "adresse électronique invalide, par exemple prenom.nom@exemple.fr";
const ASCII_EMAIL = z.email().max(254);
/** What a domain may hold before IDNA converts it: letters of any script, digits, dots, hyphens (web/src/lib/email.ts says the same). */
const DOMAIN = /^[\p{L}\p{M}\p{N}.-]+$/u;

/**
 * Trimmed and lower-cased: « Léa.Durand@Exemple.fr » is the same address as « léa.durand@exemple.fr ».
 * A domain is kept as people write it, « exämple.fr », whether it came so or as its ASCII form
 * « xn--exmple-cua.fr » (what a browser's e-mail input gives): one address, one form, shown back
 * as written. It is checked in its ASCII form, which SMTP needs and nodemailer writes at send time.
 */
export const emailAddress = z
  .string("l'adresse électronique est obligatoire.")
  .trim()
  .transform((value, ctx) => {
    const at = value.lastIndexOf("@");
    const [local, domain] = [value.slice(0, at).toLowerCase(), value.slice(at + 1)];
    const ascii = at > 0 && DOMAIN.test(domain) ? domainToASCII(domain) : "";
    if (!ascii || !ASCII_EMAIL.safeParse(`${local}@${ascii}`).success) {
      ctx.addIssue({ code: "custom", message: EMAIL_PROBLEM });
      return z.NEVER;
    }
    return `${local}@${domainToUnicode(ascii) || ascii}`;
  });

const PHONE_PROBLEM = "numéro de téléphone invalide, par exemple 06 12 34 56 78";

/** A phone number as people write it, if a numbering plan has it (domain/phone.ts). */
const phone = <T>(kept: (phone: Phone) => T) =>
  z.string(PHONE_PROBLEM).transform((value, ctx) => {
    const phone = parsePhone(value);
    if (phone) return kept(phone);
    ctx.addIssue({ code: "custom", message: PHONE_PROBLEM });
    return z.NEVER;
  });

/** A person's number, kept in E.164: « 06 12 34 56 78 », « +33 (0)6 12 34 56 78 » are stored « +33612345678 ». */
export const phoneNumber = phone((phone) => phone.e164);

/**
 * A structure's or a site's number, which people read and call, never texted: checked as a
 * person's, kept as the pages show it (« 03 20 11 22 33 »).
 */
export const displayedPhoneNumber = phone((phone) => phoneForPeople(phone.e164));

export const communeCode = z
  .string()
  .regex(/^(\d{5}|2[AB]\d{3})$/, "code INSEE à 5 caractères attendu, par exemple 59350 pour Lille")
  .openapi({ example: "59350" });

/** No value twice in a list (`.refine(eachOnce, message)`). */
export const eachOnce = (xs: readonly unknown[]) => new Set(xs).size === xs.length;

/** The arrangements ticked for a meeting (domain/accessibility.ts), each once. */
export const accessibilityAids = z
  .array(
    z.enum(ACCESSIBILITY_AIDS, `aménagement inconnu ; valeurs possibles : ${ACCESSIBILITY_AIDS.join(", ")}.`),
    "liste d'aménagements attendue.",
  )
  .refine(eachOnce, "chaque aménagement ne doit figurer qu'une fois.")
  .openapi({ description: "Les aménagements demandés pour le rendez-vous ; `accessibilityNeeds` précise le reste." });

/** A short free text (a label, a reason). */
export const text = (max: number) =>
  z
    .string({ error: (issue) => (issue.input === undefined ? "Ce champ est obligatoire." : "texte attendu.") })
    .trim()
    .max(max, `${max} caractères au plus.`);

export const requiredText = (what: string, max: number) =>
  z.string(`${what} est obligatoire.`).trim().min(1, `${what} est obligatoire.`).max(max, `${max} caractères au plus.`);

const DATE_PROBLEMS = {
  format: "date attendue au format AAAA-MM-JJ, par exemple 2026-03-30.",
  nonexistent: "cette date n'existe pas (format AAAA-MM-JJ).",
  year: `date entre ${YEARS.first} et ${YEARS.last} attendue.`,
};

/** What is wrong with a calendar date "YYYY-MM-DD", in French, if anything. */
export function dateProblem(value: string): string | undefined {
  const problem = localDateProblem(value);
  return problem && DATE_PROBLEMS[problem];
}

/** A calendar date "YYYY-MM-DD" that exists, in the years the platform deals in. */
export const localDate = z
  .string(DATE_PROBLEMS.format)
  .superRefine((value, ctx) => {
    const message = dateProblem(value);
    if (message) ctx.addIssue({ code: "custom", message });
  })
  .openapi({ example: "2026-03-30" });
