import { createSignal, For, type JSX, Show } from "solid-js";
import { Button } from "../../components/button.tsx";
import { FieldError } from "../../components/fields.tsx";
import type { Slot, Structure } from "../../lib/api.ts";
import { dateOf, formatDayWithYear, formatTime, timeOf } from "../../lib/dates.ts";
import { placeName, siteAddress } from "./slot-choices.ts";
import { PhoneLink } from "./slot-pickers.tsx";

/** « Sur place — APEC Lille — Euralille, 25 avenue Willy Brandt, 59777 Lille », « Par téléphone ». */
function slotPlace(slot: Slot, structure: Structure | undefined): string {
  const site = slot.mode === "onsite" ? structure?.sites.find((candidate) => candidate.id === slot.siteId) : undefined;
  const name = placeName({ place: { mode: slot.mode, site: slot.siteId ?? undefined }, site });
  return site ? `${name}, ${siteAddress(site)}` : name;
}

/**
 * The slot went to someone else meanwhile (409 SLOT_TAKEN): said plainly, with the server's
 * alternatives as radio buttons and a button to confirm one. `status` is what the last attempt
 * gave (sending, or a failure), shown above the button. The notice takes the focus (`ref`).
 */
export function SlotTaken(props: {
  message: string;
  alternatives: Slot[];
  structure: Structure | undefined;
  /** What is kept meanwhile, in a sentence: « Vos coordonnées sont conservées. » */
  kept: string;
  /** Where to see every free slot instead. */
  slotsHref: string;
  confirmLabel: string;
  status?: JSX.Element;
  onConfirm: (slot: Slot) => void;
  ref: (element: HTMLElement) => void;
}) {
  const [chosen, setChosen] = createSignal<Slot>();
  const [missing, setMissing] = createSignal(false);
  let form!: HTMLFormElement;

  function submit(event: SubmitEvent) {
    event.preventDefault();
    const slot = chosen();
    if (slot) {
      props.onConfirm(slot);
      return;
    }
    setMissing(true);
    form.querySelector<HTMLInputElement>('input[name="alternative"]')?.focus();
  }

  return (
    <div class="taken">
      <div class="notice notice--error" role="alert" tabindex="-1" ref={(element) => props.ref(element)}>
        <p class="notice__title">Ce créneau n'est plus libre</p>
        <p>{props.message}</p>
        <p>
          {props.kept} {props.alternatives.length > 0 ? "Choisissez l'un des créneaux ci-dessous, puis confirmez." : ""}
        </p>
      </div>
      <Show
        when={props.alternatives.length > 0}
        fallback={
          <p>
            Aucun autre créneau n'est libre dans les deux semaines qui suivent.{" "}
            <a href={props.slotsHref}>Voir les créneaux libres</a>
            <Show when={props.structure?.phone}>
              {(phone) => (
                <>
                  , ou appelez {props.structure?.name} au <PhoneLink phone={phone()} />
                </>
              )}
            </Show>
            .
          </p>
        }
      >
        <form ref={form} class="taken__form" onSubmit={submit} novalidate>
          <fieldset class="fieldset" aria-describedby={missing() ? "alternative-error" : undefined}>
            <legend class="fieldset__legend">Autres créneaux libres</legend>
            <FieldError id="alternative" error={missing() ? "Choisissez l'un de ces créneaux." : undefined} />
            <div class="choices">
              <For each={props.alternatives}>
                {(slot, index) => (
                  <div class="choice">
                    <input
                      type="radio"
                      class="choice__input"
                      name="alternative"
                      id={`alternative-${index()}`}
                      value={slot.key}
                      checked={chosen() === slot}
                      onChange={() => {
                        setChosen(slot);
                        setMissing(false);
                      }}
                      aria-describedby={`alternative-${index()}-hint`}
                    />
                    <label class="choice__label" for={`alternative-${index()}`}>
                      {formatDayWithYear(dateOf(slot.start))} à {formatTime(timeOf(slot.start))}
                    </label>
                    <p class="choice__hint" id={`alternative-${index()}-hint`}>
                      {slotPlace(slot, props.structure)}
                    </p>
                  </div>
                )}
              </For>
            </div>
          </fieldset>
          {props.status}
          <Button type="submit" size="large">
            {props.confirmLabel}
          </Button>
        </form>
        <p class="taken__more">
          <a href={props.slotsHref}>Voir tous les créneaux libres</a>
        </p>
      </Show>
    </div>
  );
}
