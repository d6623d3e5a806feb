import { createEffect, type JSX } from "solid-js";
import "./dialog.css";

/**
 * A modal dialog on the browser's own `<dialog>`: `showModal()` makes the rest of the page inert
 * and keeps the focus inside, Escape asks to close it (`onOpenChange(false)`, which may refuse
 * while something is being sent), and the focus goes back to what opened it. The public pages use
 * it rather than Kobalte's: the private link's page has a budget, and this costs no library.
 */
export function Modal(props: {
  id: string;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  title: JSX.Element;
  description: JSX.Element;
  children: JSX.Element;
}) {
  let dialog: HTMLDialogElement | undefined;
  let opener: HTMLElement | null = null;
  createEffect(() => {
    if (!dialog) return;
    if (props.open && !dialog.open) {
      opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      dialog.showModal();
    } else if (!props.open && dialog.open) {
      dialog.close();
      opener?.focus();
    }
  });
  return (
    <dialog
      ref={dialog}
      class="dialog"
      aria-labelledby={`${props.id}-title`}
      aria-describedby={`${props.id}-description`}
      onKeyDown={(event) => {
        if (event.key === "Tab" && dialog) wrapFocus(dialog, event);
      }}
      onCancel={(event) => {
        // Escape: the owner decides (it keeps the dialog open while sending).
        event.preventDefault();
        props.onOpenChange(false);
      }}
    >
      <h2 id={`${props.id}-title`} class="dialog__title">
        {props.title}
      </h2>
      <p id={`${props.id}-description`} class="dialog__description">
        {props.description}
      </p>
      {props.children}
    </dialog>
  );
}

const FOCUSABLE = "a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled])";

/**
 * Tab past the last control comes back to the first, and Shift+Tab before the first to the
 * last: the browser would otherwise leave the page for its own toolbar.
 */
function wrapFocus(dialog: HTMLDialogElement, event: KeyboardEvent) {
  const controls = [...dialog.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((c) => c.offsetParent !== null);
  const [first, last] = [controls[0], controls.at(-1)];
  if (!first || !last) return;
  if (event.shiftKey && document.activeElement === first) {
    event.preventDefault();
    last.focus();
  } else if (!event.shiftKey && document.activeElement === last) {
    event.preventDefault();
    first.focus();
  }
}
