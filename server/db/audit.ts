import type { Scope } from "../auth/scope.ts";
import type { Clock } from "../clock.ts";
import type { PrismaClient, Tx } from "./database.ts";

export interface AuditEntry {
  /** The staff user; null for a person acting through their private link, whose link is the proof. */
  actorId: string | null;
  /** The API token the actor acted through (scope.actor), if not a browser session. */
  apiTokenId?: string | null;
  /** "<entity>.<verb>", e.g. "site.update", "membership.create", "user.deactivate". */
  action: string;
  entity: string;
  entityId: string;
  /**
   * What changed, never to what: field names and roles, not values, so that no personal data
   * (names, e-mails, phones) ever lands in the audit log.
   */
  details?: {
    fields?: string[];
    role?: string;
    structureId?: string;
    /**
     * A setting's old and new value, for settings that are no one's personal data (a
     * retention period): typed narrowly so that a name or an address cannot slip in.
     */
    change?: { field: string; from: number | string; to: number | string };
    /** The days an export covered (local dates, both included). */
    period?: { from: string; to: string };
    /** How a meeting was booked (desk, advisor, referral): no one's data. */
    channel?: "online" | "reception" | "referral" | "advisor";
  };
}

/** Writes an audit event in the caller's transaction: the change and its trace land together. */
export async function recordAudit(tx: Tx, entry: AuditEntry, at: Date): Promise<void> {
  await tx.auditEvent.create({ data: { ...entry, at } });
}

/**
 * Traces that a staff user opened a record holding personal data (a person's or an
 * appointment's page): one row per opening, written after the read, outside any transaction —
 * a consultation changes nothing, and its trace must not cost the page more than one insert.
 */
export async function recordView(
  { db, scope, clock }: { db: { prisma: PrismaClient }; scope: Scope; clock: Clock },
  entity: "Appointment" | "Person",
  entityId: string,
  structureId?: string,
): Promise<void> {
  await recordAudit(
    db.prisma,
    {
      ...scope.actor,
      action: `${entity === "Person" ? "person" : "appointment"}.view`,
      entity,
      entityId,
      ...(structureId && { details: { structureId } }),
    },
    clock.now(),
  );
}

/**
 * Runs a change and writes its audit event in one transaction: a change is never without its
 * trace, nor a trace without its change. The change returns the id of the record it touched.
 * It runs on the user's own client: what it reads or writes of personal data stays in their
 * rows (scope.ts), unless a verb passes another `client` for a right it checked itself.
 */
export async function audited<T extends { id: string }>(
  { scope, clock }: { scope: Scope; clock: Clock },
  event: Pick<AuditEntry, "action" | "entity" | "details">,
  change: (tx: Tx) => Promise<T>,
  client: PrismaClient = scope.prisma,
): Promise<T> {
  return client.$transaction(async (tx) => {
    const result = await change(tx);
    await recordAudit(tx, { ...scope.actor, ...event, entityId: result.id }, clock.now());
    return result;
  });
}

/**
 * The fields of a PATCH body that change the record: what the audit event names. Without the
 * record (a creation), every field set.
 */
export function changedFields(body: object, current?: Record<string, unknown>): string[] {
  return Object.entries(body)
    .filter(([key, value]) => value !== undefined && !(current && sameValue(current[key], value)))
    .map(([key]) => key)
    .sort();
}

/** Lists compare as sets (modes, communes…); the rest by value. */
const comparable = (value: unknown) => JSON.stringify(Array.isArray(value) ? [...value].sort() : (value ?? null));
const sameValue = (a: unknown, b: unknown) => comparable(a) === comparable(b);
