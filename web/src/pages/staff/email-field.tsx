import { TextField } from "../../components/fields.tsx";

/** The address a staff member signs in with: `username` so that password managers pair it with the password. */
export function EmailField(props: { id: string; value: string; onValue: (value: string) => void; error: string | undefined }) {
  return (
    <TextField
      id={props.id}
      label="Adresse électronique"
      type="email"
      autocomplete="username"
      spellcheck={false}
      autocapitalize="off"
      maxlength={254}
      value={props.value}
      onInput={(event) => props.onValue(event.currentTarget.value)}
      error={props.error}
    />
  );
}
