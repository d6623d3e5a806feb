import { For } from "solid-js";
import { SelectField } from "../../components/fields.tsx";
import { options } from "../../lib/orientation-words.ts";

/**
 * One question of the orientation profile (age band, situation or need) as a native select:
 * « Choisissez », then the answers in the questionnaire's order and words.
 */
export function ProfileSelect<Value extends string>(props: {
  id: string;
  label: string;
  words: Record<Value, string>;
  value: Value | "";
  onChange: (value: Value | "") => void;
  error?: string | undefined;
}) {
  return (
    <SelectField
      id={props.id}
      label={props.label}
      value={props.value}
      // The options are the words' keys and "", so the value is one of them.
      onChange={(event) => props.onChange(event.currentTarget.value as Value | "")}
      error={props.error}
    >
      <option value="">Choisissez</option>
      <For each={options(props.words)}>{(option) => <option value={option.value}>{option.label}</option>}</For>
    </SelectField>
  );
}
