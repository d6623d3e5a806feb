import type { Tx } from "./database.ts";

export interface AuditEntry {
  actorId: string;
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
  };
}

/** Writes an audit event in the caller's transaction: the change and its trace land together. */
export async function recordAudit(tx: Tx, entry: AuditEntry, at: Date): Promise<void> {
  await tx.auditEvent.create({ data: { ...entry, at } });
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
