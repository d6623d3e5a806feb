import { useAction } from "@solidjs/router";
import { createSignal, Show } from "solid-js";
import { Button } from "../../../components/button.tsx";
import { TextAreaField } from "../../../components/fields.tsx";
import type { Outcome } from "../../../lib/api.ts";
import { de } from "../../../lib/french.ts";
import { fullName } from "../agenda/agenda-words.ts";
import { ConfirmButton } from "../directory/confirm-button.tsx";
import { NearTargetFields } from "./near-targets.tsx";
import { acceptReferral, declineReferral, type ReferralDetail, redirectReferral } from "./referrals-api.ts";

const refused = (message: string): Outcome<never> => ({ kind: "failed", message, disconnected: false });

/** The target's answer: accept, decline with a reason, or redirect elsewhere; only what the API says is possible now. */
export function AnswerActions(props: { referral: ReferralDetail; onDone: (text: string) => void }) {
  const can = () => props.referral.can;
  return (
    <Show when={can().accept || can().decline || can().redirect}>
      <section class="staff__section" aria-labelledby="referral-answer-title">
        <h2 id="referral-answer-title">Répondre</h2>
        <p>
          {props.referral.from.name} oriente {fullName(props.referral.person)} vers {props.referral.to.name}. L'orienteur est
          prévenu d'un refus ou d'une réorientation, avec son motif.
        </p>
        <div class="referral-actions">
          <Show when={can().accept}>
            <AcceptButton id={props.referral.id} onDone={props.onDone} />
          </Show>
          <Show when={can().decline}>
            <DeclineButton referral={props.referral} onDone={props.onDone} />
          </Show>
          <Show when={can().redirect}>
            <RedirectButton referral={props.referral} onDone={props.onDone} />
          </Show>
        </div>
      </section>
    </Show>
  );
}

function AcceptButton(props: { id: string; onDone: (text: string) => void }) {
  const accept = useAction(acceptReferral);
  const [sending, setSending] = createSignal(false);
  const [failure, setFailure] = createSignal<string>();
  async function run() {
    if (sending()) return;
    setSending(true);
    setFailure(undefined);
    const outcome = await accept(props.id);
    setSending(false);
    if (outcome.kind === "done") props.onDone("L'orientation est acceptée.");
    else setFailure(outcome.message);
  }
  return (
    <>
      <Button onClick={run} disabled={sending()}>
        Accepter l'orientation
      </Button>
      <Show when={failure()}>
        {(message) => (
          <p class="field__error" role="alert">
            {message()}
          </p>
        )}
      </Show>
    </>
  );
}

function DeclineButton(props: { referral: ReferralDetail; onDone: (text: string) => void }) {
  const decline = useAction(declineReferral);
  const [reason, setReason] = createSignal("");
  return (
    <ConfirmButton
      label="Refuser"
      title="Refuser cette orientation ?"
      confirm="Confirmer le refus"
      fields={
        <TextAreaField
          id="refus-motif"
          label="Motif du refus"
          hint="Dit à l'orienteur, qui pourra orienter la personne ailleurs."
          maxlength={500}
          rows={3}
          value={reason()}
          onInput={(event) => setReason(event.currentTarget.value)}
        />
      }
      onConfirm={async () =>
        reason().trim() ? decline(props.referral.id, reason().trim()) : refused("Saisissez le motif du refus.")
      }
      onDone={() => props.onDone("L'orientation est refusée ; l'orienteur est prévenu.")}
    >
      {props.referral.from.name} sera prévenu par courriel du refus et de son motif. Une orientation refusée ne peut plus être
      rouverte.
    </ConfirmButton>
  );
}

function RedirectButton(props: { referral: ReferralDetail; onDone: (text: string) => void }) {
  const redirect = useAction(redirectReferral);
  const [serviceId, setServiceId] = createSignal(props.referral.service.id);
  const [target, setTarget] = createSignal("");
  const [reason, setReason] = createSignal("");
  return (
    <ConfirmButton
      label="Réorienter"
      title="Réorienter vers une autre structure ?"
      confirm="Confirmer la réorientation"
      fields={
        <>
          <NearTargetFields
            referralId={props.referral.id}
            idPrefix="reorientation"
            serviceId={serviceId()}
            onService={setServiceId}
            target={target()}
            onTarget={setTarget}
          />
          <TextAreaField
            id="reorientation-motif"
            label="Motif"
            hint="Dit à l'orienteur."
            maxlength={500}
            rows={3}
            value={reason()}
            onInput={(event) => setReason(event.currentTarget.value)}
          />
        </>
      }
      onConfirm={async () => {
        if (!target()) return refused("Choisissez la structure vers laquelle réorienter.");
        if (!reason().trim()) return refused("Saisissez le motif de la réorientation.");
        return redirect(props.referral.id, { toStructureId: target(), serviceId: serviceId(), reason: reason().trim() });
      }}
      onDone={() => props.onDone("L'orientation est réorientée ; une nouvelle orientation est envoyée à la structure choisie.")}
    >
      Une nouvelle orientation part {de(props.referral.to.name)} vers la structure choisie, avec l'accord déjà donné par la
      personne. {props.referral.from.name} est prévenu.
    </ConfirmButton>
  );
}
