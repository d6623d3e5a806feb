import { z } from "@hono/zod-openapi";
import { BookableBy, Mode } from "../admin/schemas.ts";
import { FullName, IdName, NamedPerson, NotifiedBy, ShownPhone, Told, ZonedInstant } from "../appointments/schemas.ts";
import { BookingAnswer } from "../bookings/schemas.ts";
import { SlotSchema } from "../slots/schemas.ts";

// The reception desk's answers (routes.ts, desk-slots.ts); its slots and bookings are also the referrals'.

export const DeskPerson = NamedPerson.extend({
  email: z.string().nullable(),
  phone: ShownPhone,
  notifiedBy: NotifiedBy,
  told: Told,
  birthYear: z.int().nullable(),
  lastSeen: z.string().nullable().openapi({
    description: "Son dernier rendez-vous dans la structure (ISO 8601, UTC) ; null : en liste d'attente, sans rendez-vous.",
  }),
  upcoming: z
    .array(z.object({ id: z.uuid(), start: ZonedInstant, mode: Mode, service: z.string(), advisor: FullName }))
    .openapi({ description: "Ses rendez-vous à venir (ou en cours) dans la structure, les plus proches d'abord ; 5 au plus." }),
});

export const DeskStructureChoice = z.object({
  id: z.uuid(),
  name: z.string(),
  network: z.object({ name: z.string() }),
  own: z.boolean().openapi({ description: "Une de ses structures ; les autres ont une offre ouverte aux professionnels." }),
});

export const DeskStructure = z.object({
  id: z.uuid(),
  name: z.string(),
  offerings: z.array(
    z.object({
      id: z.uuid(),
      durationMinutes: z.int(),
      modes: z.array(Mode),
      bookableBy: BookableBy,
      service: IdName,
    }),
  ),
  advisors: z.array(NamedPerson),
  sites: z.array(IdName).openapi({ description: "Les lieux de la structure, par nom." }),
});

/** A free slot as staff choose it: with the advisor's name and the place's. */
export const DeskSlot = SlotSchema.extend({ advisor: NamedPerson.nullable(), site: IdName.nullable() }).openapi("DeskSlot");
/** A free slot with its place's name, without the advisor's (a referrer from elsewhere, an invited person). */
export const PlacedSlot = SlotSchema.extend({ site: IdName.nullable() });

/** A booking made for someone: the appointment, the private link, with whom, whether a confirmation e-mail is on its way. */
export const DeskBooking = BookingAnswer.extend({ advisor: FullName, confirmationSent: z.boolean() }).openapi("DeskBooking");

export const DeskPeopleResponse = z.object({ people: z.array(DeskPerson) });
export const DeskStructuresResponse = z.object({ structures: z.array(DeskStructureChoice) });
export const DeskOfferingsResponse = z.object({ structure: DeskStructure });
export const DeskSlotsResponse = z.object({ slots: z.array(DeskSlot) });
