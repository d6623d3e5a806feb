import { hashSecret } from "../../auth/hash-secret.ts";
import { recordAudit } from "../../db/audit.ts";
import { sqlIn } from "../../db/database.ts";
import { retried } from "../../db/errors.ts";
import { validationError } from "../../errors.ts";
import { renewReminders } from "../../mail/outbox.ts";
import { loadAppointment, toDetails } from "../appointments/details.ts";
import { linkHeld } from "../appointments/held-link.ts";
import { lockLivePerson } from "../appointments/live-person.ts";
import { deadLink, type LinkDeps, liveLink } from "./manage-appointment.ts";
import { personView } from "./person-view.ts";
import { CONTACT_FIELDS, type ContactChange, type ContactField } from "./schemas.ts";

// The person's meetings still booked, locked in one order (the link's own even once begun):
// a cancellation or a move of one of them either comes before, and is seen, or waits, and then
// withdraws the reminders written here.
const LOCK_MEETINGS = `
  SELECT a.id, a."manageTokenHash", a."startsAt" > $2::timestamptz AS upcoming, o."reminderPlan"
    FROM "Appointment" a JOIN "Offering" o ON o.id = a."offeringId"
   WHERE a."personId" = $1::uuid AND a.status = 'booked' AND (a."startsAt" > $2::timestamptz OR a.id = $3::uuid)
   ORDER BY a.id
     FOR UPDATE OF a`;

interface Meeting {
  id: string;
  manageTokenHash: string | null;
  upcoming: boolean;
  reminderPlan: number[];
}

const NEITHER =
  "Gardez une adresse électronique ou un numéro de téléphone : sans l'un ni l'autre, la structure ne pourrait plus vous joindre.";

/**
 * The person changes their e-mail, their phone or their SMS choice through their private link.
 * In one transaction: the person's row (locked first, as an erasure and a booking for them lock
 * it), an audit event without an actor — the link is the proof — naming the fields, not their
 * values, and the reminders of every meeting of theirs still to come, rendered again for the
 * new contact: the old address or number gets none of them any more. A body that changes
 * nothing (a retry) writes nothing.
 */
export async function changeContactByPerson({ db, clock, config }: LinkDeps, token: string, change: ContactChange) {
  const now = clock.now();
  return retried(() =>
    db.prisma.$transaction(async (tx) => {
      const sql = sqlIn(tx);
      const link = await liveLink(tx, token, now);
      await lockLivePerson(sql, link.personId, deadLink);
      const meetings = await sql.query<Meeting>(LOCK_MEETINGS, [link.personId, now, link.id]);
      // Cancelled, or its link replaced, while this waited: dead as for any other request.
      if (!meetings.some((m) => m.id === link.id && m.manageTokenHash === hashSecret(token))) throw deadLink();

      const current = await tx.person.findUniqueOrThrow({
        where: { id: link.personId },
        select: { firstName: true, lastName: true, email: true, phone: true, smsReminders: true },
      });
      const next = {
        ...current,
        ...(change.email !== undefined && { email: change.email }),
        ...(change.phone !== undefined && { phone: change.phone }),
        ...(change.smsReminders !== undefined && { smsReminders: change.smsReminders }),
      };
      if (!next.email && !next.phone && (current.email || current.phone)) {
        const emptied = (["email", "phone"] as const).filter((field) => change[field] === null);
        throw validationError(Object.fromEntries(emptied.map((field) => [field, NEITHER])));
      }
      const changed: ContactField[] = CONTACT_FIELDS.filter((field) => next[field] !== current[field]);
      if (changed.length > 0) {
        await tx.person.update({
          where: { id: link.personId },
          data: { email: next.email, phone: next.phone, smsReminders: next.smsReminders, lastActivityAt: now },
        });
        await recordAudit(
          tx,
          {
            actorId: null,
            action: "person.contact_changed",
            entity: "Person",
            entityId: link.personId,
            details: { fields: changed, structureId: link.structureId },
          },
          now,
        );
        for (const meeting of meetings.filter((m) => m.upcoming)) {
          const held = meeting.id === link.id ? token : await linkHeld(sql, config.sessionSecret, meeting);
          const details = toDetails(await loadAppointment(sql, meeting.id), held ? `${config.publicUrl}/rdv/${held}` : null);
          await renewReminders(sql, details, { now, reminderPlan: meeting.reminderPlan, secret: config.sessionSecret });
        }
      }
      return { person: personView(next), changed };
    }),
  );
}
