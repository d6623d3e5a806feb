import { createMemo, createSignal, Show } from "solid-js";
import { Button } from "../../components/button.tsx";
import { TextField } from "../../components/fields.tsx";
import { emailSuggestion } from "../../lib/email.ts";
import { EMAIL_MAX } from "./details.ts";

/**
 * A person's e-mail address, where they give it (booking, invitation, « Modifier mes
 * coordonnées »). A text input, not `type="email"`: Chromium hands that one's domain back in
 * its ASCII form (« xn--exmple-cua.fr »), which the person would then read on every page.
 * Once they leave the field, a likely typo of a common provider is pointed out, never imposed.
 */
export function PersonEmailField(props: {
  id: string;
  label: string;
  hint?: string | undefined;
  value: string;
  onValue: (value: string) => void;
  error: string | undefined;
}) {
  // Said for the address as it was left, not while it is typed: « gmail.co » is on its way to « gmail.com ».
  const [left, setLeft] = createSignal(props.value);
  const suggestion = createMemo(() => (left() === props.value ? emailSuggestion(props.value) : undefined));
  let input: HTMLInputElement | undefined;

  function apply(address: string) {
    props.onValue(address);
    setLeft(address);
    input?.focus();
  }

  return (
    <div class="person-email">
      <TextField
        ref={input}
        id={props.id}
        label={props.label}
        hint={props.hint}
        type="text"
        inputmode="email"
        autocomplete="email"
        spellcheck={false}
        autocapitalize="off"
        maxlength={EMAIL_MAX}
        value={props.value}
        onInput={(event) => props.onValue(event.currentTarget.value)}
        onChange={(event) => setLeft(event.currentTarget.value)}
        error={props.error}
      />
      <div class="person-email__suggestion" aria-live="polite">
        <Show when={suggestion()}>
          {(address) => (
            <p class="field__hint">
              Vouliez-vous dire <strong>{address()}</strong>&nbsp;?{" "}
              <Button variant="secondary" onClick={() => apply(address())}>
                Corriger<span class="visually-hidden">&nbsp;l'adresse en {address()}</span>
              </Button>
            </p>
          )}
        </Show>
      </div>
    </div>
  );
}
