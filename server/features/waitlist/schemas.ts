import { z } from "@hono/zod-openapi";
import { HALF_DAYS } from "../../domain/half-days.ts";
import { eachOnce, localDate, meetingMode } from "../../http/fields.ts";
import { AppointmentSchema, PersonInput } from "../bookings/schemas.ts";
import { SlotSchema } from "../slots/schemas.ts";

/** When and how the person can come; nothing said: any time, any mode. */
export const WishesInput = z
  .object({
    halfDays: z
      .array(z.enum(HALF_DAYS, "demi-journée attendue : « 1am » (lundi matin) … « 7pm » (dimanche après-midi)"))
      .max(HALF_DAYS.length)
      .refine(eachOnce, "chaque demi-journée une fois")
      .optional()
      .openapi({
        description: "Les demi-journées possibles (jour ISO 1–7, am : matin, pm : après-midi) ; vide : toutes.",
        example: ["1am", "3pm"],
      }),
    modes: z
      .array(meetingMode)
      .max(3)
      .refine(eachOnce, "chaque mode une fois")
      .optional()
      .openapi({ description: "Les modes acceptés ; vide : tous ceux du service." }),
    until: localDate.optional().openapi({ description: "Dernier jour d'attente ; sans date : jusqu'au rendez-vous (ou un an)." }),
  })
  .strict();
export type WishesInput = z.infer<typeof WishesInput>;

/** Someone with no meeting asks to be told when time opens: contact and notice, as a booking. */
export const JoinInput = WishesInput.extend({
  service: z.string("le service est obligatoire").min(1, "le service est obligatoire").max(100),
  structure: z.uuid("identifiant de structure attendu"),
  person: PersonInput,
  noticeAccepted: z.literal(true, "Vous devez prendre connaissance de l'information sur vos données personnelles."),
})
  .strict()
  .openapi("WaitlistJoinInput");
export type JoinInput = z.infer<typeof JoinInput>;

/** A place on a waiting list, as the person sees it. */
export const WaitlistEntrySchema = z
  .object({
    id: z.uuid(),
    since: z.string().openapi({ description: "Inscription (heure de la structure).", example: "2026-12-07T10:15:00+01:00" }),
    halfDays: z.array(z.string()),
    modes: z.array(meetingMode),
    until: z.string().nullable().openapi({ description: "Dernier jour d'attente, « AAAA-MM-JJ »." }),
    offersSent: z.int(),
    waiting: z.boolean().openapi({ description: "Faux une fois sorti de la liste (rendez-vous pris, départ, date passée…)." }),
    service: z.object({ slug: z.string(), name: z.string() }),
    structure: z.object({ id: z.uuid(), name: z.string() }),
  })
  .openapi("WaitlistEntry");

export const JoinAnswer = z.object({
  entry: WaitlistEntrySchema,
  waitlistUrl: z
    .url()
    .openapi({ description: "Le lien privé pour voir ou quitter la liste (montré une fois, envoyé par message)." }),
});

const OfferSite = z.object({ id: z.uuid(), name: z.string(), address: z.string(), postcode: z.string(), commune: z.string() });

/** A freed slot offered to someone waiting, with the other free ones earlier than their meeting. */
export const OfferSchema = z
  .object({
    status: z.enum(["open", "accepted", "declined", "expired", "withdrawn"]),
    holdUntil: z.string().openapi({ description: "Le créneau est réservé à la personne jusqu'à cette heure." }),
    slot: SlotSchema,
    site: OfferSite.nullable().openapi({ description: "Le lieu du créneau réservé ; null à distance." }),
    sites: z.array(OfferSite).openapi({ description: "Les lieux du créneau réservé et des autres créneaux." }),
    current: z
      .string()
      .nullable()
      .openapi({ description: "Le début du rendez-vous que la personne a déjà (qui serait remplacé) ; null sans rendez-vous." }),
    service: z.object({ slug: z.string(), name: z.string() }),
    structure: z.object({ id: z.uuid(), name: z.string() }),
    alternatives: z
      .array(SlotSchema)
      .openapi({ description: "D'autres créneaux libres plus tôt que le rendez-vous actuel (cinq au plus), non réservés." }),
  })
  .openapi("WaitlistOffer");

/** The meeting taken, and its private link when known (shown once: it is stored hashed). */
export const AcceptAnswer = z.object({ appointment: AppointmentSchema, manageUrl: z.url().nullable() });

export const AcceptInput = z
  .object({
    slotKey: z
      .string()
      .min(1)
      .max(200)
      .optional()
      .openapi({ description: "Un des autres créneaux proposés ; sans lui, le créneau réservé." }),
  })
  .strict();

export const DeclineInput = z
  .object({ leave: z.boolean("vrai ou faux attendu.").optional().openapi({ description: "Quitter aussi la liste." }) })
  .strict();
