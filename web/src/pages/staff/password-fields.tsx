import { createSignal, type JSX } from "solid-js";
import { CheckboxField } from "../../components/fields.tsx";

/**
 * The password fields of a form, and a checkbox that shows them in clear (a typing mistake is
 * then seen, not guessed); `children` receives the input type to give them.
 */
export function RevealablePasswords(props: { id: string; children: (type: () => "password" | "text") => JSX.Element }) {
  const [shown, setShown] = createSignal(false);
  return (
    <>
      {props.children(() => (shown() ? "text" : "password"))}
      <CheckboxField
        id={props.id}
        label="Afficher le mot de passe"
        checked={shown()}
        onChange={(event) => setShown(event.currentTarget.checked)}
      />
    </>
  );
}
