import { createAsync } from "@solidjs/router";
import { createEffect, createMemo, createSignal, For, Show } from "solid-js";
import { Button } from "../../components/button.tsx";
import { Loadable, Notice } from "../../components/notice.tsx";
import { getFirstSlots, getSlots, type Slot, type Structure } from "../../lib/api.ts";
import {
  addDays,
  dateOf,
  formatDay,
  formatDuration,
  formatMoment,
  formatTime,
  formatWeek,
  type LocalDate,
  mondayOf,
} from "../../lib/dates.ts";
import { telHref } from "../../lib/phone.ts";
import {
  type DayChoices,
  type PlaceChoice,
  placeCandidates,
  placeName,
  shownDay,
  siteAddress,
  slotId,
  slotsByDay,
} from "./slot-choices.ts";

// The ways to meet a structure and the week of free slots: step 2 of the booking, and the move
// of an appointment from its private link.

/** A way to meet the structure, and its first free slot within six months. */
export interface OpenPlace extends PlaceChoice {
  first: Slot;
}

/**
 * The places where the structure has a free slot, each with its first: one request for all
 * (`per=place`). A remote mode may come from several sites; the person is not told apart by
 * the advisor's desk, so the earliest counts (the API sorts by time).
 */
export async function loadPlaces(service: string, structure: Structure): Promise<OpenPlace[]> {
  const firsts = await getFirstSlots({ service, structure: structure.id, perPlace: true });
  return placeCandidates(structure).flatMap((candidate) => {
    const first = firsts.find(
      (slot) => slot.mode === candidate.place.mode && (slot.mode !== "onsite" || slot.siteId === candidate.place.site),
    );
    return first ? [{ ...candidate, first }] : [];
  });
}

export function NoAvailability(props: { structure: Pick<Structure, "name" | "phone"> }) {
  return (
    <Notice>
      <p>Aucune disponibilité en ligne dans les six prochains mois.</p>
      <Show when={props.structure.phone}>
        {(phone) => (
          <p>
            Pour prendre rendez-vous, appelez {props.structure.name} au <PhoneLink phone={phone()} />.
          </p>
        )}
      </Show>
    </Notice>
  );
}

/** A phone number to call from a phone; it stays on one line. */
export function PhoneLink(props: { phone: string }) {
  return (
    <a class="phone" href={telHref(props.phone)}>
      {props.phone}
    </a>
  );
}

/** How to meet: radio buttons when there is a choice, a sentence when there is not. */
export function PlacePicker(props: {
  places: OpenPlace[];
  current: OpenPlace | undefined;
  onChoose: (place: OpenPlace) => void;
}) {
  return (
    <Show
      when={props.places.length > 1}
      fallback={
        <Show when={props.places[0]}>
          {(only) => (
            <div class="place-only">
              <p>
                <span class="place-only__label">Mode de rendez-vous&nbsp;:</span> {placeName(only())}
              </p>
              <PlaceDetails place={only()} />
            </div>
          )}
        </Show>
      }
    >
      <fieldset class="fieldset">
        <legend class="fieldset__legend">Comment souhaitez-vous être reçu&nbsp;?</legend>
        <div class="choices">
          <For each={props.places}>
            {(choice, index) => (
              <div class="choice">
                <input
                  type="radio"
                  class="choice__input"
                  name="place"
                  id={`place-${index()}`}
                  checked={props.current === choice}
                  onChange={() => props.onChoose(choice)}
                  aria-describedby={`place-${index()}-hint`}
                />
                <label class="choice__label" for={`place-${index()}`}>
                  {placeName(choice)}
                </label>
                <div class="choice__hint" id={`place-${index()}-hint`}>
                  <PlaceDetails place={choice} />
                </div>
              </div>
            )}
          </For>
        </div>
      </fieldset>
    </Show>
  );
}

function PlaceDetails(props: { place: OpenPlace }) {
  return (
    <>
      <Show when={props.place.place.mode === "onsite" && props.place.site}>
        {(site) => <p class="place__address">{siteAddress(site())}</p>}
      </Show>
      <p class="place__next">Prochaine disponibilité&nbsp;: {formatMoment(props.place.first.start)}</p>
    </>
  );
}

/** What the week picker changes in the address: the week shown, the slot chosen. */
export interface WeekChange {
  week?: LocalDate | undefined;
  slot?: string | undefined;
}

/** The free slots of one week, day by day, with the ways to move between weeks. */
export function WeekPicker(props: {
  service: string;
  structure: string;
  place: OpenPlace;
  week: LocalDate | undefined;
  slot: string | undefined;
  /** The address showing another week or slot; each week is a step in the history. */
  hrefWith: (change: WeekChange) => string;
  navigate: (href: string, options?: { replace?: boolean; scroll?: boolean }) => void;
  /** The person confirmed the chosen slot, shown in `week`. */
  onSubmit: (week: LocalDate) => void;
}) {
  // No clock in the browser: the week to show starts from the first free slot the server found.
  const firstWeek = createMemo(() => mondayOf(dateOf(props.place.first.start)));
  const week = createMemo(() => props.week ?? firstWeek());
  const previousWeek = createMemo(() => addDays(week(), -7));
  const nextWeek = createMemo(() => addDays(week(), 7));
  const [missing, setMissing] = createSignal(false);
  // A radio button to focus once its week is shown (the "first slot" jump).
  const [focusStart, setFocusStart] = createSignal<string>();
  let form!: HTMLFormElement;

  const slots = createAsync(() =>
    getSlots({
      service: props.service,
      structure: props.structure,
      place: props.place.place,
      from: week(),
      to: addDays(week(), 6),
    }),
  );
  const days = createMemo(() => slotsByDay(slots() ?? [], week()));
  const count = createMemo(() => days().reduce((total, day) => total + day.slots.length, 0));
  // A narrow screen shows one day of the week at a time (booking.css): a week in one column
  // put « Continuer » below some 3 000 px of slots on a phone.
  const [picked, setPicked] = createSignal<LocalDate>();
  const shown = createMemo(() => shownDay(days(), props.slot, picked()));

  createEffect(() => {
    const start = focusStart();
    days();
    if (!start) return;
    const radio = form.querySelector<HTMLInputElement>(`input[data-start="${start}"]`);
    if (radio) {
      radio.focus();
      setFocusStart(undefined);
    }
  });

  function goToWeek(monday: LocalDate) {
    setMissing(false);
    setPicked(undefined);
    props.navigate(props.hrefWith({ week: monday, slot: undefined }), { scroll: false });
  }

  function goToFirst() {
    setMissing(false);
    setPicked(dateOf(props.place.first.start));
    props.navigate(props.hrefWith({ week: firstWeek(), slot: slotId(props.place.first.start) }), { scroll: false });
    setFocusStart(props.place.first.start);
  }

  function choose(id: string) {
    setMissing(false);
    // Arrows move through radio buttons, checking each: replace, so that Back leaves the week.
    props.navigate(props.hrefWith({ week: week(), slot: id }), { replace: true, scroll: false });
  }

  function submit(event: SubmitEvent) {
    event.preventDefault();
    const chosen = props.slot && days().some((day) => day.slots.some((choice) => choice.id === props.slot));
    if (chosen) {
      props.onSubmit(week());
      return;
    }
    setMissing(true);
    // The shown day's first time: the only one on screen on a narrow screen, the week's first on a wide one.
    form.querySelector<HTMLInputElement>('.day:not(.day--other) input[name="slot"]')?.focus();
  }

  return (
    <div class="week">
      <p class="week__first">
        <Button variant="secondary" onClick={goToFirst}>
          Premier créneau disponible&nbsp;: {formatMoment(props.place.first.start)}
        </Button>
      </p>
      <div class="week__nav">
        <Button
          variant="secondary"
          class="week__button"
          disabled={week() <= firstWeek()}
          onClick={() => goToWeek(previousWeek())}
        >
          <span class="week__label">
            <span aria-hidden="true">←&nbsp;</span>Semaine précédente
          </span>
          <span class="week__dates">
            <span class="visually-hidden">&nbsp;:</span> {formatWeek(previousWeek())}
          </span>
        </Button>
        <Button variant="secondary" class="week__button" onClick={() => goToWeek(nextWeek())}>
          <span class="week__label">
            Semaine suivante<span aria-hidden="true">&nbsp;→</span>
          </span>
          <span class="week__dates">
            <span class="visually-hidden">&nbsp;:</span> {formatWeek(nextWeek())}
          </span>
        </Button>
      </div>

      <form ref={form} class="week__form" onSubmit={submit} novalidate>
        <fieldset class="fieldset week__slots">
          <legend class="fieldset__legend">Créneaux de la semaine {formatWeek(week())}</legend>
          <p class="week__duration">
            Durée d'un rendez-vous&nbsp;: {formatDuration(props.place.first.start, props.place.first.end)}.
          </p>
          <Loadable loading="Chargement des créneaux…" failure="Les créneaux n'ont pas pu être chargés." queryKey={getSlots.key}>
            <p class="visually-hidden" aria-live="polite">
              {count() === 0
                ? `Aucun créneau libre la semaine ${formatWeek(week())}.`
                : `${count()} créneau${count() > 1 ? "x" : ""} libre${count() > 1 ? "s" : ""} la semaine ${formatWeek(week())}.`}
            </p>
            <DayStrip days={days()} shown={shown()} onPick={setPicked} />
            <div class="days">
              <For each={days()}>
                {(day) => (
                  <fieldset class="day" classList={{ "day--other": day.date !== shown() }}>
                    <legend class="day__name">{formatDay(day.date)}</legend>
                    <Show when={day.slots.length > 0} fallback={<p class="day__none">Aucun créneau</p>}>
                      <div class="day__slots">
                        <For each={day.slots}>
                          {(choice) => (
                            <label class="slot">
                              <input
                                type="radio"
                                class="slot__input"
                                name="slot"
                                value={choice.key}
                                data-start={choice.start}
                                checked={choice.id === props.slot}
                                onChange={() => choose(choice.id)}
                              />
                              <span class="slot__time">{formatTime(choice.time)}</span>
                              <Show when={choice.seatsLeft > 1}>
                                <span class="slot__seats">{choice.seatsLeft} places restantes</span>
                              </Show>
                            </label>
                          )}
                        </For>
                      </div>
                    </Show>
                  </fieldset>
                )}
              </For>
            </div>
          </Loadable>
        </fieldset>
        <Show when={missing()}>
          <p class="field__error" role="alert">
            <span class="visually-hidden">Erreur&nbsp;: </span>
            {count() > 0
              ? "Choisissez un créneau."
              : "Aucun créneau libre cette semaine\u00a0: changez de semaine, ou allez au premier créneau disponible."}
          </p>
        </Show>
        <div class="week__submit">
          <Button type="submit">Continuer</Button>
        </div>
      </form>
    </div>
  );
}

/**
 * The days of the week as a strip of toggle buttons, each with its count of free times: on a
 * narrow screen, the way to the day shown (hidden on wide screens, where every day is).
 */
function DayStrip(props: { days: DayChoices[]; shown: LocalDate; onPick: (date: LocalDate) => void }) {
  return (
    // biome-ignore lint/a11y/useSemanticElements: buttons that show a day, not fields to fill; a fieldset would read as one more day.
    <div class="day-strip" role="group" aria-label="Jour affiché">
      <For each={props.days}>
        {(day) => (
          <button
            type="button"
            class="day-strip__day"
            aria-pressed={day.date === props.shown}
            ref={(button) =>
              // The shown day stays in sight in the strip, which scrolls sideways (never the page).
              createEffect(() => {
                const strip = button.parentElement;
                if (day.date === props.shown && strip) strip.scrollLeft = button.offsetLeft - strip.clientWidth / 3;
              })
            }
            onClick={() => props.onPick(day.date)}
          >
            <span class="day-strip__name">{formatDay(day.date)}</span>
            <span class="day-strip__count">
              {day.slots.length} créneau{day.slots.length > 1 ? "x" : ""}
            </span>
          </button>
        )}
      </For>
    </div>
  );
}
