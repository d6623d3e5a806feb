import { Navigate, useAction, useNavigate } from "@solidjs/router";
import { createMemo, createSignal, type JSX, Show } from "solid-js";
import { accessibilityWords } from "../../../../server/domain/accessibility.ts";
import { Button } from "../../components/button.tsx";
import { ErrorNotice, Loading, Notice } from "../../components/notice.tsx";
import { bookAppointment, type Slot } from "../../lib/api.ts";
import { de } from "../../lib/french.ts";
import { frenchPhone } from "../../lib/phone.ts";
import { attemptKey, draft, endAttempt, setRefusal } from "./booking-draft.ts";
import { type ChosenSlot, type SlotParams, slotsHref, stepHref, WithChosenSlot } from "./chosen-slot.tsx";
import { CONFIRMATION_PATH, type ConfirmationState } from "./confirmation-page.tsx";
import { bookingInput, checkDetails, serverErrors, smsTo } from "./details.ts";
import { MeetingDetails } from "./meeting-details.tsx";
import { SlotTaken } from "./slot-taken.tsx";

/** Step 4: everything at a glance, then the booking itself, on an explicit confirmation. */
export function ReviewStep(props: SlotParams) {
  // The details live in memory only: after a reload, or without them, back to step 3.
  const ready = createMemo(() => Object.keys(checkDetails(draft())).length === 0);
  return (
    <Show when={ready()} fallback={<Navigate href={stepHref(props, "3")} />}>
      <WithChosenSlot {...props} keepLast loading="Chargement de votre rendez-vous…">
        {(slot) => <Review params={props} slot={slot()} />}
      </WithChosenSlot>
    </Show>
  );
}

interface Taken {
  message: string;
  alternatives: Slot[];
}

interface Failure {
  message: string;
  /** The slot the failed request was for: a retry sends the same request, with the same key. */
  slot: { key: string };
}

function Review(props: { params: SlotParams; slot: ChosenSlot }) {
  const navigate = useNavigate();
  const book = useAction(bookAppointment);
  const [sending, setSending] = createSignal(false);
  const [taken, setTaken] = createSignal<Taken>();
  const [failure, setFailure] = createSignal<Failure>();
  let takenNotice: HTMLElement | undefined;

  async function confirm(slot: { key: string }) {
    // A second click while the first is on its way sends nothing more.
    if (sending()) return;
    const input = bookingInput(draft(), slot.key);
    const idempotencyKey = attemptKey(input);
    setSending(true);
    setFailure(undefined);
    const outcome = await book(input, idempotencyKey);
    setSending(false);
    switch (outcome.kind) {
      case "done": {
        endAttempt();
        const state: ConfirmationState = {
          booking: outcome.value,
          person: {
            firstName: input.person.firstName,
            lastName: input.person.lastName,
            email: input.person.email,
            phone: input.person.phone,
            sms: smsTo(draft()),
          },
        };
        // Replaces step 4: Back from the confirmation does not offer to book it again.
        navigate(CONFIRMATION_PATH, { replace: true, state });
        return;
      }
      case "taken":
        endAttempt();
        setTaken({ message: outcome.message, alternatives: outcome.alternatives });
        takenNotice?.focus();
        return;
      case "invalid": {
        endAttempt();
        const refusal = serverErrors(outcome.fields);
        if (Object.keys(refusal.fields).length > 0) {
          // Back to the form, the server's messages on their fields.
          setRefusal(refusal);
          navigate(stepHref(props.params, "3"));
          return;
        }
        setFailure({ message: refusal.other.join(" ") || outcome.message, slot });
        return;
      }
      case "failed":
        // The same request may be sent again: the attempt (and its key) is kept.
        setFailure({ message: outcome.message, slot });
        return;
    }
  }

  const status = (): JSX.Element => (
    <>
      <Show when={sending()}>
        <Loading>Confirmation de votre rendez-vous…</Loading>
      </Show>
      <Show when={failure()}>
        {(failed) => (
          <ErrorNotice
            title="Votre rendez-vous n'a pas pu être confirmé."
            message={failed().message}
            onRetry={() => confirm(failed().slot)}
          />
        )}
      </Show>
    </>
  );

  return (
    <div class="review">
      <Show
        when={taken()}
        keyed
        fallback={
          <section class="review__section" aria-labelledby="review-slot-title">
            <h3 id="review-slot-title">Votre rendez-vous</h3>
            <MeetingDetails meeting={props.slot.meeting} />
            <p>
              <a href={slotsHref(props.params, props.params.slot)}>Changer de créneau</a>
            </p>
          </section>
        }
      >
        {(current) => (
          <SlotTaken
            message={current.message}
            alternatives={current.alternatives}
            structure={props.slot.structure}
            kept="Vos coordonnées sont conservées."
            slotsHref={slotsHref(props.params)}
            confirmLabel="Confirmer le rendez-vous"
            status={status()}
            onConfirm={(slot) => confirm(slot)}
            ref={(element) => {
              takenNotice = element;
            }}
          />
        )}
      </Show>

      <PersonReview href={stepHref(props.params, "3")} />

      <Show when={!taken()}>
        <div class="review__confirm">
          <p>
            En confirmant, vous réservez ce créneau auprès {de(props.slot.structure.name)}. Vous pourrez le déplacer ou l'annuler
            avec le lien personnel que vous recevrez.
          </p>
          {status()}
          <Button size="large" onClick={() => confirm(props.slot.choice)}>
            Confirmer le rendez-vous
          </Button>
        </div>
      </Show>
    </div>
  );
}

/** The person's details as they will be sent, with the way back to change them. */
function PersonReview(props: { href: string }) {
  const details = draft;
  const missing = (value: string, none: string) => value.trim() || none;
  return (
    <section class="review__section" aria-labelledby="review-person-title">
      <h3 id="review-person-title">Vos coordonnées</h3>
      <dl class="summary__list">
        <div class="summary__item">
          <dt>Prénom et nom</dt>
          <dd>
            {details().firstName.trim()} {details().lastName.trim()}
          </dd>
        </div>
        <div class="summary__item">
          <dt>Adresse électronique</dt>
          <dd>{missing(details().email, "Non renseignée")}</dd>
        </div>
        <div class="summary__item">
          <dt>Téléphone</dt>
          <dd>{missing(details().phone && frenchPhone(details().phone), "Non renseigné")}</dd>
        </div>
        <div class="summary__item">
          <dt>Commune</dt>
          <dd>{details().commune?.name ?? "Non renseignée"}</dd>
        </div>
        <div class="summary__item">
          <dt>Besoins d'aménagement</dt>
          <dd class="summary__text">
            {missing(accessibilityWords(details().accessibilityAids, details().accessibilityNeeds), "Aucun")}
          </dd>
        </div>
      </dl>
      <Show when={smsTo(details())}>
        {(sms) => (
          <p>
            Rappels par SMS au {sms().number}
            {sms().maybe ? ", si c'est un mobile" : ""}.
          </p>
        )}
      </Show>
      <Show when={details().email.trim() === "" && !smsTo(details())}>
        <Notice>
          <p>
            Sans adresse électronique, vous ne recevrez ni confirmation ni rappel. Notez la date et l'heure, et gardez le lien
            personnel affiché après la confirmation&nbsp;: il permet de déplacer ou d'annuler le rendez-vous.
          </p>
        </Notice>
      </Show>
      <p>
        <a href={props.href}>Modifier vos coordonnées</a>
      </p>
    </section>
  );
}
