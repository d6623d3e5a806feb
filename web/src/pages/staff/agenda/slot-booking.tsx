import { createAsync, useAction } from "@solidjs/router";
import { createSignal, Show } from "solid-js";
import { ChoicesField } from "../../../components/fields.tsx";
import { newIdempotencyKey, type Outcome } from "../../../lib/api.ts";
import { formatMoment } from "../../../lib/dates.ts";
import { bookForPerson, type DeskBooking, type DeskBookingInput, type DeskSlot, getDeskSlots } from "./agenda-api.ts";
import { fullName, placeOf } from "./agenda-words.ts";

/** « lundi 23 mars à 10 h 00 — David Conseil — Sur place — Antenne de Lille ». */
export function slotLabel(slot: DeskSlot): string {
  return [formatMoment(slot.start), slot.advisor && fullName(slot.advisor), placeOf(slot)].filter(Boolean).join(" — ");
}

/** The first free slots of an offering (of one advisor, or all), one to choose with radio buttons. */
export function SlotChoices(props: {
  id: string;
  legend: string;
  offering: string;
  advisor?: string | undefined;
  selected: string | undefined;
  error?: string | undefined;
  onSelect: (slot: DeskSlot) => void;
}) {
  const slots = createAsync(() => getDeskSlots(props.offering, props.advisor));
  return (
    <Show when={slots()}>
      {(list) => (
        <Show
          when={list().length > 0}
          fallback={<p>Aucun créneau libre dans les huit semaines à venir. Essayez un autre conseiller, ou un autre service.</p>}
        >
          <ChoicesField
            id={props.id}
            legend={props.legend}
            hint="Les premiers créneaux libres, dans l'ordre."
            error={props.error}
            type="radio"
            options={list().map((slot) => ({ value: slot.key, label: slotLabel(slot) }))}
            selected={props.selected ? [props.selected] : []}
            onChange={([key]) => {
              const slot = list().find((candidate) => candidate.key === key);
              if (slot) props.onSelect(slot);
            }}
          />
        </Show>
      )}
    </Show>
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
