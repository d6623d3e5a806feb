import { createAsync } from "@solidjs/router";
import { createMemo, For, Show, Suspense } from "solid-js";
import { getDeskStructure } from "../agenda/agenda-api.ts";
import { fullName } from "../agenda/agenda-words.ts";
import { useStaffUser } from "../staff-area.tsx";
import { advisorStructures, availabilityHref, managesStructure } from "./who.ts";
import "./availability.css";
import { de } from "../../../lib/french.ts";

/**
 * The agenda's ways to the availability editor: one's own (per structure where one is an
 * advisor) in one's own agenda; in a team's agenda showing one advisor, theirs, for whoever
 * manages the structure.
 */
export function AvailabilityLinks(props: { structure: string | undefined; advisor: string | undefined }) {
  const user = useStaffUser();
  const own = createMemo(() => advisorStructures(user()));
  return (
    <Show
      when={props.structure}
      fallback={
        <Show when={own().length > 0}>
          <ul class="availability-links">
            <For each={own()}>
              {(structure) => (
                <li>
                  <a href={availabilityHref(structure.id, user().id)}>
                    Mes disponibilités{own().length > 1 ? ` — ${structure.name}` : ""}
                  </a>
                </li>
              )}
            </For>
          </ul>
        </Show>
      }
    >
      {(structure) => (
        <Show when={props.advisor && managesStructure(user(), structure()) && props.advisor}>
          {(advisor) => (
            <Suspense>
              <TeamLink structure={structure()} advisor={advisor()} />
            </Suspense>
          )}
        </Show>
      )}
    </Show>
  );
}

function TeamLink(props: { structure: string; advisor: string }) {
  const team = createAsync(() => getDeskStructure(props.structure));
  const person = () => team()?.advisors.find((candidate) => candidate.id === props.advisor);
  return (
    <Show when={person()}>
      {(found) => (
        <ul class="availability-links">
          <li>
            <a href={availabilityHref(props.structure, props.advisor)}>Disponibilités {de(fullName(found()))}</a>
          </li>
        </ul>
      )}
    </Show>
  );
}
