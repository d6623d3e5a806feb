import { createMemo, createSignal } from "solid-js";

export { capitalize } from "../../lib/french.ts";

/**
 * The errors of a staff form: per field (shown on the field and linked from the summary) and
 * general messages; `refuse` shows them and moves the focus to the summary (WCAG 3.3.1). The
 * summary may word a field's error differently (`summary`): away from the field, it names it.
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
  };
}
