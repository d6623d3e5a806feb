import { A } from "@solidjs/router";
import { For, Show } from "solid-js";
import { PageTitle } from "../../components/page-title.tsx";
import { agendaTeams } from "./agenda/area-guard.tsx";
import { TodaySummary } from "./agenda/today-summary.tsx";
import { BusyCalendarWarning } from "./busy-calendar.tsx";
import { navigation, roleLines } from "./roles.ts";
import { useStaffUser } from "./staff-area.tsx";

/** `/espace`: the staff home — who is signed in, in which roles, and what they can open (signing out is in the header). */
export default function StaffHomePage() {
  const user = useStaffUser();
  const advises = () => user().memberships.some((membership) => membership.role === "advisor");
  // An advisor's day is their own; reception and admins see their first structure's team's.
  const team = () => (advises() ? undefined : agendaTeams(user())[0]);
  return (
    <div class="staff">
      <PageTitle documentTitle="Espace professionnel">{`Bonjour ${user().firstName}`}</PageTitle>
      <Show when={advises()}>
        <BusyCalendarWarning />
      </Show>
      <Show when={user().areas.includes("agenda") && (advises() || team())}>
        <TodaySummary structure={team()?.id} team={team()?.name} />
      </Show>
      <section aria-labelledby="roles-title">
        <h2 id="roles-title">Vos rôles</h2>
        <ul class="staff__roles">
          <For each={roleLines(user())} fallback={<li>Aucun rôle pour le moment. Adressez-vous à votre administrateur.</li>}>
            {(line) => <li>{line}</li>}
          </For>
        </ul>
      </section>
      <nav aria-labelledby="staff-nav-title">
        <h2 id="staff-nav-title">Votre espace</h2>
        <ul class="staff-nav">
          <For each={navigation(user().areas)}>
            {(entry) => (
              <li>
                <A class="staff-nav__link" href={entry.href}>
                  {entry.name}
                </A>
              </li>
            )}
          </For>
        </ul>
      </nav>
    </div>
  );
}
