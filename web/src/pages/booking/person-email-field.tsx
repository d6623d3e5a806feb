import { createMemo, createSignal, onMount, Show } from "solid-js";
import { Button } from "../../components/button.tsx";
import { TextField } from "../../components/fields.tsx";
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
  // Said for the address as it was left, not while it is typed: « gmail.co » is on its way to
  // « gmail.com ». The spell-checker loads then, apart: the pages' first load stays light.
  const [suggested, setSuggested] = createSignal<{ typed: string; address: string }>();
  const suggestion = createMemo(() => {
    const found = suggested();
    return found && found.typed === props.value ? found.address : undefined;
  });
  let input: HTMLInputElement | undefined;

  async function check(typed: string) {
    const { emailSuggestion } = await import("../../lib/email-suggestion.ts");
    const address = emailSuggestion(typed);
    setSuggested(address ? { typed, address } : undefined);
  }
  onMount(() => {
    if (props.value.trim()) void check(props.value);
  });

  function apply(address: string) {
    props.onValue(address);
    setSuggested(undefined);
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
        onChange={(event) => void check(event.currentTarget.value)}
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
