// What the person types in step 3, kept in memory between the steps (and when they leave to
// read the notice on personal data), never in the address, never in storage: the details of a
// person are not written anywhere the browser keeps. A reload starts step 3 again.

import { createSignal } from "solid-js";
import { type BookingInput, type Commune, newIdempotencyKey } from "../../lib/api.ts";
import { type Details, emptyDetails, type FieldErrors } from "./details.ts";

const [draft, setDraft] = createSignal<Details>(emptyDetails());
/** Whether the person changed the commune themselves: then step 1's no longer replaces it. */
let communeChosen = false;

/** The details typed so far. */
export { draft };

export function updateDraft(change: Partial<Details>): void {
  if ("commune" in change) communeChosen = true;
  setDraft((current) => ({ ...current, ...change }));
}

/** Starts (or resumes) the form: the commune of step 1 is the person's unless they changed it. */
export function resumeDraft(commune: Commune): void {
  if (!communeChosen && draft().commune?.code !== commune.code) setDraft((current) => ({ ...current, commune }));
}

/** Forgets everything: once booked, the details live in the confirmation only. */
export function clearDraft(): void {
  setDraft(emptyDetails());
  communeChosen = false;
  attempt = undefined;
  setRefusal(undefined);
}

/** The server's refusal of the details (422), for the form to show on its fields when it is back. */
export interface Refusal {
  fields: FieldErrors;
  /** Messages about no field of the form. */
  other: string[];
}
const [refusal, setRefusal] = createSignal<Refusal>();

export { refusal, setRefusal };

/** How many errors the form shows: the page's title starts with « Erreur » while there are any. */
const [errorCount, setErrorCount] = createSignal(0);

export { errorCount, setErrorCount };

// One Idempotency-Key per attempt: the same request sent again (a retry after a lost answer, a
// second click) carries the same key, so the server books once and answers the same. A new
// request (other details, another slot) is a new attempt; so is any request after a definite
// answer (`endAttempt`), such as a slot taken meanwhile.
let attempt: { body: string; key: string } | undefined;

/** The Idempotency-Key for sending `input`: the current attempt's when it is the same request. */
export function attemptKey(input: BookingInput): string {
  const body = JSON.stringify(input);
  if (attempt?.body !== body) attempt = { body, key: newIdempotencyKey() };
  return attempt.key;
}

export function endAttempt(): void {
  attempt = undefined;
}
