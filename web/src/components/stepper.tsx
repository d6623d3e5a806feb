import { createMemo, For, Show } from "solid-js";
import "./stepper.css";

/**
 * Where the person is in a flow of steps: "Étape 2 sur 4" and the step's name in a heading,
 * the next step's name, and a bar that repeats it for the eye (hidden from assistive tech,
 * which has the words). The heading can take the focus when the step changes (`headingRef`).
 */
export function Stepper(props: { steps: readonly string[]; current: number; headingRef?: (heading: HTMLElement) => void }) {
  const next = createMemo(() => props.steps[props.current]);
  return (
    <div class="stepper">
      <h2 class="stepper__title" tabindex="-1" ref={(heading) => props.headingRef?.(heading)}>
        <span class="stepper__state">
          Étape {props.current} sur {props.steps.length}
          <span class="visually-hidden">&nbsp;:</span>
        </span>{" "}
        {props.steps[props.current - 1]}
      </h2>
      <ol class="stepper__bar" aria-hidden="true">
        <For each={props.steps}>
          {(_, index) => <li classList={{ "stepper__segment--done": index() < props.current }} class="stepper__segment" />}
        </For>
      </ol>
      <Show when={next()}>
        {(name) => (
          <p class="stepper__next">
            <span class="stepper__next-label">Étape suivante&nbsp;:</span> {name()}
          </p>
        )}
      </Show>
    </div>
  );
}
