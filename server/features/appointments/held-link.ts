import { hashSecret } from "../../auth/hash-secret.ts";
import type { SqlSession } from "../../db/database.ts";
import { unseal } from "../../db/sealed.ts";

const PENDING_REMINDERS = `
  SELECT payload FROM "OutboxMessage"
   WHERE "appointmentId" = $1::uuid AND type = 'appointment.reminder' AND status = 'pending'`;
const LINK = /\/rdv\/([A-Za-z0-9_-]{22})(?![A-Za-z0-9_-])/g;

/**
 * A meeting's private link, which is stored nowhere in clear: the one its pending reminders
 * hold, when the stored hash says it is still the meeting's. Without it, messages rendered
 * again say how to reach the structure instead.
 */
export async function linkHeld(
  sql: SqlSession,
  secret: string,
  meeting: { id: string; manageTokenHash: string | null },
): Promise<string | undefined> {
  if (!meeting.manageTokenHash) return undefined;
  for (const { payload } of await sql.query<{ payload: unknown }>(PENDING_REMINDERS, [meeting.id])) {
    let text: string;
    try {
      text = JSON.stringify(unseal(secret, payload));
    } catch {
      continue; // sealed under another secret: it will fail to send, and says why
    }
    for (const [, candidate] of text.matchAll(LINK)) {
      if (candidate && hashSecret(candidate) === meeting.manageTokenHash) return candidate;
    }
  }
  return undefined;
}
