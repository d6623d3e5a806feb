import { createMemo, createSignal, createUniqueId, For, type JSX, onCleanup, onMount, Show } from "solid-js";
import { Dynamic } from "solid-js/web";
import { Button } from "../../../components/button.tsx";
import { formatDayWithYear, formatTime, timeOf } from "../../../lib/dates.ts";
import { telHref } from "../../../lib/phone.ts";
import { fullName } from "../agenda/agenda-words.ts";
import type { CancelledMeeting } from "./availability-api.ts";
import { toldGroups } from "./availability-words.ts";
import { useCancelledMeetings } from "./booked-choice.tsx";

type Level = 2 | 3;

/**
 * « Personnes prévenues », after a change that cancelled meetings (the nearest <BookedChoice>):
 * who was told by e-mail, who by SMS — someone may be in both — and whom to call, with the
 * number; printed alone with « Imprimer la liste ». `level` is its heading's, under the page's
 * sections (2) or a tab's (3).
 */
export function ToldPeople(props: { level: Level }) {
  const cancelled = useCancelledMeetings();
  return (
    <Show when={cancelled().length > 0}>
      <ToldList meetings={cancelled()} level={props.level} />
    </Show>
  );
}

function ToldList(props: { meetings: readonly CancelledMeeting[]; level: Level }) {
  const groups = createMemo(() => toldGroups(props.meetings));
  const title = `prevenues-${createUniqueId()}`;
  // Marked while printing from its button: the print stylesheet then shows it alone.
  const [printing, setPrinting] = createSignal(false);
  onMount(() => {
    const printed = () => setPrinting(false);
    window.addEventListener("afterprint", printed);
    onCleanup(() => window.removeEventListener("afterprint", printed));
  });
  const sub = () => (props.level + 1) as 3 | 4;

  return (
    <section class="told" classList={{ "told--printing": printing() }} aria-labelledby={title}>
      <Dynamic component={`h${props.level}`} id={title}>
        Personnes prévenues
      </Dynamic>
      <p>
        {props.meetings.length === 1 ? "Le rendez-vous annulé" : `Les ${props.meetings.length} rendez-vous annulés`}, et comment
        chaque personne l'apprend.
      </p>
      <Group level={sub()} title="Prévenues par courriel" meetings={groups().email} />
      <Group level={sub()} title="Prévenues par SMS" meetings={groups().sms} />
      <Group
        level={sub()}
        title="À appeler"
        lead="Elles ne reçoivent ni courriel ni SMS (un téléphone fixe, ou les SMS refusés) : appelez-les pour les prévenir."
        meetings={groups().call}
      >
        {(meeting) => (
          <>
            {" "}
            —{" "}
            <a href={telHref(meeting.phone)}>
              <span class="visually-hidden">Appeler {fullName(meeting.person)} au </span>
              {meeting.phone}
            </a>
          </>
        )}
      </Group>
      <Show when={groups().unreachable.length > 0}>
        <Group
          level={sub()}
          title="Sans moyen de contact"
          lead="Ni adresse électronique ni téléphone : personne ne peut les prévenir."
          meetings={groups().unreachable}
        />
      </Show>
      <div class="told__actions">
        <Button
          variant="secondary"
          onClick={() => {
            setPrinting(true);
            window.print();
          }}
        >
          Imprimer la liste
        </Button>
      </div>
    </section>
  );
}

function Group<Meeting extends CancelledMeeting>(props: {
  level: 3 | 4;
  title: string;
  lead?: string;
  meetings: readonly Meeting[];
  /** What follows the meeting on its line. */
  children?: (meeting: Meeting) => JSX.Element;
}) {
  return (
    <>
      <Dynamic component={`h${props.level}`} class="told__title">
        {props.title}
      </Dynamic>
      <Show when={props.meetings.length > 0} fallback={<p>Personne.</p>}>
        <Show when={props.lead}>
          <p>{props.lead}</p>
        </Show>
        <ul class="told__list">
          <For each={props.meetings}>
            {(meeting) => (
              <li>
                <strong>{fullName(meeting.person)}</strong>, rendez-vous du {formatDayWithYear(meeting.start.slice(0, 10))} à{" "}
                {formatTime(timeOf(meeting.start))} ({meeting.service}){props.children?.(meeting)}
              </li>
            )}
          </For>
        </ul>
      </Show>
    </>
  );
}
