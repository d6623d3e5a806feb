import { For, Show } from "solid-js";
import { ChoicesField, FieldError, TextField } from "../../components/fields.tsx";
import type { Mode } from "../../lib/api.ts";
import { DAYS, HALVES, type HalfDay, MODES, type WishesState } from "./wishes.ts";
import "./waitlist.css";

/**
 * When the person can come (half-days, Monday to Saturday), how, and until when: all optional,
 * nothing chosen meaning anything suits. `errors` by field id (« demi-journees », « modes »,
 * « jusqu-au »), the server's refusals among them.
 */
export function WishesFields(props: {
  /** The service's modes, when known: only those are offered, and no choice at all for one. */
  modes?: readonly Mode[] | undefined;
  wishes: WishesState;
  onChange: (change: Partial<WishesState>) => void;
  errors: Record<string, string>;
}) {
  const modeChoices = () => MODES.filter((mode) => !props.modes || props.modes.includes(mode.value));
  const toggle = (code: HalfDay, checked: boolean) =>
    props.onChange({
      halfDays: checked ? [...props.wishes.halfDays, code] : props.wishes.halfDays.filter((other) => other !== code),
    });
  return (
    <>
      <fieldset
        class="fieldset half-days"
        aria-describedby={`demi-journees-hint${props.errors["demi-journees"] ? " demi-journees-error" : ""}`}
      >
        <legend class="fieldset__legend">Quand êtes-vous disponible&nbsp;? (facultatif)</legend>
        <p class="field__hint" id="demi-journees-hint">
          Cochez les demi-journées qui vous conviennent. Sans choix, tous les créneaux vous sont proposés.
        </p>
        <FieldError id="demi-journees" error={props.errors["demi-journees"]} />
        <div class="half-days__grid">
          <For each={DAYS}>
            {(day) => (
              <div class="half-days__day">
                <span class="half-days__name" aria-hidden="true">
                  {day.name}
                </span>
                <For each={HALVES}>
                  {(half) => {
                    const code: HalfDay = `${day.day}${half.half}`;
                    const id = code === "1am" ? "demi-journees" : `demi-journee-${code}`;
                    return (
                      <div class="half-days__choice">
                        <input
                          id={id}
                          type="checkbox"
                          class="checkbox__input"
                          value={code}
                          checked={props.wishes.halfDays.includes(code)}
                          onChange={(event) => toggle(code, event.currentTarget.checked)}
                        />
                        <label for={id}>
                          <span class="visually-hidden">{day.name} </span>
                          {half.name}
                        </label>
                      </div>
                    );
                  }}
                </For>
              </div>
            )}
          </For>
        </div>
      </fieldset>
      <Show when={modeChoices().length > 1}>
        <ChoicesField
          id="modes"
          legend={"Comment souhaitez-vous être reçu\u00a0? (facultatif)"}
          hint="Sans choix, tous les modes de rendez-vous du service vous sont proposés."
          type="checkbox"
          options={modeChoices()}
          selected={props.wishes.modes}
          onChange={(modes) => props.onChange({ modes })}
          error={props.errors.modes}
        />
      </Show>
      <TextField
        id="jusqu-au"
        label="Jusqu'au (facultatif)"
        hint="Le dernier jour où un créneau vous intéresse."
        type="date"
        value={props.wishes.until}
        onInput={(event) => props.onChange({ until: event.currentTarget.value })}
        error={props.errors["jusqu-au"]}
      />
    </>
  );
}
