import { useAction } from "@solidjs/router";
import { createSignal, Show } from "solid-js";
import { Button } from "../../components/button.tsx";
import { CheckboxField } from "../../components/fields.tsx";
import { Loading } from "../../components/notice.tsx";
import { PageTitle } from "../../components/page-title.tsx";
import type { Slot } from "../../lib/api.ts";
import { dateOf, formatDay, formatTime, timeOf } from "../../lib/dates.ts";
import { MeetingDetails, meetingMoment } from "../booking/meeting-details.tsx";
import { OtherSlots, offerMeeting } from "./offer-slots.tsx";
import { type Accepted, acceptOffer, declineOffer, type Offer } from "./waitlist-api.ts";

/** What answering an open offer led to, for the page to show. */
export type Answered =
  | { kind: "accepted"; answer: Accepted }
  | { kind: "declined"; left: boolean }
  | { kind: "gone"; message: string; alternatives: Slot[] };

/**
 * An open offer: the held slot and till when, the meeting it would replace, « Prendre ce
 * créneau » and « Ce créneau ne me convient pas », and the other earlier free slots. A slot lost
 * meanwhile (409) is said here, with the free ones the server gives back.
 */
export function OpenOffer(props: { token: string; offer: Offer; onAnswered: (answered: Answered) => void }) {
  const accept = useAction(acceptOffer);
  const decline = useAction(declineOffer);
  const [leave, setLeave] = createSignal(false);
  const [sending, setSending] = createSignal<string>();
  const [taken, setTaken] = createSignal<{ message: string; alternatives: Slot[] }>();
  const [failure, setFailure] = createSignal<string>();
  let said: HTMLDivElement | undefined;

  async function take(slot?: Slot) {
    if (sending()) return;
    setSending("Réservation en cours…");
    setFailure(undefined);
    const outcome = await accept(props.token, slot?.key);
    setSending(undefined);
    if (outcome.kind === "done") props.onAnswered({ kind: "accepted", answer: outcome.value });
    else if (outcome.kind === "taken" && outcome.code === "SLOT_TAKEN") {
      setTaken({ message: outcome.message, alternatives: outcome.alternatives });
      requestAnimationFrame(() => said?.focus());
    } else if (outcome.kind === "taken")
      props.onAnswered({ kind: "gone", message: outcome.message, alternatives: outcome.alternatives });
    else setFailure(outcome.message);
  }

  async function refuse() {
    if (sending()) return;
    setSending("Envoi en cours…");
    setFailure(undefined);
    const outcome = await decline(props.token, leave());
    setSending(undefined);
    if (outcome.kind === "done") props.onAnswered({ kind: "declined", left: leave() });
    else if (outcome.kind === "taken")
      props.onAnswered({ kind: "gone", message: outcome.message, alternatives: outcome.alternatives });
    else setFailure(outcome.message);
  }

  return (
    <div class="manage">
      <PageTitle documentTitle="Un créneau s'est libéré">
        {props.offer.current ? "Un créneau plus tôt s'est libéré" : "Un créneau s'est libéré"}
      </PageTitle>
      <p class="lead">
        Pour «&nbsp;{props.offer.service.name}&nbsp;» avec {props.offer.structure.name}, ce créneau vous est proposé.
      </p>
      <div class="notice">
        <p class="notice__title">
          Réservé pour vous jusqu'à {formatTime(timeOf(props.offer.holdUntil))} ({formatDay(dateOf(props.offer.holdUntil))})
        </p>
        <p>Passé ce délai, il est proposé à la personne suivante sur la liste d'attente.</p>
      </div>
      <div tabindex="-1" ref={said} aria-live="polite">
        <Show when={taken()}>
          {(lost) => (
            <div class="notice notice--error">
              <p class="notice__title">Ce créneau n'est plus libre</p>
              <p>{lost().message}</p>
            </div>
          )}
        </Show>
        <Show when={failure()}>{(message) => <p class="field__error">{message()}</p>}</Show>
        <Show when={sending()}>{(words) => <Loading>{words()}</Loading>}</Show>
      </div>
      <section class="manage__section" aria-labelledby="offered-title">
        <h2 id="offered-title">Le créneau proposé</h2>
        <MeetingDetails meeting={offerMeeting(props.offer)} />
        <Show
          when={props.offer.current}
          fallback={<p>Vous n'avez pas encore de rendez-vous&nbsp;: en le prenant, il est réservé pour vous.</p>}
        >
          {(current) => (
            <p>
              Il remplacerait votre rendez-vous du {meetingMoment({ start: current() })}, qui serait libéré pour quelqu'un
              d'autre.
            </p>
          )}
        </Show>
        <p>
          <Button size="large" onClick={() => void take()}>
            Prendre ce créneau
          </Button>
        </p>
        <form
          onSubmit={(event) => {
            event.preventDefault();
            void refuse();
          }}
          novalidate
          aria-label="Refuser ce créneau"
        >
          <CheckboxField
            id="quitter"
            label="et ne plus être prévenu (quitter la liste d'attente)"
            checked={leave()}
            onChange={(event) => setLeave(event.currentTarget.checked)}
          />
          <Button type="submit" variant="secondary">
            Ce créneau ne me convient pas
          </Button>
        </form>
      </section>
      <OtherSlots
        offer={props.offer}
        slots={taken()?.alternatives ?? props.offer.alternatives}
        onTake={(slot) => void take(slot)}
      />
    </div>
  );
}
