import { A, createAsync } from "@solidjs/router";
import { createMemo, For, Show } from "solid-js";
import { Loadable } from "../../../components/notice.tsx";
import { formatTime, timeOf } from "../../../lib/dates.ts";
import { getAgenda } from "./agenda-api.ts";
import { MeetingFacts } from "./agenda-grid-view.tsx";
import { dayMeetings, fullName, todaySentence } from "./agenda-words.ts";
import "../directory/directory.css";
import "./agenda.css";

/**
 * The staff home's first words: today's meetings — one's own for an advisor, else the team's of
 * `structure` — how many, when the next starts, and each one with the number to call.
 */
export function TodaySummary(props: { structure?: string | undefined; team?: string | undefined }) {
  return (
    <section class="today" aria-labelledby="today-title">
      <h2 id="today-title">{props.team ? `Aujourd'hui — ${props.team}` : "Votre journée"}</h2>
      <Loadable loading="Chargement de la journée…" failure="La journée n'a pas pu être chargée." queryKey={getAgenda.key}>
        <TodayMeetings structure={props.structure} />
      </Loadable>
    </section>
  );
}

function TodayMeetings(props: { structure?: string | undefined }) {
  // Without dates, the server's today: the browser's clock may be on another day.
  const agenda = createAsync(() => getAgenda({ structure: props.structure }));
  const day = createMemo(() => {
    const current = agenda();
    return current && dayMeetings(current.appointments, current.today, current.now);
  });
  const week = () => {
    const today = agenda()?.today;
    const params = new URLSearchParams({
      vue: "semaine",
      ...(today && { date: today }),
      ...(props.structure && { structure: props.structure }),
    });
    return `/espace/agenda?${params}`;
  };
  return (
    <Show when={day()}>
      {(current) => (
        <>
          <p class="today__sentence">{todaySentence(current().held.length, current().next?.start)}</p>
          <Show when={current().held.length > 0}>
            <ul class="today__meetings">
              <For each={current().held}>
                {(meeting) => (
                  <li class="today__meeting" classList={{ "today__meeting--next": meeting === current().next }}>
                    <span class="agenda-item__when">{formatTime(timeOf(meeting.start))}</span>{" "}
                    <Show when={meeting === current().next}>
                      <span class="directory-tag">prochain</span>{" "}
                    </Show>
                    <MeetingFacts
                      look="agenda-item"
                      appointment={meeting}
                      advisor={props.structure ? fullName(meeting.advisor) : undefined}
                      phone={true}
                    />
                  </li>
                )}
              </For>
            </ul>
          </Show>
          <p>
            <A href={week()}>Voir la semaine dans l'agenda</A>
          </p>
        </>
      )}
    </Show>
  );
}
