import { createSignal, createUniqueId, type JSX, Show } from "solid-js";
import { Button } from "../../../components/button.tsx";

/**
 * A row's edit form, behind a button that shows and hides it (a disclosure: `aria-expanded`).
 * `children` receives `close`, which hides the form and gives the focus back to the button.
 */
export function RowEditor(props: { label: string; name: string; children: (close: () => void) => JSX.Element }) {
  const [open, setOpen] = createSignal(false);
  const panel = `edition-${createUniqueId()}`;
  let button!: HTMLButtonElement;
  function close() {
    setOpen(false);
    button.focus();
  }
  return (
    <>
      <Button
        ref={button}
        variant="secondary"
        aria-expanded={open()}
        aria-controls={open() ? panel : undefined}
        onClick={() => setOpen(!open())}
      >
        {props.label}
        <span class="visually-hidden">&nbsp;{props.name}</span>
      </Button>
      <Show when={open()}>
        <div id={panel} class="directory-row__editor">
          {props.children(close)}
        </div>
      </Show>
    </>
  );
}
