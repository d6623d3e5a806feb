import { createAsync, useNavigate } from "@solidjs/router";
import { createEffect, createMemo, createSignal, For, Show } from "solid-js";
import { Button } from "../../components/button.tsx";
import { Loadable, Notice } from "../../components/notice.tsx";
import {
  getCommune,
  getFirstSlots,
  getServices,
  getSlots,
  getStructures,
  type Place,
  type Slot,
  type Structure,
} from "../../lib/api.ts";
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
import { type BookingState, bookingHref } from "./booking-href.ts";
import { type Chosen, loadChosen, Recap, WhenChosen } from "./recap.tsx";
import { type PlaceChoice, placeCandidates, placeName, samePlace, siteAddress, slotsByDay } from "./slot-choices.ts";

interface SlotsProps {
  service: string;
  commune: string;
  structure: string;
  place?: Place | undefined;
  week?: LocalDate | undefined;
  slot?: string | undefined;
}

/** Step 2, second part: how to meet the chosen structure, then a free slot of a week. */
export function SlotsStep(props: SlotsProps) {
  const chosen = createAsync(() => loadChosen(props.service, props.commune));
  return (
    <Loadable
      loading="Recherche des disponibilités…"
      failure="Les disponibilités n'ont pas pu être chargées."
      queryKey={[getServices.key, getCommune.key, getStructures.key, getFirstSlots.key]}
    >
      <WhenChosen chosen={chosen()}>{(known) => <StructureSlots {...props} chosen={known} />}</WhenChosen>
    </Loadable>
  );
}

/** A way to meet the structure, and its first free slot within six months. */
export interface OpenPlace extends PlaceChoice {
  first: Slot;
}

/** The structure, if it serves the commune for this need, and the places where it has free slots. */
async function loadPlaces(service: string, commune: string, id: string) {
  const structure = (await getStructures(service, commune)).find((candidate) => candidate.id === id);
  if (!structure) return { structure, places: [] };
  const candidates = placeCandidates(structure);
  const firsts = await Promise.all(
    candidates.map((candidate) => getFirstSlots({ service, structure: id, place: candidate.place })),
  );
  const places: OpenPlace[] = candidates.flatMap((candidate, index) => {
    const first = firsts[index]?.[0];
    return first ? [{ ...candidate, first }] : [];
  });
  return { structure, places };
}

function StructureSlots(props: SlotsProps & { chosen: Chosen }) {
  const navigate = useNavigate();
  const loaded = createAsync(() => loadPlaces(props.service, props.commune, props.structure));
  const structuresHref = createMemo(() => bookingHref({ service: props.service, commune: props.commune }));
  // Only one way to meet: nothing to choose. Otherwise the address says which, if any.
  const place = createMemo(() => {
    const places = loaded()?.places ?? [];
    return places.length === 1 ? places[0] : places.find((candidate) => samePlace(candidate.place, props.place));
  });

  /** The address of this step with `change` applied; it names the place even when there was no choice. */
  function hrefWith(change: Partial<BookingState>): string {
    const current = place()?.place ?? props.place;
    return bookingHref({
      service: props.service,
      commune: props.commune,
      structure: props.structure,
      mode: current?.mode,
      site: current?.site,
      week: props.week,
      slot: props.slot,
      ...change,
    });
  }

  function choosePlace(choice: OpenPlace) {
    // Arrows move through radio buttons, checking each: replace, so that Back leaves the step.
    navigate(hrefWith({ mode: choice.place.mode, site: choice.place.site, week: undefined, slot: undefined }), {
      replace: true,
      scroll: false,
    });
  }

  return (
    <Show when={loaded()}>
      {(data) => (
        <Show
          when={data().structure}
          fallback={
            <Notice>
              <p>Cette structure ne reçoit pas les habitants de {props.chosen.commune.name} pour ce besoin.</p>
              <p>
                <a href={structuresHref()}>Voir les structures qui vous reçoivent</a>
              </p>
            </Notice>
          }
        >
          {(structure) => (
            <>
              <Recap
                service={props.service}
                chosen={props.chosen}
                structure={{ name: structure().name, href: structuresHref() }}
              />
              <section class="slots" aria-labelledby="slots-title">
                <h3 id="slots-title">Choisissez un créneau</h3>
                <Show when={data().places.length > 0} fallback={<NoAvailability structure={structure()} />}>
                  <PlacePicker places={data().places} current={place()} onChoose={choosePlace} />
                  <Show
                    when={place()}
                    fallback={
                      <p class="slots__hint">Choisissez comment vous souhaitez être reçu pour voir les créneaux libres.</p>
                    }
                  >
                    {(current) => (
                      <WeekPicker
                        service={props.service}
                        structure={structure()}
                        place={current()}
                        week={props.week}
                        slot={props.slot}
                        hrefWith={hrefWith}
                      />
                    )}
                  </Show>
                </Show>
              </section>
            </>
          )}
        </Show>
      )}
    </Show>
  );
}

function NoAvailability(props: { structure: Structure }) {
  return (
    <Notice>
      <p>Aucune disponibilité en ligne dans les six prochains mois.</p>
      <Show when={props.structure.phone}>
        {(phone) => (
          <p>
            Pour prendre rendez-vous, appelez {props.structure.name} au{" "}
            <a href={`tel:${phone().replace(/\s/g, "")}`}>{phone()}</a>.
          </p>
        )}
      </Show>
    </Notice>
  );
}

/** How to meet: radio buttons when there is a choice, a sentence when there is not. */
function PlacePicker(props: { places: OpenPlace[]; current: OpenPlace | undefined; onChoose: (place: OpenPlace) => void }) {
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

/** The free slots of one week, day by day, with the ways to move between weeks. */
function WeekPicker(props: {
  service: string;
  structure: Structure;
  place: OpenPlace;
  week: LocalDate | undefined;
  slot: string | undefined;
  hrefWith: (change: Partial<BookingState>) => string;
}) {
  const navigate = useNavigate();
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
      structure: props.structure.id,
      place: props.place.place,
      from: week(),
      to: addDays(week(), 6),
    }),
  );
  const days = createMemo(() => slotsByDay(slots() ?? [], week()));
  const count = createMemo(() => days().reduce((total, day) => total + day.slots.length, 0));

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
    navigate(props.hrefWith({ week: monday, slot: undefined }), { scroll: false });
  }

  function goToFirst() {
    setMissing(false);
    navigate(props.hrefWith({ week: firstWeek(), slot: props.place.first.key }), { scroll: false });
    setFocusStart(props.place.first.start);
  }

  function choose(key: string) {
    setMissing(false);
    navigate(props.hrefWith({ week: week(), slot: key }), { replace: true, scroll: false });
  }

  function submit(event: SubmitEvent) {
    event.preventDefault();
    const chosen = props.slot && days().some((day) => day.slots.some((choice) => choice.keys.includes(props.slot ?? "")));
    if (chosen) {
      navigate(props.hrefWith({ week: week(), step: "3" }));
      return;
    }
    setMissing(true);
    form.querySelector<HTMLInputElement>('input[name="slot"]')?.focus();
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
            <div class="days">
              <For each={days()}>
                {(day) => (
                  <fieldset class="day">
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
                                checked={props.slot !== undefined && choice.keys.includes(props.slot)}
                                onChange={() => choose(choice.key)}
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
              : "Aucun créneau libre cette semaine : changez de semaine, ou allez au premier créneau disponible."}
          </p>
        </Show>
        <Button type="submit">Continuer</Button>
      </form>
    </div>
  );
}
