import { createEffect, createMemo, createSignal, createUniqueId, For, onCleanup, onMount, Show, untrack } from "solid-js";
import "./combobox.css";
import { FieldError } from "./fields.tsx";

export interface ComboboxProps<Option> {
  /** The text field's id (an error summary links to it); generated when not given. */
  id?: string | undefined;
  label: string;
  /** What to type and choose; the keys to use follow it, except on touch screens. */
  hint: string;
  /** Whether a choice is required (announced as such); true unless said otherwise. */
  required?: boolean | undefined;
  /** The browser's autofill token, e.g. "address-level2" for a person's own commune; "off" by default. */
  autocomplete?: string | undefined;
  error?: string | undefined;
  /**
   * The chosen option: one picked from the list, or the one typed text names by itself (its
   * search's `match`) when the form is sent with it; other typed text never counts.
   */
  value: Option | undefined;
  onChange: (value: Option | undefined) => void;
  /**
   * The options for `text`, best first, and the one it names by itself if any (« Amiens » typed in
   * full); `signal` aborts when the text has changed meanwhile.
   */
  search: (text: string, signal: AbortSignal) => Promise<SearchAnswer<Option>>;
  optionLabel: (option: Option) => string;
  /** What to say (shown and announced) about a search's result. */
  messages: {
    found: (count: number, text: string) => string;
    none: (text: string) => string;
    failed: (error: unknown) => string;
  };
  debounceMs?: number;
}

export interface SearchAnswer<Option> {
  options: Option[];
  match: Option | null;
}

type Status = { kind: "idle" } | { kind: "searching" } | { kind: "found" } | { kind: "message"; text: string };

/**
 * An editable combobox with list autocomplete and manual selection (WAI-ARIA 1.2, the APG's
 * "Editable Combobox With List Autocomplete"), for options the server finds as the person types.
 *
 * The focus stays in the text field; `aria-activedescendant` names the option under the arrows.
 * Down/Up open the list and move in it, Enter picks, Escape closes (then clears), Tab leaves.
 * Enter with the list closed submits the form, as in any text field; the form then gets the option
 * the text names by itself, if any, so that « Amiens » typed in full needs no choice from the list.
 *
 * Why not Kobalte's Combobox: it weighs 29 kB gzipped (with floating-ui), about half the public
 * pages' JavaScript budget, and does not open by itself when options arrive asynchronously.
 */
export function Combobox<Option>(props: ComboboxProps<Option>) {
  const id = createUniqueId();
  const inputId = untrack(() => props.id) ?? `combobox-${id}`;
  const listId = `combobox-${id}-list`;
  const hintId = `combobox-${id}-hint`;
  const errorId = `combobox-${id}-error`;

  const [text, setText] = createSignal(untrack(() => (props.value === undefined ? "" : props.optionLabel(props.value))));
  const [options, setOptions] = createSignal<Option[]>([]);
  const [open, setOpen] = createSignal(false);
  const [active, setActive] = createSignal(-1);
  const [status, setStatus] = createSignal<Status>({ kind: "idle" });
  // Announced by the live region; the same text is shown when it is a message.
  const [announcement, setAnnouncement] = createSignal("");
  const expanded = createMemo(() => open() && options().length > 0);
  const activeId = createMemo(() => (expanded() && active() >= 0 ? `${listId}-${active()}` : undefined));
  let input!: HTMLInputElement;
  let list!: HTMLDivElement;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let pending: AbortController | undefined;
  // The search under way and the last one answered, for the text they were asked for.
  let asking: { query: string; answer: Promise<Option | null> } | undefined;
  let answered: { query: string; match: Option | null } | undefined;
  let resubmitting = false;

  function cancel() {
    clearTimeout(timer);
    pending?.abort();
    pending = undefined;
    asking = undefined;
  }
  onCleanup(cancel);

  // A form sent with typed text takes the option it names, before the form's own handler reads
  // the value: hence a capturing listener on the document, which runs before any on the form.
  // When the search is not answered yet, sending waits for it, then starts again.
  function onSubmit(event: SubmitEvent) {
    const form = input.form;
    const query = text().trim();
    if (!form || resubmitting || event.target !== form || props.value !== undefined || query === "") return;
    if (answered?.query === query) {
      if (answered.match !== null) choose(answered.match);
      return;
    }
    event.preventDefault();
    event.stopImmediatePropagation();
    const submitter = event.submitter;
    const answer = asking?.query === query ? asking.answer : ask(query);
    void answer.then((match) => {
      if (text().trim() !== query || !form.isConnected) return;
      if (match !== null) choose(match);
      resubmitting = true;
      try {
        form.requestSubmit(submitter);
      } finally {
        resubmitting = false;
      }
    });
  }
  onMount(() => document.addEventListener("submit", onSubmit, true));
  onCleanup(() => document.removeEventListener("submit", onSubmit, true));

  // A list that opens below the fold is scrolled into sight, as is the option under the arrows.
  createEffect(() => {
    if (expanded()) list.scrollIntoView({ block: "nearest" });
  });
  createEffect(() => {
    const current = activeId();
    if (current) list.querySelector(`#${CSS.escape(current)}`)?.scrollIntoView({ block: "nearest" });
  });

  function onInput(event: InputEvent & { currentTarget: HTMLInputElement }) {
    const typed = event.currentTarget.value;
    setText(typed);
    setActive(-1);
    if (props.value !== undefined && typed !== props.optionLabel(props.value)) props.onChange(undefined);
    cancel();
    const query = typed.trim();
    if (query === "") {
      setOptions([]);
      setOpen(false);
      setStatus({ kind: "idle" });
      return;
    }
    setStatus({ kind: "searching" });
    timer = setTimeout(() => void ask(query), props.debounceMs ?? 200);
  }

  /** Searches now, shows what was found; resolves to the option the text names by itself. */
  function ask(query: string): Promise<Option | null> {
    cancel();
    const controller = new AbortController();
    pending = controller;
    const answer = props.search(query, controller.signal).then(
      (found) => {
        if (controller.signal.aborted) return null;
        answered = { query, match: found.match };
        setOptions(found.options);
        setOpen(document.activeElement === input);
        if (found.options.length > 0) {
          setStatus({ kind: "found" });
          setAnnouncement(props.messages.found(found.options.length, query));
        } else {
          const message = props.messages.none(query);
          setStatus({ kind: "message", text: message });
          setAnnouncement(message);
        }
        return found.match;
      },
      (error: unknown) => {
        if (controller.signal.aborted) return null;
        const message = props.messages.failed(error);
        setOptions([]);
        setStatus({ kind: "message", text: message });
        setAnnouncement(message);
        return null;
      },
    );
    asking = { query, answer };
    return answer;
  }

  function choose(option: Option) {
    cancel();
    props.onChange(option);
    setText(props.optionLabel(option));
    setOpen(false);
    setActive(-1);
    setStatus({ kind: "idle" });
    // « 3 communes pour « Lille »… » is over once one is chosen.
    setAnnouncement("");
  }

  function move(step: 1 | -1) {
    const count = options().length;
    if (count === 0) return;
    if (!open()) {
      setOpen(true);
      setActive(step === 1 ? 0 : count - 1);
      return;
    }
    const current = active();
    setActive(current < 0 ? (step === 1 ? 0 : count - 1) : (current + step + count) % count);
  }

  function onKeyDown(event: KeyboardEvent) {
    switch (event.key) {
      case "ArrowDown":
        event.preventDefault();
        if (event.altKey) setOpen(true);
        else move(1);
        break;
      case "ArrowUp":
        event.preventDefault();
        if (event.altKey) setOpen(false);
        else move(-1);
        break;
      case "Enter": {
        const option = expanded() ? options()[active()] : undefined;
        if (option !== undefined) {
          // Picks the option instead of submitting the form.
          event.preventDefault();
          choose(option);
        }
        break;
      }
      case "Escape":
        if (expanded()) {
          event.preventDefault();
          setOpen(false);
          setActive(-1);
        } else if (text() !== "") {
          event.preventDefault();
          cancel();
          setText("");
          setOptions([]);
          setStatus({ kind: "idle" });
          if (props.value !== undefined) props.onChange(undefined);
        }
        break;
    }
  }

  const describedBy = createMemo(() => (props.error ? `${hintId} ${errorId}` : hintId));
  const message = createMemo(() => {
    const current = status();
    return current.kind === "message" ? current.text : undefined;
  });

  return (
    <div class="field combobox">
      <label class="field__label" for={inputId}>
        {props.label}
      </label>
      <p class="field__hint" id={hintId}>
        {props.hint}
        {/* No arrows nor Enter key on a touch screen: the sentence is hidden there (combobox.css). */}
        <span class="combobox__keys"> Au clavier : flèches pour parcourir la liste, Entrée pour choisir.</span>
      </p>
      <FieldError id={`combobox-${id}`} error={props.error} />
      <div class="combobox__control">
        <input
          ref={input}
          id={inputId}
          class="field__input combobox__input"
          type="text"
          role="combobox"
          autocomplete={props.autocomplete ?? "off"}
          autocapitalize="off"
          spellcheck={false}
          aria-autocomplete="list"
          aria-expanded={expanded()}
          aria-controls={listId}
          aria-activedescendant={activeId()}
          aria-describedby={describedBy()}
          aria-invalid={props.error ? true : undefined}
          aria-required={props.required === false ? undefined : true}
          value={text()}
          onInput={onInput}
          onKeyDown={onKeyDown}
          onBlur={() => {
            setOpen(false);
            setActive(-1);
          }}
        />
        {/* Pressing the pointer in the list (an option, its scroll bar) must leave the focus in
            the field: the field's blur would close the list before the click lands. */}
        <div
          ref={list}
          id={listId}
          class="combobox__listbox"
          role="listbox"
          aria-label={props.label}
          hidden={!expanded()}
          onMouseDown={(event) => event.preventDefault()}
        >
          <For each={options()}>
            {(option, index) => (
              // biome-ignore lint/a11y/useKeyWithClickEvents: the field handles the keyboard for the whole list (aria-activedescendant).
              // biome-ignore lint/a11y/useFocusableInteractive: options are never focused; the field names the active one (aria-activedescendant).
              <div
                id={`${listId}-${index()}`}
                class="combobox__option"
                role="option"
                aria-selected={index() === active()}
                onClick={() => choose(option)}
              >
                {props.optionLabel(option)}
              </div>
            )}
          </For>
        </div>
      </div>
      <Show when={message()}>{(text) => <p class="combobox__message">{text()}</p>}</Show>
      {/* A live region but not role="status": on these pages a status says that something loads. */}
      <p class="visually-hidden" aria-live="polite">
        {announcement()}
      </p>
    </div>
  );
}
