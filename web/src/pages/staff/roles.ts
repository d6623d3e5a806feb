import type { StaffUser } from "./staff-api.ts";

/** What a staff member is, in words, and which areas of the staff space they will use. */

export type MembershipRole = "advisor" | "reception" | "structure_admin" | "referrer";

export interface Profile {
  regionalAdmin: boolean;
  memberships: readonly { role: MembershipRole; structure: { name: string } }[];
  territories: readonly { name: string }[];
}

// « à Mission Locale de Lille » lacks its article, and a structure's name does not say which
// one it takes: a dash joins the role and the name without one.
export const ROLE_NAMES: Record<MembershipRole, string> = {
  advisor: "Conseiller·ère",
  reception: "Accueil",
  structure_admin: "Administration",
  referrer: "Prescripteur·rice",
};

/** One line per role: each membership, each territory coordinated, then the regional administration. */
export function roleLines(profile: Profile): string[] {
  return [
    ...profile.memberships.map((membership) => `${ROLE_NAMES[membership.role]} — ${membership.structure.name}`),
    ...profile.territories.map((territory) => `Coordination du territoire ${territory.name}`),
    ...(profile.regionalAdmin ? ["Administration régionale"] : []),
  ];
}

/** An area of the staff space; the server says which ones a person's roles open (`areas` of /me). */
export type Area = StaffUser["areas"][number];

/** Each area's name in the navigation: a new area on the server breaks the build until named here. */
const AREA_NAMES: Record<Area, string> = {
  agenda: "Agenda",
  reception: "Accueil",
  referrals: "Orientations",
  dashboards: "Tableaux de bord",
  directory: "Annuaire",
  account: "Mon compte",
};

/** Where each area opens. */
export const AREA_PATHS: Record<Area, string> = {
  agenda: "/espace/agenda",
  reception: "/espace/accueil",
  referrals: "/espace/orientations",
  dashboards: "/espace/tableaux-de-bord",
  directory: "/espace/annuaire",
  account: "/espace/compte",
};

/** Pages of an area that the navigation lists beside it: the agenda's waiting list. */
const AREA_PAGES: Partial<Record<Area, { name: string; href: string }[]>> = {
  agenda: [{ name: "Liste d'attente", href: "/espace/liste-d-attente" }],
};

/** The navigation of the staff space: the areas the server opens to this person, in its order. */
export function navigation(areas: readonly Area[]): { name: string; href: string }[] {
  return areas.flatMap((area) => [{ name: AREA_NAMES[area], href: AREA_PATHS[area] }, ...(AREA_PAGES[area] ?? [])]);
}

/** Whether one is an admin member of a structure: who makes its API tokens, as policy.ts's canIssueToken says. */
export const canIssueToken = (user: StaffUser, structureId: string) =>
  user.memberships.some((m) => m.role === "structure_admin" && m.structure.id === structureId);

/** Whether one runs a structure (its admins, and the Région): as policy.ts's canManageStructure says. */
export const canManage = (user: StaffUser, structureId: string) => user.regionalAdmin || canIssueToken(user, structureId);
