import { createMemo, createSignal } from "solid-js";

/**
 * The errors of a staff form: per field (shown on the field and linked from the summary) and
 * general messages; `refuse` shows them and moves the focus to the summary (WCAG 3.3.1).
 */
export function createFormErrors<Field extends string>(ids: Record<Field, string>) {
  const [errors, setErrors] = createSignal<Partial<Record<Field, string>>>({});
  const [messages, setMessages] = createSignal<string[]>([]);
  let summary: HTMLElement | undefined;
  const links = createMemo(() =>
    (Object.keys(ids) as Field[]).flatMap((field) => {
      const message = errors()[field];
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
    refuse(fields: Partial<Record<Field, string>>, other: string[] = []) {
      setErrors(() => fields);
      setMessages(other);
      summary?.focus();
    },
    clear() {
      setErrors(() => ({}));
      setMessages([]);
    },
  };
}

/** The server's field messages start in lower case ("le mot de passe est obligatoire."). */
export function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
