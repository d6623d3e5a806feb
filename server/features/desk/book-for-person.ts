import type { z } from "@hono/zod-openapi";
import type { StaffDeps } from "../../context.ts";
import { recordAudit } from "../../db/audit.ts";
import { sqlIn } from "../../db/database.ts";
import type { AccessibilityAid } from "../../domain/accessibility.ts";
import { AppError, validationError } from "../../errors.ts";
import { bookSlot } from "../appointments/book-slot.ts";
import { lockLivePerson } from "../appointments/live-person.ts";
import { securingSlot } from "../appointments/slot-taken.ts";
import { once } from "../bookings/idempotency.ts";
import type { PersonFields } from "../bookings/schemas.ts";
import { refusalFor } from "./bookable.ts";

export interface DeskBookingInput {
  slotKey: string;
  /** Someone the user's structures know, by id, or a new person; none for a follow-up. */
  person?: { id: string } | z.infer<typeof PersonFields> | undefined;
  /** A follow-up of this appointment, for its person. */
  followUpOf?: string | undefined;
  channel?: "reception" | "advisor" | undefined;
  accessibilityAids?: readonly AccessibilityAid[] | undefined;
  accessibilityNeeds?: string | undefined;
}

/**
 * Books for a person at the desk (or as their advisor): someone already known to the user's
 * structures, a new person, or the person of a previous appointment for a follow-up. Once per
 * Idempotency-Key, through the one booking verb (securingSlot, bookSlot).
 */
export async function bookForPerson({
  db,
  clock,
  config,
  scope,
  input,
  idempotencyKey,
}: StaffDeps & { input: DeskBookingInput; idempotencyKey: string }) {
  let person = input.person;
  if (input.followUpOf) {
    const previous = await scope.prisma.appointment.findUnique({
      where: { id: input.followUpOf },
      select: { personId: true, person: { select: { anonymisedAt: true } } },
    });
    if (!previous) throw validationError({ followUpOf: "Rendez-vous introuvable." });
    if (previous.person.anonymisedAt) {
      // A conflict with the person's state, not a mistyped field: the same 409 as any booking for them.
      const message = "Les données de cette personne ont été effacées : réservez comme pour une nouvelle personne.";
      throw new AppError("CONFLICT", message, { fields: { followUpOf: message } });
    }
    person = { id: previous.personId };
  } else if (person && "id" in person) {
    // Someone already known to one of the user's structures (scope.ts), never a guessed id.
    const known = await scope.prisma.person.count({ where: { id: person.id, anonymisedAt: null } });
    if (!known) throw validationError({ "person.id": "Personne introuvable." });
  }
  if (!person) throw validationError({ person: "Indiquez la personne." });
  const now = clock.now();
  const key = `desk:${scope.user.id}:${idempotencyKey}`;
  return securingSlot(db, input.slotKey, now, (ref) =>
    once(db, { key, body: input, secret: config.sessionSecret }, async (tx) => {
      const sql = sqlIn(tx);
      const result = await bookSlot(
        sql,
        {
          ref,
          audience: "staff",
          refusal: refusalFor(scope),
          person:
            "id" in person
              ? await lockLivePerson(sql, person.id)
              : { ...person, communeCode: person.commune, noticeAccepted: false },
          channel: input.channel ?? "reception",
          bookedById: scope.user.id,
          followUpOfId: input.followUpOf,
          accessibilityAids: input.accessibilityAids,
          accessibilityNeeds: input.accessibilityNeeds,
        },
        now,
        config,
      );
      // What the desk tells the person: with whom, and whether a confirmation is on its way.
      const made = await tx.appointment.findUniqueOrThrow({
        where: { id: result.appointment.id },
        select: {
          structureId: true,
          channel: true,
          advisor: { select: { firstName: true, lastName: true } },
          person: { select: { email: true } },
        },
      });
      await recordAudit(
        tx,
        {
          ...scope.actor,
          action: "appointment.book",
          entity: "Appointment",
          entityId: result.appointment.id,
          details: { structureId: made.structureId, channel: made.channel },
        },
        now,
      );
      return { ...result, advisor: made.advisor, confirmationSent: Boolean(made.person.email) };
    }),
  );
}
