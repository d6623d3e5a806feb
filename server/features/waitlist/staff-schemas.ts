import { z } from "@hono/zod-openapi";
import { meetingMode } from "../../http/fields.ts";
import { Channel, FullName, IdName, ZonedInstant } from "../appointments/schemas.ts";
import { PersonFields } from "../bookings/schemas.ts";
import { DeskPerson } from "../desk/schemas.ts";
import { WishesInput } from "./schemas.ts";

// The waiting lists as a structure's staff read and change them (staff-routes.ts).

const OfferStatus = z.enum(["open", "accepted", "declined", "expired", "withdrawn"]);
const EndReason = z.enum(["accepted", "left", "removed", "meeting", "expired", "offers", "erased"]);

/** One person waiting, as the structure's staff see them: who, since when, what they wish, what they were offered. */
export const StaffWaitlistEntry = z
  .object({
    id: z.uuid(),
    person: DeskPerson.omit({ lastSeen: true, upcoming: true }),
    service: IdName.openapi({ description: "Le service de l'offre attendue." }),
    offeringId: z.uuid(),
    since: ZonedInstant.openapi({ description: "Inscription (heure de la structure)." }),
    halfDays: z.array(z.string()).openapi({ description: "Les demi-journées possibles (« 1am » lundi matin…) ; vide : toutes." }),
    modes: z.array(meetingMode).openapi({ description: "Les modes acceptés ; vide : tous ceux de l'offre." }),
    until: z.string().nullable().openapi({ description: "Dernier jour d'attente, « AAAA-MM-JJ »." }),
    meeting: z
      .object({ id: z.uuid(), start: ZonedInstant })
      .nullable()
      .openapi({ description: "Le rendez-vous à avancer ; null : la personne n'en a pas." }),
    offersSent: z.int(),
    lastOffer: z
      .object({ status: OfferStatus, start: ZonedInstant, holdUntil: ZonedInstant })
      .nullable()
      .openapi({ description: "La dernière proposition envoyée et où elle en est." }),
    channel: Channel.openapi({ description: "Inscrite en ligne, à l'accueil, ou par une orientation." }),
    addedBy: FullName.nullable().openapi({ description: "Le professionnel qui l'a inscrite ; null : elle-même." }),
    waiting: z.boolean(),
    endedAt: ZonedInstant.nullable(),
    endReason: EndReason.nullable(),
  })
  .openapi("StaffWaitlistEntry");

export const StaffWaitlist = z.object({
  structure: IdName,
  offerings: z
    .array(z.object({ id: z.uuid(), service: IdName, waiting: z.int() }))
    .openapi({ description: "Les offres individuelles de la structure, et combien de personnes attendent chacune." }),
  entries: z.array(StaffWaitlistEntry).openapi({ description: "Dans l'ordre d'inscription : la première est servie d'abord." }),
});

export const StaffWaitlistQuery = z.object({
  structure: z.uuid("identifiant de structure attendu."),
  offering: z.uuid("identifiant d'offre attendu.").optional().openapi({ description: "Une seule offre ; sans elle, toutes." }),
  ended: z
    .enum(["true", "false"], "« true » ou « false » attendu.")
    .optional()
    .openapi({ description: "« true » : aussi les personnes sorties de la liste (les plus récentes d'abord après les autres)." }),
});

/** At the desk: someone known (by id) or new, for an offering of the structure — or a meeting of theirs to bring forward. */
export const DeskWaitlistInput = WishesInput.extend({
  offering: z.uuid("identifiant d'offre attendu.").optional(),
  person: z.union([z.object({ id: z.uuid("identifiant attendu.") }).strict(), PersonFields.strict()]).optional(),
  appointmentId: z.uuid("identifiant de rendez-vous attendu.").optional(),
})
  .strict()
  .refine((b) => b.appointmentId || (b.offering && b.person), {
    message: "Indiquez la personne et l'offre, ou le rendez-vous à avancer.",
    path: ["person"],
  })
  .refine((b) => !(b.appointmentId && (b.person || b.offering)), {
    message: "Un rendez-vous à avancer donne sa personne et son offre : ne les indiquez pas en plus.",
    path: ["appointmentId"],
  })
  .openapi("DeskWaitlistInput");
export type DeskWaitlistInput = z.infer<typeof DeskWaitlistInput>;

/** A referral's receiving structure puts its person on a list: its offering of the referral's service, unless another is named. */
export const ReferralWaitlistInput = WishesInput.extend({
  offering: z
    .uuid("identifiant d'offre attendu.")
    .optional()
    .openapi({ description: "Une offre de la structure ; par défaut, celle du service demandé." }),
})
  .strict()
  .openapi("ReferralWaitlistInput");
export type ReferralWaitlistInput = z.infer<typeof ReferralWaitlistInput>;

export const AddedEntry = z.object({ entry: StaffWaitlistEntry });
