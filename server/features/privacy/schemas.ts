import { z } from "@hono/zod-openapi";
import { Situation } from "../admin/schemas.ts";
import { ZonedInstant } from "../appointments/schemas.ts";

// A person's data as the person page and the export give it (person-summary.ts, export-person.ts).

const Identity = {
  id: z.uuid(),
  firstName: z.string(),
  lastName: z.string(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  birthYear: z.int().nullable(),
  commune: z.object({ code: z.string(), name: z.string() }).nullable(),
};

export const PersonSummary = z
  .object({
    person: z.object({
      ...Identity,
      situation: Situation.nullable(),
      lastActivityAt: z
        .string()
        .nullable()
        .openapi({ description: "Son dernier pas avec ces structures (partout, pour la Région) ; null s'il n'en reste aucun." }),
      anonymisedAt: z.string().nullable(),
      appointments: z.int(),
      referrals: z.int(),
    }),
    upcoming: z.array(z.object({ id: z.uuid(), start: ZonedInstant, service: z.string(), structure: z.string() })),
    namesakes: z
      .array(z.object({ id: z.uuid(), firstName: z.string(), lastName: z.string(), lastActivityAt: z.string() }))
      .openapi({
        description: "Pour la Région : les autres personnes à la même adresse ou au même téléphone.",
      }),
  })
  .openapi("PersonSummary");

/** The file handed to the person: every coded value in French words, times in the structure's zone. */
export const PersonExport = z
  .object({
    exportedAt: ZonedInstant,
    person: z.object({
      ...Identity,
      situation: z.string().nullable(),
      noticeAcceptedAt: ZonedInstant.nullable().optional().openapi({ description: "Dans l'export de la Région seulement." }),
      createdAt: ZonedInstant.optional().openapi({ description: "Dans l'export de la Région seulement." }),
      lastActivityAt: ZonedInstant.nullable(),
      anonymisedAt: ZonedInstant.nullable(),
    }),
    appointments: z.array(
      z.object({
        id: z.uuid(),
        structure: z.string(),
        service: z.string(),
        site: z.object({ name: z.string(), address: z.string(), postcode: z.string() }).nullable(),
        mode: z.string(),
        advisor: z.string(),
        start: ZonedInstant,
        end: ZonedInstant,
        status: z.string(),
        outcome: z.string().nullable(),
        outcomeAt: ZonedInstant.nullable(),
        channel: z.string(),
        notes: z.string(),
        accessibilityAids: z.array(z.string()).openapi({ description: "Les aménagements demandés, en mots." }),
        accessibilityNeeds: z.string(),
        cancelledAt: ZonedInstant.nullable(),
        cancelReason: z.string().nullable(),
        bookedAt: ZonedInstant,
      }),
    ),
    referrals: z.array(
      z.object({
        id: z.uuid(),
        from: z.string(),
        referrer: z.string(),
        to: z.string(),
        service: z.string(),
        need: z.string(),
        consentAt: ZonedInstant,
        status: z.string(),
        statusReason: z.string().nullable(),
        appointmentId: z.uuid().nullable(),
        invitedAt: ZonedInstant.nullable(),
        invitationExpiresAt: ZonedInstant.nullable(),
        createdAt: ZonedInstant,
        timeline: z.array(z.object({ at: ZonedInstant, kind: z.string(), detail: z.string() })),
      }),
    ),
    waitingLists: z
      .array(
        z.object({
          id: z.uuid(),
          structure: z.string(),
          service: z.string(),
          appointmentId: z.uuid().nullable().openapi({ description: "Le rendez-vous à avancer, s'il y en avait un." }),
          halfDays: z.array(z.string()).openapi({ description: "Les demi-journées possibles, en mots ; vide : toutes." }),
          modes: z.array(z.string()),
          until: z.string().nullable().openapi({ description: "Dernier jour d'attente, « AAAA-MM-JJ »." }),
          channel: z.string(),
          joinedAt: ZonedInstant,
          endedAt: ZonedInstant.nullable(),
          endReason: z.string().nullable(),
          offers: z.array(
            z.object({
              start: ZonedInstant,
              mode: z.string(),
              sentAt: ZonedInstant,
              heldUntil: ZonedInstant,
              status: z.string(),
              answeredAt: ZonedInstant.nullable(),
            }),
          ),
        }),
      )
      .openapi({ description: "Ses inscriptions sur les listes d'attente, et les créneaux qui lui ont été proposés." }),
  })
  .openapi("PersonExport");
