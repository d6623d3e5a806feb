import { createAsync, useAction } from "@solidjs/router";
import { createSignal, Show, useTransition } from "solid-js";
import { Button } from "../../../components/button.tsx";
import { ChoicesField, TextField } from "../../../components/fields.tsx";
import { Loading } from "../../../components/notice.tsx";
import { type Mode, newIdempotencyKey, type Outcome } from "../../../lib/api.ts";
import { addDays, dateOf, formatDay, formatMoment } from "../../../lib/dates.ts";
import { bookForPerson, type DeskBooking, type DeskBookingInput, type SlotChoice } from "./agenda-api.ts";
import { fullName, placeOf } from "./agenda-words.ts";
import { PlaceField } from "./place-field.tsx";
import { type PlaceFilter, placeChoices, placeFilterOf } from "./place-filter.ts";

/** « lundi 23 mars à 10 h 00 — David Conseil — Sur place — Antenne de Lille ». */
export function slotLabel(slot: SlotChoice): string {
  return [formatMoment(slot.start), slot.advisor && fullName(slot.advisor), placeOf(slot)].filter(Boolean).join(" — ");
}

/** « Les premiers créneaux libres à partir du mardi 31 mars, dans l'ordre. », or that there is none. */
function slotsWords(count: number, from: string, empty: string): string {
  if (count > 0) return `Les premiers créneaux libres${from ? ` à partir du ${formatDay(from)}` : ""}, dans l'ordre.`;
  return from ? `Aucun créneau libre à partir du ${formatDay(from)}.` : empty;
}

/**
 * The first free slots (20 at most, from a day on: `load`), one to choose with radio buttons;
 * « À partir du » and « Créneaux suivants » reach later ones. With `places`, « Lieu ou mode »
 * asks for the first slots at one site or held one way (`load` is given the filter). A change
 * of day or place is said in a live region and drops the choice (`onSelect(undefined)`): it
 * would no longer be on screen.
 */
export function SlotChoices<S extends SlotChoice>(props: {
  id: string;
  legend: string;
  load: (from: string | undefined, place: PlaceFilter) => Promise<S[]>;
  /** The sites and ways of meeting to filter by; without, no filter is offered. */
  places?: { sites: readonly { id: string; name: string }[]; modes: readonly Mode[] } | undefined;
  /** Said when there is no free slot from today. */
  empty: string;
  selected: string | undefined;
  error?: string | undefined;
  onSelect: (slot: S | undefined) => void;
}) {
  const [from, setFrom] = createSignal("");
  const [place, setPlace] = createSignal("");
  const choices = () => (props.places ? placeChoices(props.places.sites, props.places.modes) : []);
  // A value no longer offered (another offering, another structure) filters nothing.
  const placeValue = () => (choices().some((choice) => choice.value === place()) ? place() : "");
  const slots = createAsync(() => props.load(from() || undefined, placeFilterOf(placeValue(), props.places?.sites ?? [])));
  // A transition keeps the slots shown while the others load.
  const [turning, turn] = useTransition();
  let fromField: HTMLInputElement | undefined;

  async function showFrom(day: string) {
    props.onSelect(undefined);
    await turn(() => setFrom(day));
  }

  async function later(list: readonly S[]) {
    const last = list.at(-1);
    if (!last) return;
    await showFrom(addDays(dateOf(last.start), 1));
    // The button is gone when nothing follows: the focus goes back to the day.
    if (slots()?.length === 0) fromField?.focus();
  }

  async function showAt(value: string) {
    props.onSelect(undefined);
    await turn(() => setPlace(value));
  }

  return (
    <div class="slot-choices">
      {/* Two choices are « all » and the only way there is: nothing to filter. */}
      <Show when={choices().length > 2}>
        <PlaceField id={`${props.id}-lieu`} choices={choices()} value={placeValue()} onChange={showAt} />
      </Show>
      <TextField
        id={`${props.id}-a-partir-du`}
        label="À partir du"
        hint="Vide : à partir d'aujourd'hui."
        type="date"
        value={from()}
        ref={fromField}
        onInput={(event) => showFrom(event.currentTarget.value)}
      />
      <Show when={slots()}>
        {(list) => (
          <>
            <p class="slot-choices__words" role="status">
              {slotsWords(list().length, from(), props.empty)}
            </p>
            <Show when={list().length > 0}>
              <ChoicesField
                id={props.id}
                legend={props.legend}
                error={props.error}
                type="radio"
                options={list().map((slot) => ({ value: slot.key, label: slotLabel(slot) }))}
                selected={props.selected ? [props.selected] : []}
                onChange={([key]) => {
                  const slot = list().find((candidate) => candidate.key === key);
                  if (slot) props.onSelect(slot);
                }}
              />
              <p>
                <Button variant="secondary" disabled={turning()} onClick={() => later(list())}>
                  Créneaux suivants
                </Button>
              </p>
            </Show>
            <Show when={turning()}>
              <Loading>Recherche des créneaux libres…</Loading>
            </Show>
          </>
        )}
      </Show>
    </div>
  );
}

/**
 * Booking for someone, once: the Idempotency-Key lives as long as the same request is asked
 * for, so a retry after a lost answer gets the first booking back instead of a second one.
 */
export function createDeskBooking() {
  const book = useAction(bookForPerson);
  const [sending, setSending] = createSignal(false);
  let attempt: { request: string; key: string } | undefined;
  return {
    sending,
    async run(input: DeskBookingInput): Promise<Outcome<DeskBooking> | undefined> {
      if (sending()) return undefined;
      const request = JSON.stringify(input);
      if (attempt?.request !== request) attempt = { request, key: newIdempotencyKey() };
      setSending(true);
      const outcome = await book(input, attempt.key);
      setSending(false);
      if (outcome.kind === "done") attempt = undefined;
      return outcome;
    },
  };
}
