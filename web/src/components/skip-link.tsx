import type { JSX } from "solid-js";

/**
 * The first stop of the keyboard (RGAA 12.7). The router takes over same-origin links and would
 * scroll to the anchor but leave the focus behind, so the link moves the focus itself; a native
 * listener on the element runs before the router's, which then leaves the event alone.
 */
export function SkipLink(props: { target: string; children: JSX.Element }) {
  function focusTarget(event: MouseEvent) {
    const target = document.getElementById(props.target);
    if (!target) return;
    event.preventDefault();
    target.focus();
  }

  return (
    <a class="skip-link" href={`#${props.target}`} on:click={focusTarget}>
      {props.children}
    </a>
  );
}
