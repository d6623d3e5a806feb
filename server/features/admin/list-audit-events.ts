import type { StaffDeps } from "../../context.ts";

export interface AuditQuery {
  entity?: string | undefined;
  entityId?: string | undefined;
  /** An ISO date and time: the page of events before it. */
  before?: string | undefined;
}

/** The audit log, newest first, 100 events a page, each with the names of what it touched (the Région's). */
export async function listAuditEvents({ db, scope, input: { entity, entityId, before } }: StaffDeps & { input: AuditQuery }) {
  scope.requireRegion();
  const events = await db.prisma.auditEvent.findMany({
    where: { entity, entityId, ...(before && { at: { lt: new Date(before) } }) },
    orderBy: { at: "desc" },
    take: 100,
  });
  // Names are read now, not stored in the log: an erased account or a renamed site leaves no
  // trace of its old name behind.
  const idsOf = (entity: string) => events.flatMap((e) => (e.entity === entity && e.entityId ? [e.entityId] : []));
  const structureIdOf = (e: (typeof events)[number]) =>
    e.entity === "Structure" ? e.entityId : ((e.details as { structureId?: string } | null)?.structureId ?? null);
  const [actors, accounts, memberships, structures, sites, offerings, networks, territories] = await Promise.all([
    db.prisma.staffUser.findMany({
      where: { id: { in: events.flatMap((e) => (e.actorId ? [e.actorId] : [])) } },
      select: { id: true, firstName: true, lastName: true },
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
  ]);
  return {
    events: events.map(({ actorId, at, ...e }) => ({
      ...e,
      at: at.toISOString(),
      actor: actors.find((a) => a.id === actorId) ?? null,
      label: (e.entityId && labels.get(e.entityId)) ?? null,
      structure: structures.find((x) => x.id === structureIdOf({ ...e, actorId, at })) ?? null,
    })),
  };
}
