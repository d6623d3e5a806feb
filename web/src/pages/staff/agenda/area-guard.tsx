import { type JSX, Show } from "solid-js";
import { Refused } from "../directory/directory-area.tsx";
import type { Area } from "../roles.ts";
import type { StaffUser } from "../staff-api.ts";
import { useStaffUser } from "../staff-area.tsx";

/** A page of an area the server may not open to this person: they are told so in words (the API would answer 403). */
export function AreaGuard(props: { area: Area; refusal: string; children: JSX.Element }) {
  const user = useStaffUser();
  return (
    <Show
      when={user().areas.includes(props.area)}
      fallback={<Refused>{props.refusal} Cet espace n'est pas ouvert à votre rôle.</Refused>}
    >
      {props.children}
    </Show>
  );
}

/** The structures whose team's agenda one sees and books in: those where one is at the reception desk or administers. */
export function teamStructures(user: StaffUser): { id: string; name: string }[] {
  const teams = user.memberships
    .filter((membership) => membership.role === "reception" || membership.role === "structure_admin")
    .map((membership) => membership.structure);
  return teams.filter((team, index) => teams.findIndex((other) => other.id === team.id) === index);
}

/**
 * The structures whose team's agenda one may open: those of `teamStructures`, and those where
 * one advises (the server shows a structure's team to whoever sees its people).
 */
export function agendaTeams(user: StaffUser): { id: string; name: string }[] {
  const teams = user.memberships.filter((membership) => membership.role !== "referrer").map((membership) => membership.structure);
  return teams.filter((team, index) => teams.findIndex((other) => other.id === team.id) === index);
}
