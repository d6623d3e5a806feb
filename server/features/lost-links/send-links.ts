import { type LinkedMeeting, meetingLinks } from "../../../emails/meeting-links.ts";
import { smsMeetingLinks } from "../../../sms/meeting-links-sms.ts";
import type { Config } from "../../config.ts";
import { sqlIn, statement, type Tx } from "../../db/database.ts";
import { isMobile } from "../../domain/phone.ts";
import { enqueue, type OutboxRow, renewReminders, smsRow } from "../../mail/outbox.ts";
import { loadAppointment, toDetails } from "../appointments/details.ts";
import { newManageToken } from "../appointments/manage-token.ts";

/** The outbox type of a request for one's links (`askForLinks`), carried out by `sendLinks`. */
export const LINKS_ASKED = "appointment.links_asked";
/** The message that answers it, by e-mail or SMS. */
export const LINKS_SENT = "appointment.links";

/**
 * Meetings given a new link at most, soonest first: the others keep the link they have, which
 * still works (a link is never killed without its replacement being sent). By SMS, three: one
 * text each when they do not fit in one (sms/meeting-links-sms.ts).
 */
export const MOST_LINKS = { email: 20, sms: 3 } as const;

// The person's meetings still to come and booked, of every person who gave this contact and was
// not erased; locked, so that a move or a cancellation through the old link waits for the new
// one (and one that came first leaves the meeting out: no longer booked, or at another time).
const upcoming = (column: "email" | "phone") =>
  statement(
    `lost-links-${column}`,
    `SELECT a.id, o."reminderPlan"::int[] AS "reminderPlan"
       FROM "Person" p
       JOIN "Appointment" a ON a."personId" = p.id
       JOIN "Offering" o ON o.id = a."offeringId"
      WHERE p.${column} = $1::text AND p."anonymisedAt" IS NULL
        AND a.status = 'booked' AND a."startsAt" > $2::timestamptz
      ORDER BY a."startsAt", a.id
      LIMIT $3::int
      FOR UPDATE OF a`,
  );
const BY_EMAIL = upcoming("email");
const BY_PHONE = upcoming("phone");
const RELINK = statement("lost-links-relink", `UPDATE "Appointment" SET "manageTokenHash" = $2 WHERE id = $1::uuid`);

const E164 = /^\+[1-9]\d{5,19}$/;

/**
 * Carries out a request for one's links, in the outbox worker's transaction (which forgets the
 * request in the same one). `recipient` is what was typed, as the request verb normalised it: an
 * e-mail address (lower case, as every booking stores it), or a mobile number in E.164. Each
 * meeting found gets a new private link — the old one, whose token is stored nowhere, cannot be
 * sent again — and its pending reminders are rendered again with it; then one message by the same
 * channel lists them (by SMS, one per meeting when they do not fit in one). Nothing found,
 * nothing sent: the request's answer was the same either way.
 */
export async function sendLinks(
  tx: Tx,
  recipient: string,
  context: { now: Date; config: Pick<Config, "publicUrl" | "sessionSecret"> },
): Promise<void> {
  const { now, config } = context;
  const bySms = E164.test(recipient);
  // A request queued by the API is one or the other; an SMS goes to a mobile only.
  if (bySms ? !isMobile(recipient) : !recipient.includes("@")) return;
  const sql = sqlIn(tx);
  const found = await sql.query<{ id: string; reminderPlan: number[] }>(bySms ? BY_PHONE : BY_EMAIL, [
    recipient,
    now,
    bySms ? MOST_LINKS.sms : MOST_LINKS.email,
  ]);
  if (found.length === 0) return;

  const meetings: LinkedMeeting[] = [];
  for (const { id, reminderPlan } of found) {
    const link = newManageToken();
    await sql.query(RELINK, [id, link.hash]);
    const manageUrl = `${config.publicUrl}/rdv/${link.token}`;
    const meeting = { ...toDetails(await loadAppointment(sql, id), manageUrl), manageUrl };
    await renewReminders(sql, meeting, { now, reminderPlan, secret: config.sessionSecret });
    meetings.push(meeting);
  }
  await enqueue(sql, config.sessionSecret, bySms ? texts(recipient, meetings, now) : [email(recipient, meetings, now)]);
}

/**
 * The e-mail, tied to the soonest meeting: an erasure of its person takes the message with it
 * (anonymise.ts looks messages up by appointment).
 */
function email(to: string, meetings: LinkedMeeting[], now: Date): OutboxRow {
  return { type: LINKS_SENT, recipient: to, dueAt: now, payload: meetingLinks(meetings), appointmentId: meetings[0]?.id };
}

/** The texts, each tied to the soonest of its meetings, and kept out of the night of its structure's zone. */
function texts(to: string, meetings: LinkedMeeting[], now: Date): OutboxRow[] {
  return smsMeetingLinks(meetings).flatMap(({ sms, meetings: about }) => {
    const [soonest] = about;
    if (!soonest) return [];
    return [{ ...smsRow(LINKS_SENT, to, now, sms, { zone: soonest.zone, start: soonest.start }), appointmentId: soonest.id }];
  });
}
