import type { Scope } from "../../auth/scope.ts";
import type { StaffDeps } from "../../context.ts";
import type { Database } from "../../db/database.ts";
import { sortFrench } from "../../domain/french.ts";
import { notFound } from "../../errors.ts";
import { summarySelect } from "./structure-fields.ts";

/** A structure the user runs, with its communes, sites, offerings, staff, pending invitations and closures. */
export async function getStructure({ db, clock, scope, input: { id } }: StaffDeps & { input: { id: string } }) {
  const structure = scope.manages(id) ? await loadStructure(db, scope, id, clock.now()) : undefined;
  if (!structure) throw notFound("Structure");
  return { structure };
}

const day = (date: Date) => date.toISOString().slice(0, 10);

async function loadStructure(db: Database, scope: Scope, id: string, now: Date) {
  const s = await db.prisma.structure.findUnique({
    where: { id },
    select: {
      ...summarySelect,
      timeZone: true,
      sproRoles: true,
      description: true,
      phone: true,
      email: true,
      website: true,
      inboxAlert: true,
      inboxEmail: true,
      communes: { select: { commune: { select: { code: true, name: true } } }, orderBy: { commune: { name: "asc" } } },
      sites: {
        select: {
          id: true,
          name: true,
          address: true,
          postcode: true,
          commune: { select: { code: true, name: true } },
          accessInfo: true,
          phone: true,
          active: true,
        },
        orderBy: { name: "asc" },
      },
      offerings: {
        select: {
          id: true,
          service: { select: { id: true, name: true } },
          durationMinutes: true,
          bufferMinutes: true,
          modes: true,
          minNoticeMinutes: true,
          horizonDays: true,
          bookableBy: true,
          minAge: true,
          maxAge: true,
          situations: true,
          seats: true,
          reminderPlan: true,
          instructions: true,
          active: true,
        },
        orderBy: { service: { position: "asc" } },
      },
      memberships: {
        select: {
          id: true,
          role: true,
          user: {
            select: {
              id: true,
              firstName: true,
              lastName: true,
              email: true,
              active: true,
              passwordHash: true,
              regionalAdmin: true,
              memberships: { select: { structureId: true } },
              coordinates: { select: { territoryId: true } },
            },
          },
        },
        orderBy: [{ user: { lastName: "asc" } }, { role: "asc" }],
      },
      invitations: {
        where: { expiresAt: { gt: now } },
        select: { id: true, email: true, firstName: true, lastName: true, role: true, createdAt: true, expiresAt: true },
        orderBy: { createdAt: "desc" },
      },
      closures: {
        select: { id: true, siteId: true, startDate: true, endDate: true, reason: true },
        orderBy: { startDate: "desc" },
      },
    },
  });
  if (!s) return undefined;
  const { communes, memberships, closures, invitations, ...rest } = s;
  return {
    ...rest,
    communes: sortFrench(
      communes.map((c) => c.commune),
      (c) => c.name,
    ),
    sites: sortFrench(rest.sites, (site) => site.name),
    members: sortFrench(memberships, (m) => `${m.user.lastName} ${m.user.firstName}`).map(
      ({ user: { passwordHash, regionalAdmin, memberships, coordinates, ...user }, ...m }) => ({
        ...m,
        user: {
          ...user,
          invited: !passwordHash,
          manageable: scope.managesAccount({
            regionalAdmin,
            structureIds: memberships.map((x) => x.structureId),
            territories: coordinates.map((x) => x.territoryId),
          }),
        },
      }),
    ),
    invitations: invitations.map((i) => ({ ...i, createdAt: i.createdAt.toISOString(), expiresAt: i.expiresAt.toISOString() })),
    closures: closures.map((c) => ({ ...c, startDate: day(c.startDate), endDate: day(c.endDate) })),
  };
}
