import { For } from "solid-js";
import { SelectField } from "../../../components/fields.tsx";

/** « Lieu ou mode »: the agenda's and the desk's filter by place (choices from `placeChoices`). */
export function PlaceField(props: {
  id: string;
  choices: readonly { value: string; label: string }[];
  value: string;
  onChange: (value: string) => void;
}) {
  return (
    <SelectField
      id={props.id}
      label="Lieu ou mode"
      value={props.value}
      onChange={(event) => props.onChange(event.currentTarget.value)}
    >
      <For each={props.choices}>
        {(choice) => (
          <option value={choice.value} selected={choice.value === props.value}>
            {choice.label}
          </option>
        )}
      </For>
    </SelectField>
  );
}
