import { createSignal, type JSX, onMount, Show } from "solid-js";
import { Button } from "../../../components/button.tsx";
import { type ErrorLink, ErrorSummary } from "../../../components/error-summary.tsx";
import { Loading } from "../../../components/notice.tsx";
import type { Outcome } from "../../../lib/api.ts";
import { capitalize, createFormErrors, fieldOfPath } from "../form-errors.ts";

export type FieldErrors<Field extends string> = Partial<Record<Field, string>>;

/**
 * An API message as the error summary says it: after the field's name (`names`, as the form
 * labels it), since « 5 minutes au moins. » means nothing away from its field — unless the
 * message already names it (« Le nom est obligatoire. »).
 */
function named(name: string | undefined, message: string): string {
  const word = name?.split(/[\s(]/)[0]?.toLowerCase();
  if (!name || !word || message.toLowerCase().includes(word)) return capitalize(message);
  return `${name}\u00a0: ${message}`;
}

/**
 * A form of the directory: its errors (from the checks made here first, then from the API's
 * `fields`) and whether it is sending. `run` resolves to the answer, or to undefined when the
 * change was refused — what was typed stays in the fields, to be corrected. `names` names the
 * API's fields (those the form shows, and others it may be told about).
 */
export function createAdminForm<Field extends string>(ids: Record<Field, string>, names: Partial<Record<string, string>> = {}) {
  const errors = createFormErrors(ids);
  const [sending, setSending] = createSignal(false);

  async function run<T>(found: FieldErrors<Field>, request: () => Promise<Outcome<T>>): Promise<T | undefined> {
    if (sending()) return undefined;
    setLastSent(++said);
    if (Object.values(found).some(Boolean)) {
      errors.refuse(found);
      return undefined;
    }
    setSending(true);
    const outcome = await request();
    setSending(false);
    if (outcome.kind === "done") {
      errors.clear();
      return outcome.value;
    }
    if (outcome.kind !== "invalid") {
      errors.refuse({}, [outcome.message]);
      return undefined;
    }
    // A path such as "person.email" belongs to the field "email", "reminderPlan.1" to
    // "reminderPlan"; a field this form does not show is said in the summary by its name (the
    // form's, else the API's French label), so that nothing is refused in silence.
    const fields: FieldErrors<Field> = {};
    const summary: FieldErrors<Field> = {};
    const others: string[] = [];
    for (const [path, message] of Object.entries(outcome.fields)) {
      const field = fieldOfPath(ids, path);
      const name = (field && names[field]) ?? capitalize(outcome.labels[path] ?? path);
      if (field) {
        fields[field] ??= capitalize(message);
        summary[field] ??= named(name, message);
      } else others.push(named(name, message));
    }
    errors.refuse(fields, others.length > 0 || Object.keys(fields).length === 0 ? [outcome.message, ...others] : [], summary);
    return undefined;
  }

  return { ...errors, sending, run };
}

/** What the form's frame shows of its state. */
export interface AdminFormState {
  links: () => ErrorLink[];
  fixing: (event: Event) => void;
  messages: () => string[];
  summaryRef: (element: HTMLElement) => void;
  sending: () => boolean;
}

/** A directory form: the error summary at its top, its fields, then its buttons. */
export function AdminForm(props: {
  form: AdminFormState;
  /** The form's accessible name. */
  label: string;
  /** The submit button's text; a visually hidden part can say which row it acts on. */
  submit: JSX.Element;
  onSubmit: () => void;
  /** A form that edits a row closes without saving: an « Annuler » button beside the submit. */
  onCancel?: (() => void) | undefined;
  children: JSX.Element;
}) {
  // The summary's heading goes one level below the heading the form comes under, wherever the
  // form is: a page's section (h2), a tab's section (h3), a row being edited (h3 or h4).
  const [level, setLevel] = createSignal<2 | 3 | 4 | 5 | 6>(2);
  let form!: HTMLFormElement;
  onMount(() => {
    const above = [...document.querySelectorAll("h1, h2, h3, h4, h5")]
      .filter((heading) => heading.compareDocumentPosition(form) & Node.DOCUMENT_POSITION_FOLLOWING)
      .at(-1);
    setLevel(Math.min(6, Number(above?.tagName.slice(1) ?? 1) + 1) as 2 | 3 | 4 | 5 | 6);
  });
  return (
    <form
      ref={form}
      class="staff-form"
      novalidate
      aria-label={props.label}
      onInput={(event) => props.form.fixing(event)}
      onChange={(event) => props.form.fixing(event)}
      onSubmit={(event) => {
        event.preventDefault();
        props.onSubmit();
      }}
    >
      <Show when={props.form.links().length + props.form.messages().length > 0}>
        <ErrorSummary
          level={level()}
          links={props.form.links()}
          messages={props.form.messages()}
          ref={(element) => {
            props.form.summaryRef(element);
          }}
        />
      </Show>
      {props.children}
      <Show when={props.form.sending()}>
        <Loading>Enregistrement en cours…</Loading>
      </Show>
      <div class="directory__actions">
        <Button type="submit" disabled={props.form.sending()}>
          {props.submit}
        </Button>
        <Show when={props.onCancel}>
          {(cancel) => (
            <Button variant="secondary" onClick={() => cancel()()}>
              Annuler
            </Button>
          )}
        </Show>
      </div>
    </form>
  );
}

/** What the last change of a section did, said once: a new object each time, so the same words are said again. */
// Every success said and every form sent, in order: a success said before the page's last
// sending is stale (a new attempt failed, or is under way) and is no longer shown beside it.
let said = 0;
const [lastSent, setLastSent] = createSignal(0);

export function createSuccess() {
  const [saidLast, setSaid] = createSignal<{ text: string; order: number }>();
  return { said: saidLast, say: (text: string) => setSaid({ text, order: ++said }) };
}

/**
 * The success of a change, in a status message that takes the focus (the form that was sent
 * may be gone, its row closed): a screen reader reads it, and the keyboard goes on from there.
 * It goes once another form is sent.
 */
export function SuccessNotice(props: { said: { text: string; order: number } | undefined }) {
  const current = () => (props.said && props.said.order > lastSent() ? props.said : undefined);
  return (
    <Show when={current()} keyed>
      {(shown) => <Said text={shown.text} />}
    </Show>
  );
}

function Said(props: { text: string }) {
  let element!: HTMLDivElement;
  onMount(() => element.focus());
  return (
    <div class="notice" role="status" tabindex="-1" ref={element}>
      <p class="notice__title">{props.text}</p>
    </div>
  );
}

/** A text as the API wants an optional one: trimmed, and left out when empty. */
export const optional = (text: string): string | undefined => text.trim() || undefined;

/** A whole number typed in a field; NaN when it is not one (the form says so before sending). */
export const whole = (text: string): number => (/^\d+$/.test(text.trim()) ? Number(text.trim()) : Number.NaN);

/** The identifier a name suggests: « CIO de Lille-Centre » → « cio-de-lille-centre » (the server's pattern). */
export function slugOf(name: string): string {
  return name
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 80);
}
