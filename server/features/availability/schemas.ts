import { z } from "@hono/zod-openapi";
import { Mode } from "../admin/schemas.ts";
import { DateOnly, FullName, IdName, ShownPhone, Told, ZonedInstant } from "../appointments/schemas.ts";

// The availability editor's view of an advisor in a structure (routes.ts).

export const AvailabilityRule = z
  .object({
    id: z.uuid(),
    advisorId: z.uuid(),
    structureId: z.uuid(),
    siteId: z.uuid().nullable().openapi({ description: "Null : une plage à distance." }),
    modes: z.array(Mode),
    weekdays: z.array(z.int()).openapi({ description: "1 = lundi … 7 = dimanche." }),
    startTime: z.string().openapi({ example: "09:00" }),
    endTime: z.string().openapi({ example: "12:30" }),
    validFrom: DateOnly,
    validUntil: DateOnly.nullable(),
    everyWeeks: z.int(),
    onHolidays: z.boolean(),
    offeringIds: z.array(z.uuid()),
  })
  .openapi("AvailabilityRule");

export const Availability = z
  .object({
    zone: z.string().openapi({ example: "Europe/Paris" }),
    rules: z.array(AvailabilityRule),
    absences: z
      .array(
        z.object({
          id: z.uuid(),
          start: ZonedInstant,
          end: ZonedInstant,
          reason: z.string().nullable().openapi({ description: "Le motif, pour les absences de ses structures ; null sinon." }),
          removable: z.boolean().openapi({ description: "Déclarée par cette structure : elle peut la supprimer." }),
        }),
      )
      .openapi({ description: "Les absences à venir du conseiller, toutes structures." }),
    sites: z.array(IdName),
    offerings: z.array(z.object({ id: z.uuid(), service: z.object({ name: z.string() }) })),
  })
  .openapi("Availability");

/**
 * A meeting of the structure a change cancelled, and how its person heard of it
 * (domain/contact.ts `toldOf`): the structure's own meetings alone, never another's.
 */
export const CancelledMeeting = z
  .object({
    id: z.uuid(),
    start: ZonedInstant,
    service: z.string(),
    person: FullName,
    told: Told.openapi({
      description:
        "Par où l'annulation lui est envoyée : courriel (`email`), SMS (`sms`), les deux ; vide : personne ne l'a prévenue.",
    }),
    phone: ShownPhone.openapi({
      description:
        "Le numéro à appeler, quand aucun message ne lui parvient (un fixe, ou un mobile sans SMS) ; null sinon. Vide et null : aucun moyen de contact.",
    }),
  })
  .openapi("CancelledMeeting");

/** What a change of availability (a range, an absence, a closure) did to the booked meetings. */
export const AvailabilityChange = z
  .object({
    id: z.uuid(),
    affected: z.int(),
    cancelled: z.int(),
    cancelledMeetings: z.array(CancelledMeeting).openapi({
      description: "Les rendez-vous de la structure annulés par le changement, dans l'ordre, avec qui prévenir.",
    }),
    conflicts: z.array(z.object({ start: z.string(), end: z.string() })).openapi({
      description: "Rendez-vous du conseiller dans ses autres structures pendant l'absence : l'heure seulement ; ils restent.",
    }),
  })
  .openapi("AvailabilityChange");
