import { createUniqueId, For, Show } from "solid-js";
import { Dynamic } from "solid-js/web";

export interface ErrorLink {
  /** The id of the control to fix. */
  target: string;
  message: string;
}

/**
 * The errors of a form, at its top: a heading that counts them, then one link per error that
 * moves the focus to its field (and shows the field's label). `role="alert"` announces it, and
 * the form focuses it (`ref`) so that the keyboard starts from it.
 */
export function ErrorSummary(props: {
  links: ErrorLink[];
  messages?: string[] | undefined;
  ref: (element: HTMLElement) => void;
  /** Its heading's level in the page's outline: 2 right under the h1 (the default), deeper inside a section. */
  level?: 2 | 3 | 4 | 5 | 6 | undefined;
}) {
  const count = () => props.links.length + (props.messages?.length ?? 0);
  // A page of the directory holds several forms: each summary's title needs its own id.
  const titleId = `error-summary-${createUniqueId()}`;

  // The router takes over same-origin links: it would scroll to the field but leave the focus
  // behind. A native listener runs first and does both, label in sight.
  function focusField(event: MouseEvent, target: string) {
    const control = document.getElementById(target);
    if (!control) return;
    event.preventDefault();
    const label = document.querySelector<HTMLElement>(`label[for="${CSS.escape(target)}"]`);
    (label ?? control).scrollIntoView({ block: "start" });
    control.focus({ preventScroll: true });
  }

  return (
    <div class="error-summary" role="alert" tabindex="-1" ref={(element) => props.ref(element)} aria-labelledby={titleId}>
      <Dynamic component={`h${props.level ?? 2}`} class="error-summary__title" id={titleId}>
        {count() > 1 ? `Le formulaire contient ${count()} erreurs` : "Le formulaire contient une erreur"}
      </Dynamic>
      <ul class="error-summary__list">
        <For each={props.messages}>{(message) => <li>{message}</li>}</For>
        <For each={props.links}>
          {(link) => (
            <li>
              <a href={`#${link.target}`} on:click={(event) => focusField(event, link.target)}>
                {link.message}
              </a>
            </li>
          )}
        </For>
      </ul>
      <Show when={props.links.length > 0}>
        <p class="error-summary__hint">Chaque lien mène au champ à corriger.</p>
      </Show>
    </div>
  );
}
