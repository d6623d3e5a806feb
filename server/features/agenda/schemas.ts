import { z } from "@hono/zod-openapi";
import { accessibilityAids } from "../../http/fields.ts";
import { Mode } from "../admin/schemas.ts";
import {
  AppointmentOutcome,
  AppointmentStatus,
  Channel,
  DateOnly,
  FullName,
  IdName,
  NamedPerson,
  NotifiedBy,
  ShownPhone,
  Told,
  ZonedInstant,
} from "../appointments/schemas.ts";
import { AppointmentSchema } from "../bookings/schemas.ts";

// The agenda's answers (routes.ts, load-agenda.ts).

/** What every view of a meeting says first: which, in what state, how it is held, how it was booked. */
const Meeting = z.object({
  id: z.uuid(),
  status: AppointmentStatus,
  outcome: AppointmentOutcome.nullable(),
  mode: Mode,
  channel: Channel,
});

/** The collective session a seat belongs to, as its page's address names it (domain/session-path.ts). */
const SessionOf = z.string().nullable().openapi({
  description:
    "La session collective dont ce rendez-vous est une place (sa clé dans une adresse) ; null pour un rendez-vous individuel.",
});

export const AgendaAppointment = Meeting.extend({
  structure: IdName,
  site: IdName.nullable(),
  advisor: NamedPerson,
  person: FullName.extend({ phone: ShownPhone }),
  start: ZonedInstant,
  end: ZonedInstant,
  service: z.object({ name: z.string() }),
  seats: z
    .int()
    .openapi({ description: "Les places de l'offre : plus d'une, une séance collective dont ce rendez-vous est une place." }),
  session: SessionOf,
}).openapi("AgendaAppointment");

export const Agenda = z
  .object({
    zone: z.string().openapi({ example: "Europe/Paris" }),
    today: DateOnly.openapi({ description: "Le jour du serveur dans le fuseau de l'agenda." }),
    now: ZonedInstant.openapi({ description: "L'heure du serveur : le prochain rendez-vous est le premier qui la suit." }),
    advisors: z
      .array(NamedPerson)
      .openapi({ description: "Les conseillers affichés, par nom (une colonne chacun en vue d'équipe)." }),
    sites: z.array(IdName).openapi({ description: "Les lieux des structures : ceux des créneaux libres et des fermetures." }),
    appointments: z.array(AgendaAppointment),
    busy: z.array(z.object({ advisorId: z.uuid(), start: ZonedInstant, end: ZonedInstant })).openapi({
      description: "Vue d'équipe : les rendez-vous des conseillers dans leurs autres structures, l'heure seulement.",
    }),
    ownCalendarBusy: z.array(z.object({ advisorId: z.uuid(), start: ZonedInstant, end: ZonedInstant })).openapi({
      description: "Les moments occupés lus dans l'agenda personnel des conseillers (Outlook, Google…), l'heure seulement.",
    }),
    absences: z.array(
      z.object({
        id: z.uuid(),
        advisorId: z.uuid(),
        start: ZonedInstant,
        end: ZonedInstant,
        reason: z.string().nullable().openapi({ description: "Le motif, pour les absences de ses structures ; null sinon." }),
      }),
    ),
    closures: z.array(
      z.object({
        id: z.uuid(),
        structureId: z.uuid(),
        siteId: z.uuid().nullable(),
        startDate: DateOnly,
        endDate: DateOnly,
        reason: z.string(),
      }),
    ),
    freeSlots: z.array(
      z.object({
        start: ZonedInstant,
        end: ZonedInstant,
        advisorId: z.uuid(),
        siteId: z.uuid().nullable(),
        mode: Mode,
        seatsLeft: z.int(),
        sessionKey: z.string().nullable(),
        services: z.array(z.string()).openapi({ description: "Les services que le créneau pourrait accueillir (noms)." }),
      }),
    ),
  })
  .openapi("Agenda");

export const AppointmentDetail = Meeting.extend({
  session: SessionOf,
  notes: z.string(),
  accessibilityAids,
  accessibilityNeeds: z.string(),
  cancelReason: z.string().nullable(),
  followUpOfId: z.uuid().nullable(),
  site: z.object({ id: z.uuid(), name: z.string(), address: z.string() }).nullable(),
  offering: z.object({ id: z.uuid(), service: IdName }),
  advisor: NamedPerson,
  bookedBy: FullName.nullable(),
  person: NamedPerson.extend({
    email: z.string().nullable(),
    phone: ShownPhone,
    notifiedBy: NotifiedBy,
    told: Told,
    birthYear: z.int().nullable(),
    communeCode: z.string().nullable(),
    anonymisedAt: z.string().nullable(),
  }),
  structure: IdName,
  start: ZonedInstant,
  end: ZonedInstant,
  outcomeAt: ZonedInstant.nullable(),
  history: z
    .array(
      z.object({
        id: z.uuid(),
        start: ZonedInstant,
        status: AppointmentStatus,
        outcome: AppointmentOutcome.nullable(),
        service: z.string(),
      }),
    )
    .openapi({ description: "Les autres rendez-vous de la personne avec cette structure, les plus récents d'abord." }),
}).openapi("StaffAppointment");

export const AppointmentDetailResponse = z.object({ appointment: AppointmentDetail });

/** A meeting moved by staff: its new time, and who was told (for the page to say so). */
export const MovedAppointment = z.object({
  appointment: z.object({ id: z.uuid(), start: ZonedInstant, end: ZonedInstant }),
  told: z.object({
    person: Told,
    call: ShownPhone.openapi({ description: "Le numéro à appeler quand rien ne part à la personne (sinon null)." }),
    advisors: z.array(FullName).openapi({ description: "Les conseillers prévenus : le nouveau, et l'ancien s'il change." }),
  }),
});

/** The printed confirmation, at any time: what the person is handed at the desk. */
export const PrintableConfirmation = z.object({
  appointment: AppointmentSchema,
  person: FullName,
  advisor: FullName,
  manageUrl: z.url().nullable(),
});
