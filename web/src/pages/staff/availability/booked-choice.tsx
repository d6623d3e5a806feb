import { Dialog } from "@kobalte/core/dialog";
import { type Accessor, createContext, createSignal, For, type JSX, Show, useContext } from "solid-js";
import { Button } from "../../../components/button.tsx";
import type { Outcome } from "../../../lib/api.ts";
import { formatDayWithYear, formatTime, timeOf } from "../../../lib/dates.ts";
import { fullName } from "../agenda/agenda-words.ts";
import type { AffectedAppointment, CancelledMeeting, Changed, ChangeOutcome, Conflict, OnBooked } from "./availability-api.ts";
import "../../../components/dialog.css";
import "./availability.css";

/** Sends a change again with the decision taken; the first time without one. */
export type Resend = (onBooked?: OnBooked) => Promise<ChangeOutcome>;

/**
 * Makes a change that may leave booked meetings outside the availability: sent without a
 * decision first, and on the server's 409 the dialog asks what to do with them. Resolves to
 * the change's outcome, or to a failure saying nothing was changed when that was the choice.
 */
type Settle = (resend: Resend) => Promise<Outcome<Changed>>;

const SettleContext = createContext<Settle>();
const CancelledContext = createContext<Accessor<readonly CancelledMeeting[]>>();

/** The `settle` of the nearest <BookedChoice>. */
export function useBookedChoice(): Settle {
  const settle = useContext(SettleContext);
  if (!settle) throw new Error("useBookedChoice outside <BookedChoice>");
  return settle;
}

/**
 * The meetings the last change made under the nearest <BookedChoice> cancelled, with how their
 * people were told: kept until another change is made (a refused one leaves the list to call).
 */
export function useCancelledMeetings(): Accessor<readonly CancelledMeeting[]> {
  const cancelled = useContext(CancelledContext);
  if (!cancelled) throw new Error("useCancelledMeetings outside <BookedChoice>");
  return cancelled;
}

interface Question {
  message: string;
  affected: AffectedAppointment[];
  conflicts: Conflict[];
  answer: (onBooked: OnBooked | undefined) => void;
}

export const NOTHING_CHANGED = "Rien n'a été changé : les rendez-vous restent tels quels.";

/**
 * Around a page's forms that change availability (ranges, absences, closures): one modal dialog
 * (Kobalte: focus kept inside, Escape closes it) that lists the booked meetings a change would
 * leave outside and offers to keep them, to cancel them and tell the people, or to change
 * nothing. Nothing is ever applied without that answer. What the last change cancelled is
 * kept for <ToldPeople> (told-people.tsx): who was told how, and whom to call.
 */
export function BookedChoice(props: { children: JSX.Element }) {
  const [question, setQuestion] = createSignal<Question>();
  const [cancelled, setCancelled] = createSignal<readonly CancelledMeeting[]>([]);
  // Where the focus goes back when the dialog closes, unless the change moved it meanwhile
  // (an error summary, a success message).
  let returnTo: HTMLElement | undefined;

  const settle: Settle = async (resend) => {
    const outcome = await decide(resend);
    if (outcome.kind === "done") setCancelled(outcome.value.cancelledMeetings);
    return outcome;
  };

  async function decide(resend: Resend): Promise<Outcome<Changed>> {
    const first = await resend();
    if (first.kind !== "booked") return first;
    returnTo = document.activeElement instanceof HTMLElement ? document.activeElement : undefined;
    const onBooked = await new Promise<OnBooked | undefined>((answer) =>
      setQuestion({ message: first.message, affected: first.affected, conflicts: first.conflicts, answer }),
    );
    if (!onBooked) return { kind: "failed", message: NOTHING_CHANGED, disconnected: false };
    const decided = await resend(onBooked);
    // The server was told what to do: it does not ask twice.
    return decided.kind === "booked" ? { kind: "failed", message: decided.message, disconnected: false } : decided;
  }

  function answer(onBooked: OnBooked | undefined) {
    const asked = question();
    setQuestion(undefined);
    asked?.answer(onBooked);
  }

  return (
    <SettleContext.Provider value={settle}>
      <CancelledContext.Provider value={cancelled}>{props.children}</CancelledContext.Provider>
      <Dialog open={question() !== undefined} onOpenChange={(open) => open || answer(undefined)}>
        <Dialog.Portal>
          <Dialog.Overlay class="dialog__overlay" />
          <div class="dialog__positioner">
            <Dialog.Content
              class="dialog"
              onCloseAutoFocus={(event) => {
                event.preventDefault();
                requestAnimationFrame(() => {
                  if (document.activeElement === document.body && returnTo?.isConnected) returnTo.focus();
                });
              }}
            >
              <Dialog.Title class="dialog__title">
                {question()?.affected.length === 1 ? "Un rendez-vous est déjà pris" : "Des rendez-vous sont déjà pris"}
              </Dialog.Title>
              <Dialog.Description as="div" class="dialog__description">
                <p>{question()?.message}</p>
                <ul class="booked-choice__list">
                  <For each={question()?.affected}>
                    {(meeting) => (
                      <li>
                        <strong>
                          {formatDayWithYear(meeting.start.slice(0, 10))} à {formatTime(timeOf(meeting.start))}
                        </strong>{" "}
                        — {fullName(meeting.person)} — {meeting.service}
                      </li>
                    )}
                  </For>
                </ul>
                <Show when={question()?.conflicts.length}>
                  <p>
                    D'autres rendez-vous sont prévus pendant ce temps dans une autre de ses structures&nbsp;: ils restent prévus
                    quoi que vous choisissiez, à voir avec cette structure.
                  </p>
                  <ul class="booked-choice__list">
                    <For each={question()?.conflicts}>
                      {(busy) => (
                        <li>
                          <strong>
                            {formatDayWithYear(busy.start.slice(0, 10))} de {formatTime(timeOf(busy.start))} à{" "}
                            {formatTime(timeOf(busy.end))}
                          </strong>{" "}
                          — autre structure
                        </li>
                      )}
                    </For>
                  </ul>
                </Show>
              </Dialog.Description>
              <div class="dialog__actions">
                <Button onClick={() => answer("keep")}>
                  {question()?.affected.length === 1 ? "Garder le rendez-vous" : "Garder les rendez-vous"}
                </Button>
                <Button onClick={() => answer("cancel")}>
                  {question()?.affected.length === 1
                    ? "Annuler le rendez-vous et prévenir la personne"
                    : "Annuler les rendez-vous et prévenir les personnes"}
                </Button>
                {/* Not Kobalte's CloseButton: it names itself « Dismiss », whatever its text says. */}
                <Button variant="secondary" onClick={() => answer(undefined)}>
                  Ne rien changer
                </Button>
              </div>
            </Dialog.Content>
          </div>
        </Dialog.Portal>
      </Dialog>
    </SettleContext.Provider>
  );
}
