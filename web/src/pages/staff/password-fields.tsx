import { createSignal, type JSX } from "solid-js";
import { CheckboxField, TextField } from "../../components/fields.tsx";

/** The server's policy, checked here first so that a too-short password is refused at once. */
export const MIN_LENGTH = 12;
export const NEW_PASSWORD_HINT = `Au moins ${MIN_LENGTH} caractères, et pas un mot de passe courant. Une phrase de quelques mots est facile à retenir.`;

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

/** A password input as every staff form wants it: no spelling help, no capitals, 256 at most. */
export function PasswordField(props: {
  id: string;
  label: string;
  hint?: JSX.Element;
  type: "password" | "text";
  autocomplete: "current-password" | "new-password";
  value: string;
  onValue: (value: string) => void;
  error: string | undefined;
}) {
  return (
    <TextField
      id={props.id}
      label={props.label}
      hint={props.hint}
      type={props.type}
      autocomplete={props.autocomplete}
      spellcheck={false}
      autocapitalize="off"
      maxlength={256}
      value={props.value}
      onInput={(event) => props.onValue(event.currentTarget.value)}
      error={props.error}
    />
  );
}

type NewPasswordField = "newPassword" | "confirmation";

/** What is wrong with a new password and its confirmation, said before the server is asked. */
export function newPasswordProblems(password: string, confirmation: string): Partial<Record<NewPasswordField, string>> {
  const found: Partial<Record<NewPasswordField, string>> = {};
  if (!password) found.newPassword = "Saisissez un mot de passe.";
  else if (password.length < MIN_LENGTH) found.newPassword = `Le mot de passe doit compter au moins ${MIN_LENGTH} caractères.`;
  if (!confirmation) found.confirmation = "Saisissez le mot de passe une seconde fois.";
  else if (password && confirmation !== password) found.confirmation = "Les deux mots de passe saisis sont différents.";
  return found;
}

/** A new password and its confirmation, which may be shown in clear together. */
export function NewPasswordFields(props: {
  ids: Record<NewPasswordField, string>;
  label: string;
  password: string;
  onPassword: (value: string) => void;
  confirmation: string;
  onConfirmation: (value: string) => void;
  errors: Partial<Record<NewPasswordField, string>>;
}) {
  return (
    <RevealablePasswords id="afficher-mots-de-passe">
      {(type) => (
        <>
          <PasswordField
            id={props.ids.newPassword}
            label={props.label}
            hint={NEW_PASSWORD_HINT}
            type={type()}
            autocomplete="new-password"
            value={props.password}
            onValue={props.onPassword}
            error={props.errors.newPassword}
          />
          <PasswordField
            id={props.ids.confirmation}
            label="Confirmation du mot de passe"
            type={type()}
            autocomplete="new-password"
            value={props.confirmation}
            onValue={props.onConfirmation}
            error={props.errors.confirmation}
          />
        </>
      )}
    </RevealablePasswords>
  );
}
