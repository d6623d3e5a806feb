import type { StaffUser } from "../staff-api.ts";

// Whose availability, where: what the address asks, or one's own.

type Person = Pick<StaffUser, "id" | "regionalAdmin" | "memberships">;

/** The structures where one is an advisor, each once, in the order of /me. */
export function advisorStructures(user: Person): { id: string; name: string }[] {
  const found = user.memberships.filter((membership) => membership.role === "advisor").map((m) => m.structure);
  return found.filter((structure, index) => found.findIndex((other) => other.id === structure.id) === index);
}

/** Whether one may edit the availability of every advisor of a structure (as server/auth/policy.ts says). */
export function managesStructure(user: Person, structureId: string): boolean {
  return (
    user.regionalAdmin ||
    user.memberships.some((membership) => membership.role === "structure_admin" && membership.structure.id === structureId)
  );
}

/**
 * The advisor and structure shown: those of the address, else one's own in the given
 * structure, else one's own in one's first structure as an advisor; undefined for either when
 * nothing says which.
 */
export function availabilityTarget(
  user: Person,
  asked: { structure?: string | undefined; advisor?: string | undefined },
): { structure: string | undefined; advisor: string | undefined } {
  const own = advisorStructures(user);
  const structure = asked.structure ?? own[0]?.id;
  const advisor = asked.advisor ?? (own.some((s) => s.id === structure) ? user.id : undefined);
  return { structure, advisor };
}

/** The address of an advisor's availability in a structure. */
export function availabilityHref(structure: string, advisor: string): string {
  return `/espace/agenda/disponibilites?${new URLSearchParams({ structure, advisor })}`;
}
