import { createMemo, For, type JSX, Show, splitProps } from "solid-js";

/** What every field has besides its control: an id, a visible label, a hint and an error. */
interface FieldText {
  id: string;
  label: JSX.Element;
  hint?: JSX.Element | undefined;
  /** The error to show; the control is then marked invalid and described by it. */
  error?: string | undefined;
}

/** The ids a control is described by: its hint, then its error (WCAG 3.3.1, 1.3.1). */
function describedBy(props: FieldText): string | undefined {
  const ids = [props.hint ? `${props.id}-hint` : "", props.error ? `${props.id}-error` : ""].filter(Boolean);
  return ids.length > 0 ? ids.join(" ") : undefined;
}

/** A control's error, above it: `${id}-error`, for the control or its fieldset to be described by. */
export function FieldError(props: { id: string; error: string | undefined }) {
  return (
    <Show when={props.error}>
      {(error) => (
        <p class="field__error" id={`${props.id}-error`}>
          <span class="visually-hidden">Erreur&nbsp;: </span>
          {error()}
        </p>
      )}
    </Show>
  );
}

function Hint(props: { id: string; hint: JSX.Element | undefined }) {
  return (
    <Show when={props.hint}>
      <p class="field__hint" id={`${props.id}-hint`}>
        {props.hint}
      </p>
    </Show>
  );
}

const FIELD_TEXT = ["id", "label", "hint", "error"] as const;

/** The label, hint and error above a control, and what the control needs to be described by them. */
function LabelledField(props: {
  text: FieldText;
  children: (described: { "aria-invalid": true | undefined; "aria-describedby": string | undefined }) => JSX.Element;
}) {
  const description = createMemo(() => describedBy(props.text));
  return (
    <div class="field">
      <label class="field__label" for={props.text.id}>
        {props.text.label}
      </label>
      <Hint id={props.text.id} hint={props.text.hint} />
      <FieldError id={props.text.id} error={props.text.error} />
      {props.children({
        get "aria-invalid"() {
          return props.text.error ? true : undefined;
        },
        get "aria-describedby"() {
          return description();
        },
      })}
    </div>
  );
}

/** A text input with its label above, then its hint and its error, as the GOV.UK pattern does. */
export function TextField(props: FieldText & Omit<JSX.InputHTMLAttributes<HTMLInputElement>, "id" | "class">) {
  const [text, input] = splitProps(props, FIELD_TEXT);
  return (
    <LabelledField text={text}>
      {(described) => <input {...input} {...described} id={text.id} class="field__input" />}
    </LabelledField>
  );
}

/** A multi-line text input, laid out as TextField. */
export function TextAreaField(props: FieldText & Omit<JSX.TextareaHTMLAttributes<HTMLTextAreaElement>, "id" | "class">) {
  const [text, area] = splitProps(props, FIELD_TEXT);
  return (
    <LabelledField text={text}>
      {(described) => <textarea {...area} {...described} id={text.id} class="field__input field__textarea" />}
    </LabelledField>
  );
}

/** A single checkbox, its label beside it; the hint and error above, as for the other fields. */
export function CheckboxField(props: FieldText & Omit<JSX.InputHTMLAttributes<HTMLInputElement>, "id" | "class" | "type">) {
  const [text, input] = splitProps(props, FIELD_TEXT);
  const description = createMemo(() => describedBy(text));
  return (
    <div class="field">
      <Hint id={text.id} hint={text.hint} />
      <FieldError id={text.id} error={text.error} />
      <div class="checkbox">
        <input
          {...input}
          type="checkbox"
          id={text.id}
          class="checkbox__input"
          aria-invalid={text.error ? true : undefined}
          aria-describedby={description()}
        />
        <label class="checkbox__label" for={text.id}>
          {text.label}
        </label>
      </div>
    </div>
  );
}

/** A native select, laid out as TextField: the browser's own list, usable with every keyboard and reader. */
export function SelectField(
  props: FieldText & Omit<JSX.SelectHTMLAttributes<HTMLSelectElement>, "id" | "class"> & { children: JSX.Element },
) {
  const [text, select] = splitProps(props, FIELD_TEXT);
  return (
    <LabelledField text={text}>
      {(described) => <select {...select} {...described} id={text.id} class="field__input field__select" />}
    </LabelledField>
  );
}

/** A select's options, one per item with its id for value; the chosen one stays selected when the list loads late. */
export function IdOptions<Item extends { id: string }>(props: {
  each: readonly Item[] | undefined;
  selected: string;
  label: (item: Item) => string;
}) {
  return (
    <For each={props.each}>
      {(item) => (
        <option value={item.id} selected={item.id === props.selected}>
          {props.label(item)}
        </option>
      )}
    </For>
  );
}

/**
 * A group of checkboxes (several answers) or radio buttons (one), in a fieldset whose legend
 * names the question (RGAA 11.5). The first control carries `id`, for the error summary's link.
 */
export function ChoicesField<Value extends string>(props: {
  id: string;
  legend: string;
  hint?: string | undefined;
  error?: string | undefined;
  type: "checkbox" | "radio";
  options: readonly { value: Value; label: string }[];
  selected: readonly Value[];
  onChange: (selected: Value[]) => void;
}) {
  const description = createMemo(() => describedBy({ id: props.id, label: "", hint: props.hint, error: props.error }));
  function toggle(value: Value, checked: boolean) {
    if (props.type === "radio") props.onChange([value]);
    else props.onChange(checked ? [...props.selected, value] : props.selected.filter((v) => v !== value));
  }
  return (
    <fieldset class="fieldset" aria-describedby={description()}>
      <legend class="fieldset__legend">{props.legend}</legend>
      <Hint id={props.id} hint={props.hint} />
      <FieldError id={props.id} error={props.error} />
      <div class="choices choices--compact">
        <For each={props.options}>
          {(option, index) => {
            const id = index() === 0 ? props.id : `${props.id}-${option.value}`;
            return (
              <div class="choice">
                <input
                  id={id}
                  class="choice__input"
                  type={props.type}
                  name={props.id}
                  value={option.value}
                  checked={props.selected.includes(option.value)}
                  aria-invalid={props.error ? true : undefined}
                  onChange={(event) => toggle(option.value, event.currentTarget.checked)}
                />
                <label class="choice__label" for={id}>
                  {option.label}
                </label>
              </div>
            );
          }}
        </For>
      </div>
    </fieldset>
  );
}
