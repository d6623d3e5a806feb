import { TextField } from "../../../components/fields.tsx";

/** The optional stable identifier of a new entry (`hint` says what it is drawn from when left empty). */
export function SlugField(props: {
  id: string;
  hint: string;
  value: string;
  onValue: (value: string) => void;
  error: string | undefined;
}) {
  return (
    <TextField
      id={props.id}
      label="Identifiant (facultatif)"
      hint={props.hint}
      maxlength={80}
      spellcheck={false}
      autocapitalize="off"
      value={props.value}
      onInput={(event) => props.onValue(event.currentTarget.value)}
      error={props.error}
    />
  );
}
