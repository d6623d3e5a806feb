import { Show } from "solid-js";
import { dateOf, formatDayWithYear, formatTime, timeOf } from "../../lib/dates.ts";
import type { WaitlistEntry } from "./waitlist-api.ts";
import { halfDaysWords, modesWords, untilWords } from "./wishes.ts";

/** « lundi 23 mars 2026 à 9 h 00 »: when the person joined, in the structure's zone. */
export const sinceWords = (entry: Pick<WaitlistEntry, "since">) =>
  `${formatDayWithYear(dateOf(entry.since))} à ${formatTime(timeOf(entry.since))}`;

/** « Aucune proposition pour l'instant », « 1 proposition reçue », « 2 propositions reçues ». */
export function offersWords(count: number): string {
  if (count === 0) return "Aucune pour l'instant";
  return count === 1 ? "1 proposition reçue" : `${count} propositions reçues`;
}

/** A place on the list: what is awaited (`withService`), since when, and the wishes. */
export function EntrySummary(props: { entry: WaitlistEntry; hasMeeting: boolean; withService?: boolean }) {
  return (
    <dl class="summary__list waitlist__wishes">
      <Show when={props.withService}>
        <div class="summary__item">
          <dt>Service</dt>
          <dd>{props.entry.service.name}</dd>
        </div>
        <div class="summary__item">
          <dt>Structure</dt>
          <dd>{props.entry.structure.name}</dd>
        </div>
        <div class="summary__item">
          <dt>Inscrit depuis le</dt>
          <dd>{sinceWords(props.entry)}</dd>
        </div>
      </Show>
      <div class="summary__item">
        <dt>Demi-journées</dt>
        <dd>{halfDaysWords(props.entry.halfDays)}</dd>
      </div>
      <div class="summary__item">
        <dt>Modes de rendez-vous</dt>
        <dd>{modesWords(props.entry.modes)}</dd>
      </div>
      <div class="summary__item">
        <dt>Durée</dt>
        <dd>{untilWords(props.entry.until, props.hasMeeting)}</dd>
      </div>
      <div class="summary__item">
        <dt>Propositions</dt>
        <dd>{offersWords(props.entry.offersSent)}</dd>
      </div>
    </dl>
  );
}
