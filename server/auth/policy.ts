import { type ApiPermission, permissionFor, type TokenArea } from "../domain/api-permissions.ts";

// Authorization in one place: what a staff user may do, from their roles. Pure functions, so
// every route asks the same question the same way, and the tests can ask it directly.

export type MembershipRole = "advisor" | "reception" | "structure_admin" | "referrer";

export interface Roles {
  regionalAdmin: boolean;
  memberships: readonly { structureId: string; role: MembershipRole }[];
  /** Ids of the territories they coordinate. */
  territories: readonly string[];
}

/** The areas of the staff web app, in navigation order. */
export const AREAS = ["agenda", "reception", "referrals", "dashboards", "directory", "account"] as const;
export type Area = (typeof AREAS)[number];

const hasRole = (roles: Roles, ...wanted: MembershipRole[]) => roles.memberships.some((m) => wanted.includes(m.role));
const inStructure = (roles: Roles, structureId: string, ...wanted: MembershipRole[]) =>
  roles.memberships.some((m) => m.structureId === structureId && wanted.includes(m.role));

/** The areas a user may open: the navigation shows these and nothing else. */
export function areasOf(roles: Roles): Area[] {
  const allowed: Record<Area, boolean> = {
    agenda: hasRole(roles, "advisor", "reception", "structure_admin"),
    reception: hasRole(roles, "reception", "structure_admin"),
    referrals: roles.memberships.length > 0,
    dashboards: roles.regionalAdmin || roles.territories.length > 0,
    directory: roles.regionalAdmin || hasRole(roles, "structure_admin"),
    account: true,
  };
  return AREAS.filter((area) => allowed[area]);
}

/** The people and appointments of a structure: its advisors, reception and admins, and the Région. */
export const canSeeStructurePeople = (roles: Roles, structureId: string) =>
  roles.regionalAdmin || inStructure(roles, structureId, "advisor", "reception", "structure_admin");

/** Book on behalf of someone in a structure's calendars. */
export const canBookFor = (roles: Roles, structureId: string) =>
  roles.regionalAdmin || inStructure(roles, structureId, "advisor", "reception", "structure_admin");

/** Sites, offerings, staff and closures of a structure. */
export const canManageStructure = (roles: Roles, structureId: string) =>
  roles.regionalAdmin || inStructure(roles, structureId, "structure_admin");

/**
 * Make an API token for a structure, and keep it working: an admin member of the structure only.
 * Never the Région as such — a token acts in the structure with its admin's rights, which the
 * Région does not hold there (a structure's referrals are not its to read).
 */
export const canIssueToken = (roles: Roles, structureId: string) => inStructure(roles, structureId, "structure_admin");

/** A territory's figures. */
export const canSeeTerritory = (roles: Roles, territoryId: string) =>
  roles.regionalAdmin || roles.territories.includes(territoryId);

/** Networks, structures, territories, the questionnaire: the Région only. */
export const canManageRegion = (roles: Roles) => roles.regionalAdmin;

/** The structures whose directory a user runs; undefined for the Région, which runs them all. */
export const managedStructureIds = (roles: Roles): string[] | undefined =>
  roles.regionalAdmin ? undefined : roles.memberships.filter((m) => m.role === "structure_admin").map((m) => m.structureId);

/** What an account holds, as far as who may change it is concerned. */
export interface AccountRoles {
  regionalAdmin: boolean;
  structureIds: readonly string[];
  territories: readonly string[];
}

/** A structure admin sees the accounts that hold a role in a structure they run. */
export const canSeeAccount = (roles: Roles, account: AccountRoles) =>
  roles.regionalAdmin || account.structureIds.some((id) => canManageStructure(roles, id));

/**
 * Changing an account (deactivating it, its name) reaches every structure it works in: a
 * structure admin may do it only when they run all of them, and never for a Région or
 * territory account.
 */
export const canManageAccount = (roles: Roles, account: AccountRoles) =>
  roles.regionalAdmin ||
  (!account.regionalAdmin &&
    account.territories.length === 0 &&
    account.structureIds.length > 0 &&
    account.structureIds.every((id) => canManageStructure(roles, id)));

/** An advisor's ranges and absences in a structure: the advisor themself, or the structure's admins. */
export const canEditAvailability = (roles: Roles, userId: string, advisorId: string, structureId: string) =>
  roles.regionalAdmin ||
  canManageStructure(roles, structureId) ||
  (userId === advisorId && inStructure(roles, structureId, "advisor"));

/** Refer someone on behalf of a structure: anyone who works for it, partner referrers included. */
export const canReferFrom = (roles: Roles, structureId: string) => roles.memberships.some((m) => m.structureId === structureId);

/**
 * Who sees a referral: its sender's organisation follows it — and keeps following it when the
 * target redirects the person elsewhere — and its target handles it (advisors, reception,
 * admins). Nobody else, the Région included: it gets figures, not people.
 */
export const canFollowReferral = (
  roles: Roles,
  referral: { fromStructureId: string /** Senders of the referrals it continues (redirections). */; origins?: readonly string[] },
) => [referral.fromStructureId, ...(referral.origins ?? [])].some((id) => canReferFrom(roles, id));
export const canHandleReferral = (roles: Roles, referral: { toStructureId: string }) =>
  inStructure(roles, referral.toStructureId, "advisor", "reception", "structure_admin");

/**
 * What an API token needs to call a route of the staff space: reading or writing the area the
 * route belongs to (domain/api-permissions.ts), or undefined when no token may call it at all — the
 * directory and its administration, figures, one's account and calendar subscription, people's
 * files: what a person signed in does for themself, or what no partner's system has to automate.
 * `path` is the request's (`/api/agenda/…`): the desk and the agenda are the same area, the
 * availability and the calendar subscription are routes of the agenda's.
 */
export function tokenPermission(area: Area, path: string, method: string): ApiPermission | undefined {
  const needed = tokenPermissionAt(path, method);
  const referrals = needed?.startsWith("referrals_") ?? false;
  return (area === "referrals" && referrals) || ((area === "agenda" || area === "reception") && !referrals) ? needed : undefined;
}

/**
 * The permission a request to one of the paths open to tokens needs, from its path alone: it is
 * asked before the route reads the body, so that a token without it gets its 403 whatever it sent.
 */
export function tokenPermissionAt(path: string, method: string): ApiPermission | undefined {
  const under = (prefix: string) => path === prefix || path.startsWith(`${prefix}/`);
  const tokenArea: TokenArea | undefined = under("/api/availability")
    ? "availability"
    : under("/api/agenda") || under("/api/desk")
      ? "appointments"
      : under("/api/referrals")
        ? "referrals"
        : undefined;
  return tokenArea && permissionFor(tokenArea, method);
}
