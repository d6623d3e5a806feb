import { type Component, For, type JSX } from "solid-js";
import { createSuccess, SuccessNotice } from "./admin-form.tsx";
import { RowEditor } from "./row-editor.tsx";

/** What the form of an entry is handed: the entry it edits (none: it adds one), and what to do once saved or cancelled. */
export interface EntryFormProps<Entry> {
  entry?: Entry | undefined;
  onDone: (text: string) => void;
  onCancel?: (() => void) | undefined;
}

/**
 * A list the Région keeps (networks, territories, questions): each entry under its name, with
 * what `children` says of it and its editor, beside its other `actions` if any; then the form
 * that adds one. One notice says what the last change did.
 */
export function EntryList<Entry>(props: {
  entries: readonly Entry[] | undefined;
  /** What the entry is called: its row's title, and what its buttons say they act on. */
  name: (entry: Entry) => string;
  /** The row's title, when it says more than the name. */
  title?: ((entry: Entry) => JSX.Element) | undefined;
  children: (entry: Entry) => JSX.Element;
  actions?: ((entry: Entry, say: (text: string) => void) => JSX.Element) | undefined;
  form: Component<EntryFormProps<Entry>>;
  /** The section that adds an entry: its heading's id and words. */
  adding: { id: string; title: string };
}) {
  const success = createSuccess();
  const Form = props.form;
  return (
    <>
      <SuccessNotice said={success.said()} />
      <ul class="directory-rows">
        <For each={props.entries}>
          {(entry) => {
            const editor = () => (
              <RowEditor label="Modifier" name={props.name(entry)} onDone={success.say}>
                {(editing) => <Form entry={entry} {...editing} />}
              </RowEditor>
            );
            return (
              <li class="directory-row">
                <h2 class="directory-row__title">{(props.title ?? props.name)(entry)}</h2>
                {props.children(entry)}
                {props.actions ? (
                  <div class="directory__actions">
                    {editor()}
                    {props.actions(entry, success.say)}
                  </div>
                ) : (
                  editor()
                )}
              </li>
            );
          }}
        </For>
      </ul>
      <section class="staff__section" aria-labelledby={props.adding.id}>
        <h2 id={props.adding.id}>{props.adding.title}</h2>
        <Form onDone={success.say} />
      </section>
    </>
  );
}
