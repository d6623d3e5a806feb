import { z } from "@hono/zod-openapi";
import { IANAZone } from "luxon";
import { SITUATIONS } from "../../domain/routing.ts";
import {
  communeCode,
  displayedPhoneNumber,
  eachOnce,
  emailAddress,
  localDate,
  personName,
  placeName,
  requiredText,
  text,
} from "../../http/fields.ts";

// Bodies of the directory administration. Every object is strict: a field the route does not
// take (`structureId`, `status`, `regionalAdmin` where it does not belong…) is refused with a
// 422 naming it, never silently applied or dropped.

const slug = z
  .string("l'identifiant est obligatoire.")
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "minuscules, chiffres et tirets, par exemple cio-lille-centre")
  .max(80, "80 caractères au plus.");
const nullable = <T extends z.ZodType>(schema: T) => schema.nullable().optional();
const uniqueList = <T extends z.ZodType>(item: T, max: number) =>
  z.array(item).max(max, `${max} éléments au plus.`).refine(eachOnce, "chaque valeur ne doit figurer qu'une fois.");
const minutes = (min: number, max: number) =>
  z.int("nombre entier de minutes attendu.").min(min, `${min} minutes au moins.`).max(max, `${max} minutes au plus.`);

export const Mode = z.enum(["onsite", "phone", "video"]);
export const BookableBy = z.enum(["public", "staff", "referral"]);
export const Situation = z.enum(SITUATIONS);
export const SproRole = z.enum(["spo", "cep", "pic_vae"]);
export const MembershipRole = z.enum(["advisor", "reception", "structure_admin", "referrer"]);
export const NetworkKind = z.enum(["spro", "partner"]);

export const NetworkInput = z
  .object({ slug, name: placeName("Le nom", 120), kind: NetworkKind, description: text(2000).optional() })
  .strict();
export const NetworkPatch = NetworkInput.omit({ slug: true }).partial().strict();

const structureFields = {
  name: placeName("Le nom", 160),
  description: text(2000).optional(),
  phone: nullable(displayedPhoneNumber),
  email: nullable(emailAddress),
  website: nullable(z.url({ protocol: /^https?$/, error: "adresse web attendue, par exemple https://exemple.fr" }).max(300)),
  inboxAlert: z
    .boolean("vrai ou faux attendu.")
    .optional()
    .openapi({ description: "Prévenir `inboxEmail` par courriel de chaque orientation reçue." }),
  inboxEmail: nullable(emailAddress).openapi({
    description: "L'adresse partagée (accueil@…) prévenue des orientations reçues : le courriel ne nomme pas la personne.",
  }),
  timeZone: z
    .string()
    .refine((zone) => IANAZone.isValidZone(zone), "fuseau horaire inconnu, par exemple Europe/Paris ou America/Cayenne.")
    .optional(),
};
/** What only the Région sets on a structure: its identity in the SPRO and its sectorisation. */
const regionalStructureFields = {
  slug,
  networkId: z.uuid("identifiant de réseau attendu."),
  sproRoles: uniqueList(SproRole, 3).optional(),
  communes: uniqueList(communeCode, 2000).optional(),
  active: z.boolean().optional(),
};
export const REGIONAL_STRUCTURE_FIELDS = Object.keys(regionalStructureFields);

export const StructureInput = z.object({ ...structureFields, ...regionalStructureFields }).strict();
export const StructurePatch = StructureInput.partial().strict();

const siteFields = {
  name: placeName("Le nom du lieu", 160),
  address: requiredText("L'adresse", 300),
  postcode: z.string().regex(/^\d{5}$/, "code postal à 5 chiffres attendu."),
  communeCode,
  accessInfo: text(1000).optional(),
  phone: nullable(displayedPhoneNumber),
};
export const SiteInput = z.object(siteFields).strict();
export const SitePatch = z
  .object({ ...siteFields, active: z.boolean() })
  .partial()
  .strict();

const offeringFields = {
  durationMinutes: minutes(5, 480),
  bufferMinutes: minutes(0, 120).optional(),
  modes: uniqueList(Mode, 3).min(1, "au moins une modalité (sur place, téléphone ou visio)."),
  minNoticeMinutes: minutes(0, 43_200).optional(),
  horizonDays: z.int().min(1, "1 jour au moins.").max(365, "365 jours au plus.").optional(),
  bookableBy: BookableBy.optional(),
  minAge: nullable(z.int().min(0).max(120)),
  maxAge: nullable(z.int().min(0).max(120)),
  situations: uniqueList(Situation, SITUATIONS.length).optional(),
  seats: z.int().min(1, "1 place au moins.").max(200, "200 places au plus.").optional(),
  reminderPlan: uniqueList(minutes(15, 20_160), 4).optional(),
  instructions: text(1000).optional(),
};
export const OfferingInput = z.object({ serviceId: z.uuid("identifiant de service attendu."), ...offeringFields }).strict();
export const OfferingPatch = z
  .object({ ...offeringFields, active: z.boolean() })
  .partial()
  .strict();

export const MemberInvite = z
  .object({ email: emailAddress, firstName: personName("Le prénom"), lastName: personName("Le nom"), role: MembershipRole })
  .strict();
export const MembershipPatch = z.object({ role: MembershipRole }).strict();

export const UserInvite = z
  .object({
    email: emailAddress,
    firstName: personName("Le prénom"),
    lastName: personName("Le nom"),
    regionalAdmin: z.boolean().optional(),
    territoryIds: uniqueList(z.uuid(), 100).optional(),
  })
  .strict()
  // An account opened here is a Région or coordination one; structure staff are invited as members.
  .refine((u) => u.regionalAdmin || u.territoryIds?.length, {
    message: "choisissez au moins un territoire à coordonner, ou l'administration régionale.",
    path: ["territoryIds"],
  });
export const UserPatch = z
  .object({
    firstName: personName("Le prénom"),
    lastName: personName("Le nom"),
    active: z.boolean(),
    regionalAdmin: z.boolean(),
    territoryIds: uniqueList(z.uuid(), 100),
  })
  .partial()
  .strict();

export const TerritoryInput = z
  .object({ slug, name: placeName("Le nom", 160), communes: uniqueList(communeCode, 5000) })
  .strict();
export const TerritoryPatch = TerritoryInput.omit({ slug: true }).partial().strict();

export const ClosureInput = z
  .object({
    siteId: nullable(z.uuid("identifiant de lieu attendu.")),
    startDate: localDate,
    endDate: localDate,
    reason: text(200).optional(),
    /** When meetings are booked those days: keep them, or cancel them and tell the people. */
    onBooked: z.enum(["keep", "cancel"], "« keep » (garder les rendez-vous) ou « cancel » (les annuler).").optional(),
  })
  .strict()
  .refine((c) => c.endDate >= c.startDate, { message: "la fin ne peut précéder le début.", path: ["endDate"] });

export const IdParam = z.object({ id: z.uuid("identifiant attendu.") });
