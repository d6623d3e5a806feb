import { z } from "@hono/zod-openapi";
import { SESSION_SEGMENT } from "../../domain/session-path.ts";
import { Mode } from "../admin/schemas.ts";
import {
  AppointmentOutcome,
  AppointmentStatus,
  Channel,
  FullName,
  IdName,
  NamedPerson,
  NotifiedBy,
  ShownPhone,
  Told,
  ZonedInstant,
} from "../appointments/schemas.ts";
import { PlacedSlot } from "../desk/schemas.ts";

// A collective session's answers (routes.ts): the seats sharing a session key, as one thing.

export const SessionParam = z.object({
  key: z.string().regex(SESSION_SEGMENT, "identifiant de session attendu (offre~conseiller~début).").openapi({
    example: "0b1c7a52-3d4e-4f60-8a9b-1c2d3e4f5a6b~8d2e6f70-1a2b-4c3d-9e8f-7a6b5c4d3e2f~2026-03-31T12:00:00.000Z",
    description: "La clé de session, « / » écrits « ~ ».",
  }),
});

export const SessionParticipant = z.object({
  appointmentId: z.uuid(),
  status: AppointmentStatus,
  outcome: AppointmentOutcome.nullable(),
  channel: Channel,
  bookedBy: FullName.nullable(),
  person: NamedPerson.extend({
    email: z.string().nullable(),
    phone: ShownPhone,
    notifiedBy: NotifiedBy,
    told: Told,
  }),
});

export const Session = z
  .object({
    key: z.string().openapi({ description: "La clé de session telle qu'elle s'écrit dans une adresse." }),
    start: ZonedInstant,
    end: ZonedInstant,
    mode: Mode,
    site: z.object({ id: z.uuid(), name: z.string(), address: z.string() }).nullable(),
    advisor: NamedPerson,
    structure: IdName,
    service: IdName,
    seats: z.int().openapi({ description: "Les places de la session." }),
    seatsTaken: z.int(),
    seatsLeft: z.int(),
    cancelled: z.boolean().openapi({ description: "Toutes ses places sont annulées." }),
    started: z.boolean().openapi({ description: "L'heure de la session est passée : les présences se notent." }),
    participants: z.array(SessionParticipant).openapi({ description: "Inscrits, puis annulés ; par nom." }),
  })
  .openapi("Session");

export const SessionResponse = z.object({ session: Session });

export const AttendanceInput = z
  .object({
    attendance: z
      .array(
        z
          .object({
            appointmentId: z.uuid("identifiant de rendez-vous attendu."),
            outcome: AppointmentOutcome.openapi({ description: "honoured (présent·e), no_show (absent·e), excused (excusé·e)." }),
          })
          .strict(),
      )
      .min(1, "Notez la présence d'au moins un participant.")
      .max(200),
  })
  .strict();

export const CancelSessionInput = z
  .object({ reason: z.string().trim().min(1, "Le motif est obligatoire.").max(500, "500 caractères au plus.") })
  .strict();

export const MoveSessionInput = z.object({ slotKey: z.string().min(1, "Choisissez le nouveau créneau.").max(200) }).strict();

/** After a move, the session under its new key: its page's address changes. */
export const MovedSession = z.object({ key: z.string(), start: ZonedInstant, moved: z.int() });

/** Where the whole session may go: slots of its advisor, as the desk lists them. */
export const SessionSlots = z.object({ slots: z.array(PlacedSlot) });
