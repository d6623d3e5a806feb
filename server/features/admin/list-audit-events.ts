import type { StaffDeps } from "../../context.ts";
import { addDays, formatLongFr, type LocalDate, localInstant } from "../../domain/time.ts";
import { validationError } from "../../errors.ts";

export interface AuditQuery {
  entity?: string | undefined;
  entityId?: string | undefined;
  /** An ISO date and time: the page of events before it. */
  before?: string | undefined;
  /** Who did it: an account's id. */
  actor?: string | undefined;
  /** What was done, e.g. "appointment.view". */
  action?: string | undefined;
  /** The days (in Paris, both included) the events fall on. */
  from?: LocalDate | undefined;
  to?: LocalDate | undefined;
}

/** The log is read in the Région's own zone: its days are Paris days. */
const ZONE = "Europe/Paris";
const midnight = (date: LocalDate) => localInstant(date, 0, ZONE) ?? new Date(`${date}T00:00:00Z`);

/**
 * The audit log, newest first, 100 events a page, each with the names of what it touched (the
 * Région's), filtered by author, action and days; with the authors and actions the log holds, to
 * choose from.
 */
export async function listAuditEvents({
  db,
  scope,
  input: { entity, entityId, before, actor, action, from, to },
}: StaffDeps & { input: AuditQuery }) {
  scope.requireRegion();
  if (from && to && to < from) throw validationError({ to: "La date de fin précède la date de début." });
  const at = {
    ...(before && { lt: new Date(before) }),
    ...(from && { gte: midnight(from) }),
    ...(to && (!before || midnight(addDays(to, 1)) < new Date(before)) && { lt: midnight(addDays(to, 1)) }),
  };
  const [events, authors, actions] = await Promise.all([
    db.prisma.auditEvent.findMany({
      where: { entity, entityId, actorId: actor, action, ...(Object.keys(at).length > 0 && { at }) },
      orderBy: { at: "desc" },
      take: 100,
      include: { apiToken: { select: { id: true, name: true } } },
    }),
    db.prisma.auditEvent.groupBy({ by: ["actorId"], where: { actorId: { not: null } } }),
    db.prisma.auditEvent.groupBy({ by: ["action"], orderBy: { action: "asc" } }),
  ]);
  // Names are read now, not stored in the log: an erased account or a renamed site leaves no
  // trace of its old name behind.
  const idsOf = (entity: string) => events.flatMap((e) => (e.entity === entity && e.entityId ? [e.entityId] : []));
  const structureIdOf = (e: Pick<(typeof events)[number], "entity" | "entityId" | "details">) =>
    e.entity === "Structure" ? e.entityId : ((e.details as { structureId?: string } | null)?.structureId ?? null);
  const [actors, accounts, memberships, structures, sites, offerings, networks, territories, appointments] = await Promise.all([
    db.prisma.staffUser.findMany({
      where: { id: { in: authors.flatMap((a) => (a.actorId ? [a.actorId] : [])) } },
      select: { id: true, firstName: true, lastName: true },
      orderBy: [{ lastName: "asc" }, { firstName: "asc" }],
    }),
    db.prisma.staffUser.findMany({
      where: { id: { in: idsOf("StaffUser") } },
      select: { id: true, firstName: true, lastName: true },
    }),
    db.prisma.membership.findMany({
      where: { id: { in: idsOf("Membership") } },
      select: { id: true, user: { select: { firstName: true, lastName: true } } },
    }),
    db.prisma.structure.findMany({
      where: { id: { in: events.flatMap((e) => structureIdOf(e) ?? []) } },
      select: { id: true, name: true },
    }),
    db.prisma.site.findMany({ where: { id: { in: idsOf("Site") } }, select: { id: true, name: true } }),
    db.prisma.offering.findMany({
      where: { id: { in: idsOf("Offering") } },
      select: { id: true, service: { select: { name: true } } },
    }),
    db.prisma.network.findMany({ where: { id: { in: idsOf("Network") } }, select: { id: true, name: true } }),
    db.prisma.territory.findMany({ where: { id: { in: idsOf("Territory") } }, select: { id: true, name: true } }),
    // A meeting is named by its time and service, never by its person: the log holds no one's name.
    // Through the Région's scope, which sees every meeting.
    scope.prisma.appointment.findMany({
      where: { id: { in: idsOf("Appointment") } },
      select: {
        id: true,
        startsAt: true,
        structure: { select: { timeZone: true } },
        offering: { select: { service: { select: { name: true } } } },
      },
    }),
  ]);
  const fullName = (u: { firstName: string; lastName: string }) => `${u.firstName} ${u.lastName}`;
  const labels = new Map<string, string>([
    ...accounts.map((u) => [u.id, fullName(u)] as const),
    ...memberships.map((m) => [m.id, fullName(m.user)] as const),
    ...structures.map((x) => [x.id, x.name] as const),
    ...sites.map((x) => [x.id, x.name] as const),
    ...offerings.map((x) => [x.id, x.service.name] as const),
    ...networks.map((x) => [x.id, x.name] as const),
    ...territories.map((x) => [x.id, x.name] as const),
    ...appointments.map(
      (a) => [a.id, `rendez-vous du ${formatLongFr(a.startsAt, a.structure.timeZone)}, ${a.offering.service.name}`] as const,
    ),
  ]);
  return {
    events: events.map(({ actorId, at, apiTokenId: _, ...e }) => ({
      ...e,
      at: at.toISOString(),
      actor: actors.find((a) => a.id === actorId) ?? null,
      label: (e.entityId && labels.get(e.entityId)) ?? null,
      structure: structures.find((x) => x.id === structureIdOf(e)) ?? null,
    })),
    actors,
    actions: actions.map((a) => a.action),
  };
}
