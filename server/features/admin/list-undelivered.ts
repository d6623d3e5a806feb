import type { StaffDeps } from "../../context.ts";
import { phoneForPeople } from "../../domain/phone.ts";
import { undeliveredRows } from "./undelivered.ts";

/** The messages that did not reach their person (undelivered.ts), the latest first, 200 at most. */
export async function listUndelivered({ db, scope }: StaffDeps) {
  const rows = await db.prisma.outboxMessage.findMany({
    where: undeliveredRows(scope),
    select: {
      id: true,
      type: true,
      channel: true,
      recipient: true,
      status: true,
      attempts: true,
      lastError: true,
      dueAt: true,
      createdAt: true,
      appointment: {
        select: {
          id: true,
          startsAt: true,
          structure: { select: { name: true, timeZone: true } },
          person: { select: { firstName: true, lastName: true } },
        },
      },
    },
    orderBy: { createdAt: "desc" },
    take: 200,
  });
  return {
    messages: rows.map(({ appointment: a, recipient, dueAt, createdAt, ...m }) => ({
      ...m,
      recipient: m.channel === "sms" ? phoneForPeople(recipient) : recipient,
      status: m.status === "failed" ? ("failed" as const) : ("retrying" as const),
      dueAt: dueAt.toISOString(),
      createdAt: createdAt.toISOString(),
      appointment: a && {
        id: a.id,
        start: a.startsAt.toISOString(),
        zone: a.structure.timeZone,
        structure: a.structure.name,
        person: `${a.person.firstName} ${a.person.lastName}`,
      },
    })),
  };
}
