import { createSignal, For, Show } from "solid-js";
import { Button } from "../../../components/button.tsx";
import { CommuneField } from "../../booking/commune-field.tsx";

export interface PickedCommune {
  code: string;
  name: string;
}

/**
 * A list of communes (served by a structure, making up a territory): each with a button that
 * removes it, then a commune field that adds the commune chosen in it. The field starts empty
 * again after each choice, the focus in it, so that communes are added one after the other.
 */
export function CommunesField(props: {
  id: string;
  legend: string;
  hint: string;
  error: string | undefined;
  value: readonly PickedCommune[];
  onChange: (communes: PickedCommune[]) => void;
}) {
  // A new round mounts a new, empty commune field.
  const [round, setRound] = createSignal(1);
  const [announcement, setAnnouncement] = createSignal("");

  function refocus() {
    setRound(round() + 1);
    document.getElementById(props.id)?.focus();
  }

  function add(commune: PickedCommune | undefined) {
    if (!commune) return;
    if (props.value.some((picked) => picked.code === commune.code)) {
      setAnnouncement(`${commune.name} est déjà dans la liste.`);
    } else {
      props.onChange([...props.value, { code: commune.code, name: commune.name }]);
      setAnnouncement(`${commune.name} ajoutée. ${count(props.value.length)}.`);
    }
    refocus();
  }

  function remove(commune: PickedCommune) {
    props.onChange(props.value.filter((picked) => picked.code !== commune.code));
    setAnnouncement(`${commune.name} retirée. ${count(props.value.length)}.`);
    refocus();
  }

  return (
    <fieldset class="fieldset">
      <legend class="fieldset__legend">{props.legend}</legend>
      <p class="field__hint">{count(props.value.length)}</p>
      <Show when={props.value.length > 0}>
        <ul class="commune-list">
          <For each={props.value}>
            {(commune) => (
              <li class="commune-list__item">
                {/* The INSEE code tells namesakes apart; said as such, it is not taken for a postcode. */}
                <span>
                  {commune.name} <span class="commune-list__code">(code INSEE {commune.code})</span>
                </span>
                <Button variant="secondary" onClick={() => remove(commune)}>
                  Retirer<span class="visually-hidden">&nbsp;{commune.name}</span>
                </Button>
              </li>
            )}
          </For>
        </ul>
      </Show>
      <Show when={round()} keyed>
        <CommuneField
          id={props.id}
          label="Ajouter une commune"
          hint={props.hint}
          required={false}
          error={props.error}
          value={undefined}
          onChange={add}
        />
      </Show>
      <p class="visually-hidden" aria-live="polite">
        {announcement()}
      </p>
    </fieldset>
  );
}

const count = (n: number) => (n === 0 ? "Aucune commune" : n === 1 ? "1 commune" : `${n} communes`);
