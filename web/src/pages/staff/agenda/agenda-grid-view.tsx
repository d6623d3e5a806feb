import { A } from "@solidjs/router";
import { createMemo, For, type JSX, Show } from "solid-js";
import { formatTime, type LocalDate } from "../../../lib/dates.ts";
import { telHref } from "../../../lib/phone.ts";
import type { Agenda, AgendaAppointment } from "./agenda-api.ts";
import {
  boxOf,
  hourRange,
  joinedSpans,
  type Meeting,
  meetingBlocks,
  placeOnDay,
  type Span,
  takesWholeDay,
} from "./agenda-grid.ts";
import { fullName, hoursOn, OUTCOMES, placeOf } from "./agenda-words.ts";

// The agenda as a time grid: hours down, one column per day (a week, or a day) or per advisor
// (a team's day). Each column is a section titled by its day or advisor whose blocks are a list
// in time order, so the keyboard and a screen reader meet the meetings as the list view gives
// them; where a block stands (its hour, its lane beside an overlapping one) is only drawn.

/** A column: a day, of everyone shown or of one advisor. */
export interface GridColumn {
  key: string;
  title: string;
  day: LocalDate;
  advisorId?: string | undefined;
  today: boolean;
}

/** A block of the grid: a meeting, a collective session's meetings as one, an absence, a time busy elsewhere or in one's own calendar. */
type Block =
  | Meeting<AgendaAppointment>
  | (Span &
      (
        | { kind: "absence"; reason: string | null; advisorId: string }
        | { kind: "busy"; advisorId: string; ownCalendar: boolean }
      ));

const TAGS: Record<Block["kind"], string> = {
  appointment: "Rendez-vous",
  session: "Session collective",
  absence: "Absence",
  busy: "Occupé·e",
};

export function AgendaGrid(props: {
  agenda: Agenda;
  columns: GridColumn[];
  /** Names the advisor on each block: a team's week, where a column holds everyone. */
  advisorName: (id: string) => string | undefined;
  /** Phone numbers on meetings: in a day's view, where there is room. */
  phones: boolean;
}) {
  const mine = (advisorId: string, column: GridColumn) => !column.advisorId || column.advisorId === advisorId;
  const columns = createMemo(() =>
    props.columns.map((column) => {
      const blocks: Block[] = [
        ...meetingBlocks(props.agenda.appointments.filter((a) => mine(a.advisor.id, column))),
        ...props.agenda.absences
          .filter((a) => mine(a.advisorId, column))
          .map((a): Block => ({ kind: "absence", start: a.start, end: a.end, reason: a.reason, advisorId: a.advisorId })),
        ...props.agenda.busy
          .filter((b) => mine(b.advisorId, column))
          .map((b): Block => ({ kind: "busy", start: b.start, end: b.end, advisorId: b.advisorId, ownCalendar: false })),
        ...props.agenda.ownCalendarBusy
          .filter((b) => mine(b.advisorId, column))
          .map((b): Block => ({ kind: "busy", start: b.start, end: b.end, advisorId: b.advisorId, ownCalendar: true })),
      ];
      return {
        column,
        placed: placeOnDay(column.day, blocks),
        free: joinedSpans(
          placeOnDay(
            column.day,
            props.agenda.freeSlots.filter((s) => mine(s.advisorId, column)),
          ),
        ),
        closures: props.agenda.closures.filter((c) => c.startDate <= column.day && c.endDate >= column.day),
      };
    }),
  );
  // The same hours in every column, so that a row reads across; an absence, or a whole day busy
  // in the advisor's own calendar, does not widen them.
  const range = createMemo(() =>
    hourRange(columns().flatMap((c) => [...c.free, ...c.placed.filter((p) => p.item.kind !== "absence" && !takesWholeDay(p))])),
  );
  const hours = () => Array.from({ length: range().to - range().from }, (_, index) => range().from + index);
  const style = (box: ReturnType<typeof boxOf>): JSX.CSSProperties =>
    box
      ? { top: `${box.top}%`, "--agenda-box-height": `${box.height}%`, left: `${box.left}%`, width: `${box.width}%` }
      : { display: "none" };

  return (
    <section
      class="agenda-grid"
      classList={{ "agenda-grid--wide": props.columns.length > 3 }}
      style={{ "--agenda-hours": String(range().to - range().from), "--agenda-columns": String(props.columns.length) }}
      aria-label="Grille horaire"
      // biome-ignore lint/a11y/noNoninteractiveTabindex: the grid may scroll sideways on a narrow screen, and the keyboard must be able to scroll it (WCAG 2.1.1, axe's scrollable-region-focusable).
      tabIndex={0}
    >
      <div class="agenda-grid__hours" aria-hidden="true">
        <For each={hours()}>{(hour) => <span class="agenda-grid__hour">{formatTime(`${hour}:00`)}</span>}</For>
      </div>
      <For each={columns()}>
        {(entry) => (
          <section
            class="agenda-grid__column"
            classList={{ "agenda-grid__column--today": entry.column.today }}
            aria-labelledby={`colonne-${entry.column.key}`}
          >
            <h3 id={`colonne-${entry.column.key}`} class="agenda-grid__title">
              {entry.column.title}
              <Show when={entry.column.today}>
                <span class="visually-hidden"> — aujourd'hui</span>
              </Show>
            </h3>
            <div class="agenda-grid__body">
              <For each={entry.closures}>
                {(closure) => (
                  <p class="agenda-grid__closure">
                    <span class="agenda-tag agenda-tag--closure">Fermeture</span>{" "}
                    {closure.siteId
                      ? (props.agenda.sites.find((site) => site.id === closure.siteId)?.name ?? "Un lieu de la structure")
                      : "Toute la structure"}
                    <Show when={closure.reason}>{(reason) => ` — ${reason()}`}</Show>
                  </p>
                )}
              </For>
              <For each={entry.free}>
                {(span) => (
                  <p class="agenda-grid__free" style={style(boxOf({ ...span, lane: 0, lanes: 1 }, range()))}>
                    Libre
                  </p>
                )}
              </For>
              <Show when={entry.placed.length > 0}>
                <ul class="agenda-grid__blocks">
                  <For each={entry.placed}>
                    {(placed) => (
                      <li
                        class={`agenda-block agenda-block--${placed.item.kind}`}
                        classList={{
                          "agenda-block--cancelled":
                            placed.item.kind === "appointment" && placed.item.appointment.status === "cancelled",
                        }}
                        style={style(boxOf(placed, range()))}
                      >
                        <BlockContent
                          block={placed.item}
                          day={entry.column.day}
                          advisorName={props.advisorName}
                          phones={props.phones}
                        />
                      </li>
                    )}
                  </For>
                </ul>
              </Show>
            </div>
          </section>
        )}
      </For>
    </section>
  );
}

function BlockContent(props: { block: Block; day: LocalDate; advisorName: (id: string) => string | undefined; phones: boolean }) {
  const when = () => hoursOn(props.day, props.block.start, props.block.end);
  const block = props.block;
  switch (block.kind) {
    case "appointment":
      return (
        <>
          <span class="agenda-block__when">{when()}</span>{" "}
          <MeetingFacts
            look="agenda-block"
            appointment={block.appointment}
            advisor={props.advisorName(block.appointment.advisor.id)}
            phone={props.phones}
          />
        </>
      );
    case "session": {
      const first = block.appointments[0];
      return (
        <Show when={first}>
          {(session) => (
            <>
              <span class="agenda-block__when">{when()}</span>{" "}
              <Show when={session().session} fallback={<span class="agenda-tag agenda-tag--appointment">{TAGS.session}</span>}>
                {(key) => (
                  <A href={`/espace/sessions/${key()}`} class="agenda-block__title">
                    {TAGS.session}
                    <span class="visually-hidden"> « {session().service.name} » : participants et présences</span>
                  </A>
                )}
              </Show>
              <span class="agenda-block__meta">
                {session().service.name} · {placeOf(session())} —{" "}
                <strong>
                  {block.appointments.length}/{session().seats} places
                </strong>
                <Show when={props.advisorName(session().advisor.id)}>{(name) => ` · ${name()}`}</Show>
              </span>
              <ul class="agenda-block__people" aria-label="Participants">
                <For each={block.appointments}>
                  {(appointment) => (
                    <li>
                      <A href={`/espace/rendez-vous/${appointment.id}`}>{fullName(appointment.person)}</A>
                    </li>
                  )}
                </For>
              </ul>
            </>
          )}
        </Show>
      );
    }
    case "absence":
      return (
        <>
          <span class="agenda-tag agenda-tag--absence">{TAGS.absence}</span> <span class="agenda-block__when">{when()}</span>
          {/* Declared in another structure: when, not why. */}
          <span class="agenda-block__meta">
            {block.reason ?? "Indisponible"}
            <Show when={props.advisorName(block.advisorId)}>{(name) => ` · ${name()}`}</Show>
          </span>
        </>
      );
    case "busy":
      return (
        <>
          <span class="agenda-tag agenda-tag--busy">{TAGS.busy}</span> <span class="agenda-block__when">{when()}</span>
          <span class="agenda-block__meta">
            {block.ownCalendar ? "Agenda personnel" : "Dans une autre structure"}
            <Show when={props.advisorName(block.advisorId)}>{(name) => ` · ${name()}`}</Show>
          </span>
        </>
      );
  }
}

/**
 * A meeting's facts wherever the agenda lists one (the grid, the list, the staff home): the
 * person (a link to the meeting), its state, service and place, the advisor when `advisor` is
 * given, and with `phone` the number to call.
 */
export function MeetingFacts(props: {
  look: "agenda-block" | "agenda-item";
  appointment: AgendaAppointment;
  advisor?: string | undefined;
  phone: boolean;
}) {
  return (
    <>
      <A href={`/espace/rendez-vous/${props.appointment.id}`} class={`${props.look}__title`}>
        {fullName(props.appointment.person)}
      </A>
      <Show when={props.appointment.status === "cancelled"}>
        {" "}
        <span class="directory-tag">annulé</span>
      </Show>
      <Show when={props.appointment.outcome}>
        {(outcome) => (
          <>
            {" "}
            <span class="directory-tag">{OUTCOMES[outcome()].toLowerCase()}</span>
          </>
        )}
      </Show>
      <span class={`${props.look}__meta`}>
        {props.appointment.service.name} · {placeOf(props.appointment)}
        <Show when={props.advisor}>{(name) => ` · ${name()}`}</Show>
      </span>
      <Show when={props.appointment.session}>
        {(session) => (
          <A href={`/espace/sessions/${session()}`} class={`${props.look}__meta`}>
            Session collective<span class="visually-hidden"> de {fullName(props.appointment.person)}</span> : participants et
            présences
          </A>
        )}
      </Show>
      <Show when={props.phone && props.appointment.status !== "cancelled" && props.appointment.person.phone}>
        {(phone) => (
          <a class={`${props.look}__meta`} href={telHref(phone())}>
            {phone()}
          </a>
        )}
      </Show>
    </>
  );
}
