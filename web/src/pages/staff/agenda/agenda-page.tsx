import { createAsync, useSearchParams } from "@solidjs/router";
import { createMemo, createSignal, For, type JSX, Show, Suspense } from "solid-js";
import { isServer } from "solid-js/web";
import { Button } from "../../../components/button.tsx";
import { IdOptions, SelectField } from "../../../components/fields.tsx";
import { Loadable } from "../../../components/notice.tsx";
import { PageTitle } from "../../../components/page-title.tsx";
import {
  addDays,
  dateOf,
  formatDay,
  formatWeek,
  isLocalDate,
  mondayOf,
  parisDate,
  timeOf,
  weekDays,
} from "../../../lib/dates.ts";
import { capitalize } from "../../../lib/french.ts";
import { AvailabilityLinks } from "../availability/availability-links.tsx";
import { BackLink } from "../directory/directory-area.tsx";
import { useStaffUser } from "../staff-area.tsx";
import { type Agenda, getAgenda, getDeskStructure } from "./agenda-api.ts";
import { AgendaGrid, type GridColumn, MeetingFacts } from "./agenda-grid-view.tsx";
import { fullName, hoursOn, placeOf, takesDay } from "./agenda-words.ts";
import { AppointmentsExport } from "./appointments-export.tsx";
import { AreaGuard, agendaTeams } from "./area-guard.tsx";
import { PlaceField } from "./place-field.tsx";
import { keepsPlace, type PlaceFilter, placeChoices, placeFilterOf } from "./place-filter.ts";
import "./agenda.css";

type View = "jour" | "semaine";
type Display = "grille" | "liste";

const DISPLAY_KEY = "rdv.agenda.affichage";

/**
 * The grid or the list, as the user last chose on this browser; the first time, the grid where
 * a week's columns fit (48rem), the list on a phone.
 */
function storedDisplay(): Display {
  if (isServer) return "grille";
  try {
    const stored = localStorage.getItem(DISPLAY_KEY);
    if (stored === "grille" || stored === "liste") return stored;
  } catch {
    // Storage refused (private browsing, policy): the screen's width decides.
  }
  return window.matchMedia("(min-width: 48rem)").matches ? "grille" : "liste";
}

function storeDisplay(display: Display) {
  try {
    localStorage.setItem(DISPLAY_KEY, display);
  } catch {
    // Not remembered: the choice holds for this page.
  }
}

/** `/espace/agenda`: one's own appointments, or a structure's team; a week, or a day. Everything shown is in the address. */
export default function AgendaPage() {
  return (
    <AreaGuard area="agenda" refusal="L'agenda est celui des conseillers, de l'accueil et des administrateurs des structures.">
      <AgendaView />
    </AreaGuard>
  );
}

function AgendaView() {
  const user = useStaffUser();
  const [search, setSearch] = useSearchParams();
  const isAdvisor = () => user().memberships.some((membership) => membership.role === "advisor");
  const teams = createMemo(() => agendaTeams(user()));
  const [display, setDisplay] = createSignal<Display>(storedDisplay());
  const choose = (next: Display) => {
    setDisplay(next);
    storeDisplay(next);
  };
  const view = (): View => (search.vue === "jour" ? "jour" : "semaine");
  const date = () => (typeof search.date === "string" && isLocalDate(search.date) ? search.date : parisDate(new Date()));
  // Someone who receives no appointment of their own sees their structure's team.
  const structure = () =>
    typeof search.structure === "string" && teams().some((team) => team.id === search.structure)
      ? search.structure
      : isAdvisor()
        ? undefined
        : teams()[0]?.id;
  const advisor = () => (structure() && typeof search.conseiller === "string" ? search.conseiller : undefined);
  const days = () => (view() === "jour" ? [date()] : weekDays(mondayOf(date())));
  const step = () => (view() === "jour" ? 1 : 7);
  const period = () => (view() === "jour" ? formatDay(date()) : `semaine ${formatWeek(mondayOf(date()))}`);
  const place = () => (typeof search.lieu === "string" ? search.lieu : undefined);
  const go = (next: Partial<Record<"vue" | "date" | "structure" | "conseiller" | "lieu", string | undefined>>) => {
    const params = new URLSearchParams();
    const merged = { vue: view(), date: date(), structure: structure(), conseiller: advisor(), lieu: place(), ...next };
    for (const [key, value] of Object.entries(merged)) if (value) params.set(key, value);
    return `/espace/agenda?${params}`;
  };

  return (
    <div class="staff agenda">
      <BackLink href="/espace">Retour à l'espace professionnel</BackLink>
      <PageTitle documentTitle={`Agenda, ${period()}`}>Agenda</PageTitle>
      <AvailabilityLinks structure={structure()} advisor={advisor()} />
      {/* Keyed on what is shown: after Back or a link, the fields say it again. */}
      <Show when={teams().length > 0 && `${structure() ?? ""}|${advisor() ?? ""}`} keyed>
        <AgendaPicker
          own={isAdvisor()}
          teams={teams()}
          structure={structure()}
          advisor={advisor()}
          onShow={(choice) => setSearch({ structure: choice.structure, conseiller: choice.advisor, lieu: undefined })}
        />
      </Show>
      <nav class="agenda__nav" aria-label="Période affichée">
        <ul class="agenda__links">
          <li>
            <a href={go({ date: addDays(date(), -step()) })}>{view() === "jour" ? "Jour précédent" : "Semaine précédente"}</a>
          </li>
          <li>
            <a href={go({ date: parisDate(new Date()) })}>Aujourd'hui</a>
          </li>
          <li>
            <a href={go({ date: addDays(date(), step()) })}>{view() === "jour" ? "Jour suivant" : "Semaine suivante"}</a>
          </li>
        </ul>
        <ul class="agenda__links">
          <li>
            <ViewLink href={go({ vue: "jour" })} current={view() === "jour"}>
              Vue jour
            </ViewLink>
          </li>
          <li>
            <ViewLink href={go({ vue: "semaine" })} current={view() === "semaine"}>
              Vue semaine
            </ViewLink>
          </li>
        </ul>
      </nav>
      <h2 class="agenda__period" aria-live="polite">
        {capitalize(period())}
      </h2>
      <fieldset class="agenda__display">
        <legend class="visually-hidden">Affichage</legend>
        <Button variant="secondary" aria-pressed={display() === "grille"} onClick={() => choose("grille")}>
          Grille
        </Button>
        <Button variant="secondary" aria-pressed={display() === "liste"} onClick={() => choose("liste")}>
          Liste
        </Button>
      </fieldset>
      <Legend />
      <Loadable loading="Chargement de l'agenda…" failure="L'agenda n'a pas pu être chargé." queryKey={getAgenda.key}>
        <Days
          days={days()}
          structure={structure()}
          advisor={advisor()}
          place={place()}
          display={display()}
          onPlace={(lieu) => setSearch({ lieu: lieu || undefined })}
        />
      </Loadable>
      <AppointmentsExport shown={structure()} />
    </div>
  );
}

/**
 * The user's choice of view, marked in words for assistive tech (`aria-current`) and by a frame.
 * Plain links: the router's <A> would mark every link to this page as current, whatever its query.
 */
function ViewLink(props: { href: string; current: boolean; children: string }) {
  return (
    <a href={props.href} class="agenda__view" aria-current={props.current ? "true" : undefined}>
      {props.children}
    </a>
  );
}

function Legend() {
  return (
    <p class="agenda__legend">
      Chaque ligne dit ce qu'elle est&nbsp;: <span class="agenda-tag agenda-tag--appointment">Rendez-vous</span>{" "}
      <span class="agenda-tag agenda-tag--free">Libre</span> <span class="agenda-tag agenda-tag--absence">Absence</span>{" "}
      <span class="agenda-tag agenda-tag--busy">Occupé·e</span> (dans une autre structure, ou dans son agenda personnel){" "}
      <span class="agenda-tag agenda-tag--closure">Fermeture</span>
    </p>
  );
}

/** Whose agenda: one's own, or a structure's team (everyone, or one advisor). Applied on « Afficher ». */
function AgendaPicker(props: {
  own: boolean;
  teams: { id: string; name: string }[];
  structure: string | undefined;
  advisor: string | undefined;
  onShow: (choice: { structure: string | undefined; advisor: string | undefined }) => void;
}) {
  const [structure, setStructure] = createSignal(props.structure ?? "");
  const [advisor, setAdvisor] = createSignal(props.advisor ?? "");
  return (
    <form
      class="agenda__picker"
      aria-label="Choisir l'agenda"
      onSubmit={(event) => {
        event.preventDefault();
        props.onShow({ structure: structure() || undefined, advisor: (structure() && advisor()) || undefined });
      }}
    >
      <SelectField
        id="agenda-structure"
        label="Agenda"
        value={structure()}
        onChange={(event) => {
          setStructure(event.currentTarget.value);
          setAdvisor("");
        }}
      >
        <Show when={props.own}>
          <option value="" selected={structure() === ""}>
            Mon agenda
          </option>
        </Show>
        <IdOptions each={props.teams} selected={structure()} label={(team) => `Équipe — ${team.name}`} />
      </SelectField>
      <Show when={structure()}>
        {(id) => (
          <Suspense fallback={<p class="loading">Chargement des conseillers…</p>}>
            <AdvisorField structure={id()} value={advisor()} onChange={setAdvisor} />
          </Suspense>
        )}
      </Show>
      <Button type="submit" variant="secondary">
        Afficher
      </Button>
    </form>
  );
}

function AdvisorField(props: { structure: string; value: string; onChange: (id: string) => void }) {
  const team = createAsync(() => getDeskStructure(props.structure));
  return (
    <SelectField
      id="agenda-advisor"
      label="Conseiller·ère"
      value={props.value}
      onChange={(event) => props.onChange(event.currentTarget.value)}
    >
      <option value="" selected={props.value === ""}>
        Toute l'équipe
      </option>
      <IdOptions each={team()?.advisors} selected={props.value} label={(person) => fullName(person)} />
    </SelectField>
  );
}

/** One line of a day: what it is, when, and its facts. */
interface Entry {
  kind: "appointment" | "absence" | "busy";
  start: string;
  end: string;
  key: string;
  content: () => JSX.Element;
}

const TAGS: Record<Entry["kind"], string> = { appointment: "Rendez-vous", absence: "Absence", busy: "Occupé·e" };

/** A free time of one advisor, in every place it may be held: the API gives one entry per place. */
interface FreeTime {
  start: string;
  end: string;
  advisorId: string;
  places: string[];
  services: string[];
}

function freeTimes(agenda: Agenda, day: string): FreeTime[] {
  const merged = new Map<string, FreeTime>();
  for (const slot of agenda.freeSlots) {
    if (dateOf(slot.start) !== day) continue;
    const key = `${slot.advisorId}|${slot.start}|${slot.end}`;
    const time = merged.get(key) ?? { start: slot.start, end: slot.end, advisorId: slot.advisorId, places: [], services: [] };
    time.places.push(placeOf({ mode: slot.mode, site: siteOf(agenda, slot.siteId) }));
    time.services.push(...slot.services.filter((service) => !time.services.includes(service)));
    merged.set(key, time);
  }
  return [...merged.values()];
}

/** What the filter « Lieu ou mode » leaves: meetings and free slots held there; a closure of another site goes. */
function filtered(agenda: Agenda, filter: PlaceFilter): Agenda {
  if (!filter.mode && !filter.site) return agenda;
  return {
    ...agenda,
    appointments: agenda.appointments.filter((a) => keepsPlace(filter, { mode: a.mode, siteId: a.site?.id ?? null })),
    freeSlots: agenda.freeSlots.filter((slot) => keepsPlace(filter, slot)),
    closures: agenda.closures.filter((closure) => !filter.site || !closure.siteId || closure.siteId === filter.site),
  };
}

function Days(props: {
  days: string[];
  structure: string | undefined;
  advisor: string | undefined;
  place: string | undefined;
  display: Display;
  onPlace: (value: string) => void;
}) {
  const agenda = createAsync(() =>
    getAgenda({ from: props.days[0] ?? "", to: props.days.at(-1) ?? "", structure: props.structure, advisor: props.advisor }),
  );
  // In a team's view, each line names its advisor; one's own agenda needs no name.
  const advisorName = (id: string) => {
    const person = agenda()?.advisors.find((candidate) => candidate.id === id);
    return props.structure && person ? fullName(person) : undefined;
  };
  const choices = createMemo(() => placeChoices(agenda()?.sites ?? []));
  const value = () => (choices().some((choice) => choice.value === props.place) ? (props.place ?? "") : "");
  const shown = createMemo(() => {
    const current = agenda();
    return current && filtered(current, placeFilterOf(value(), current.sites));
  });
  // A team's day: one column per advisor. Otherwise one per day, everyone in it.
  const perAdvisor = () => props.days.length === 1 && Boolean(props.structure) && !props.advisor;
  const columns = createMemo((): GridColumn[] => {
    const current = shown();
    if (!current) return [];
    if (perAdvisor()) {
      const day = props.days[0] ?? current.today;
      return current.advisors.map((person) => ({
        key: `${day}-${person.id}`,
        title: fullName(person),
        day,
        advisorId: person.id,
        // The period's title says the day: a column is an advisor.
        today: false,
      }));
    }
    return props.days.map((day) => ({ key: day, title: capitalize(formatDay(day)), day, today: day === current.today }));
  });
  return (
    <Show when={shown()}>
      {(current) => (
        <>
          <div class="agenda__place">
            <PlaceField id="agenda-lieu" choices={choices()} value={value()} onChange={props.onPlace} />
          </div>
          <Show
            when={props.display === "grille"}
            fallback={
              <div class="agenda__days" classList={{ "agenda__days--week": props.days.length > 1 }}>
                <For each={props.days}>
                  {(day) => (
                    <Day
                      day={day}
                      agenda={current()}
                      advisorName={advisorName}
                      // A team's week holds hundreds of free slots: each day's are folded, one click away.
                      freeOpen={props.days.length === 1 || !props.structure}
                    />
                  )}
                </For>
              </div>
            }
          >
            <AgendaGrid
              agenda={current()}
              columns={columns()}
              // A team's day names each column; a team's week names the advisor on each block.
              advisorName={perAdvisor() ? () => undefined : advisorName}
              phones={props.days.length === 1}
            />
          </Show>
        </>
      )}
    </Show>
  );
}

function Day(props: { day: string; agenda: Agenda; advisorName: (id: string) => string | undefined; freeOpen: boolean }) {
  const on = (start: string, end: string) => takesDay(props.day, start, end);
  const closures = createMemo(() =>
    props.agenda.closures.filter((closure) => closure.startDate <= props.day && closure.endDate >= props.day),
  );
  const free = createMemo(() => freeTimes(props.agenda, props.day));
  const entries = createMemo((): Entry[] => {
    const appointments = props.agenda.appointments
      .filter((appointment) => dateOf(appointment.start) === props.day)
      .map(
        (appointment): Entry => ({
          kind: "appointment",
          start: appointment.start,
          end: appointment.end,
          key: appointment.id,
          content: () => (
            <>
              <MeetingFacts
                look="agenda-item"
                appointment={appointment}
                advisor={props.advisorName(appointment.advisor.id)}
                phone={true}
              />
            </>
          ),
        }),
      );
    const absences = props.agenda.absences
      .filter((absence) => on(absence.start, absence.end))
      .map(
        (absence): Entry => ({
          kind: "absence",
          start: absence.start,
          end: absence.end,
          key: absence.id,
          content: () => (
            <span class="agenda-item__meta">
              {absence.reason ?? "Indisponible"}
              <Show when={props.advisorName(absence.advisorId)}>{(name) => ` · ${name()}`}</Show>
            </span>
          ),
        }),
      );
    // A shared advisor's meetings in their other structures: that structure's business, not who or what.
    const busy = props.agenda.busy
      .filter((time) => dateOf(time.start) === props.day)
      .map(
        (time, index): Entry => ({
          kind: "busy",
          start: time.start,
          end: time.end,
          key: `occupe-${time.advisorId}-${index}`,
          content: () => (
            <span class="agenda-item__meta">
              Rendez-vous dans une autre structure
              <Show when={props.advisorName(time.advisorId)}>{(name) => ` · ${name()}`}</Show>
            </span>
          ),
        }),
      );
    // The advisor's own calendar (Outlook, Google…): when they are busy, never what with.
    const ownCalendar = props.agenda.ownCalendarBusy
      .filter((time) => on(time.start, time.end))
      .map(
        (time, index): Entry => ({
          kind: "busy",
          start: time.start,
          end: time.end,
          key: `agenda-personnel-${time.advisorId}-${index}`,
          content: () => (
            <span class="agenda-item__meta">
              Agenda personnel
              <Show when={props.advisorName(time.advisorId)}>{(name) => ` · ${name()}`}</Show>
            </span>
          ),
        }),
      );
    // An absence begun the day before comes first.
    const sortKey = (entry: Entry) => (dateOf(entry.start) < props.day ? "" : timeOf(entry.start));
    return [...absences, ...appointments, ...busy, ...ownCalendar].sort((a, b) => sortKey(a).localeCompare(sortKey(b)));
  });
  return (
    <section
      class="agenda-day"
      classList={{ "agenda-day--today": props.day === props.agenda.today }}
      aria-labelledby={`jour-${props.day}`}
    >
      <h3 id={`jour-${props.day}`} class="agenda-day__title">
        {capitalize(formatDay(props.day))}
        <Show when={props.day === props.agenda.today}>
          <span class="agenda-day__today"> — aujourd'hui</span>
        </Show>
      </h3>
      <For each={closures()}>
        {(closure) => (
          <p class="agenda-item agenda-item--closure">
            <span class="agenda-tag agenda-tag--closure">Fermeture</span>{" "}
            {closure.siteId ? (siteOf(props.agenda, closure.siteId)?.name ?? "Un lieu de la structure") : "Toute la structure"}
            <Show when={closure.reason}>{(reason) => ` — ${reason()}`}</Show>
          </p>
        )}
      </For>
      <Show when={entries().length + free().length + closures().length === 0}>
        <p class="agenda-day__empty">Rien ce jour.</p>
      </Show>
      <Show when={entries().length > 0}>
        <ul class="agenda-items">
          <For each={entries()}>
            {(entry) => (
              <li class={`agenda-item agenda-item--${entry.kind}`}>
                <span class={`agenda-tag agenda-tag--${entry.kind}`}>{TAGS[entry.kind]}</span>{" "}
                <span class="agenda-item__when">{capitalize(hoursOn(props.day, entry.start, entry.end))}</span>
                {entry.content()}
              </li>
            )}
          </For>
        </ul>
      </Show>
      <Show when={free().length > 0}>
        <details class="agenda-free" open={props.freeOpen}>
          <summary>{free().length === 1 ? "1 créneau libre" : `${free().length} créneaux libres`}</summary>
          <ul class="agenda-items">
            <For each={free()}>
              {(time) => (
                <li class="agenda-item agenda-item--free">
                  <span class="agenda-tag agenda-tag--free">Libre</span>{" "}
                  <span class="agenda-item__when">{hoursOn(props.day, time.start, time.end)}</span>
                  <span class="agenda-item__meta">
                    {time.places.join(" ou ")} · {time.services.join(", ")}
                    <Show when={props.advisorName(time.advisorId)}>{(name) => ` · ${name()}`}</Show>
                  </span>
                </li>
              )}
            </For>
          </ul>
        </details>
      </Show>
    </section>
  );
}

/** A site of the agenda's structures: free slots and closures give only its id. */
function siteOf(agenda: Agenda, siteId: string | null): { name: string } | null {
  return agenda.sites.find((site) => site.id === siteId) ?? null;
}
