import { createMemo, createSignal } from "solid-js";

export { capitalize } from "../../lib/french.ts";

/**
 * The errors of a staff form: per field (shown on the field and linked from the summary) and
 * general messages; `refuse` shows them and moves the focus to the summary (WCAG 3.3.1). The
 * summary may word a field's error differently (`summary`): away from the field, it names it.
 * A field's error goes as soon as it is changed (`fixing`, the form's input and change events):
 * what is left in the summary is what is left to fix.
 */
export function createFormErrors<Field extends string>(ids: Record<Field, string>) {
  const [errors, setErrors] = createSignal<Partial<Record<Field, string>>>({});
  const [summaries, setSummaries] = createSignal<Partial<Record<Field, string>>>({});
  const [messages, setMessages] = createSignal<string[]>([]);
  let summary: HTMLElement | undefined;
  const links = createMemo(() =>
    (Object.keys(ids) as Field[]).flatMap((field) => {
      const message = summaries()[field] ?? errors()[field];
      return message ? [{ target: ids[field], message }] : [];
    }),
  );
  return {
    errors,
    messages,
    links,
    summaryRef: (element: HTMLElement) => {
      summary = element;
    },
    refuse(fields: Partial<Record<Field, string>>, other: string[] = [], worded: Partial<Record<Field, string>> = {}) {
      setErrors(() => fields);
      setSummaries(() => worded);
      setMessages(other);
      summary?.focus();
    },
    clear() {
      setErrors(() => ({}));
      setSummaries(() => ({}));
      setMessages([]);
    },
    /** For a form's `onInput` and `onChange`: the error of the field changed goes. */
    fixing(event: Event) {
      const field = fieldAt(ids, event.target);
      if (!field || !(errors()[field] || summaries()[field])) return;
      setErrors(({ [field]: _, ...rest }) => rest as Partial<Record<Field, string>>);
      setSummaries(({ [field]: _, ...rest }) => rest as Partial<Record<Field, string>>);
    },
  };
}

/**
 * The field a control belongs to: the nearest element, from it up, whose id is a field's — or
 * starts with it, as a group's other choices do (`accueil-personne-…`, ChoicesField).
 */
function fieldAt<Field extends string>(ids: Record<Field, string>, target: EventTarget | null): Field | undefined {
  const fields = Object.entries(ids) as [Field, string][];
  for (let element = target instanceof Element ? target : null; element; element = element.parentElement) {
    if (!element.id) continue;
    const id = element.id;
    const found = fields.find(([, fieldId]) => id === fieldId) ?? fields.find(([, fieldId]) => id.startsWith(`${fieldId}-`));
    if (found) return found[0];
  }
  return undefined;
}

/**
 * The field of a form an API path is about: the path itself ("reminderPlan"), else its last name
 * ("person.email" → "email", "reminderPlan.1" → "reminderPlan"), else its first ("person.id" → "person").
 */
export function fieldOfPath<Field extends string>(ids: Record<Field, string>, path: string): Field | undefined {
  const parts = path.split(".");
  const last = parts.filter((part) => !/^\d+$/.test(part)).at(-1);
  return [path, last, parts[0]].find((candidate): candidate is Field => candidate !== undefined && candidate in ids);
}
