import { createSignal, createUniqueId, type JSX, Show } from "solid-js";
import { Button } from "../../../components/button.tsx";

/** What a row's edit form is handed: both close it and give the focus back to the button. */
export interface Editing {
  /** The change is saved: `text` says so, in the section's success notice (`RowEditor`'s `onDone`). */
  onDone: (text: string) => void;
  onCancel: () => void;
}

/** A row's edit form (`children`), behind a button that shows and hides it (a disclosure: `aria-expanded`). */
export function RowEditor(props: {
  label: string;
  name: string;
  onDone: (text: string) => void;
  children: (editing: Editing) => JSX.Element;
}) {
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
          {props.children({
            onDone: (text) => {
              close();
              props.onDone(text);
            },
            onCancel: close,
          })}
        </div>
      </Show>
    </>
  );
}
