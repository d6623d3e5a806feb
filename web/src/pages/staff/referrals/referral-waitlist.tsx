import { A, useAction } from "@solidjs/router";
import { createSignal, Show } from "solid-js";
import { Button } from "../../../components/button.tsx";
import { Refusal } from "../../../components/notice.tsx";
import { fullName } from "../agenda/agenda-words.ts";
import { addReferralToWaitlist } from "../agenda/waitlist-api.ts";
import type { ReferralDetail } from "./referrals-api.ts";

/**
 * « Mettre en liste d'attente », for the receiving structure that has no slot to offer: the
 * person is told by message, and offered the first freed slot of the service asked.
 */
export function ReferralWaitlist(props: { referral: ReferralDetail; onDone: (text: string) => void }) {
  const add = useAction(addReferralToWaitlist);
  const [sending, setSending] = createSignal(false);
  const [failure, setFailure] = createSignal<string>();
  const [added, setAdded] = createSignal(false);
  async function wait() {
    if (sending()) return;
    setSending(true);
    setFailure(undefined);
    const outcome = await add(props.referral.id);
    setSending(false);
    if (outcome.kind !== "done") {
      setFailure(outcome.message);
      return;
    }
    setAdded(true);
    props.onDone(`${fullName(outcome.value.entry.person)} est en liste d'attente pour « ${outcome.value.entry.service.name} ».`);
  }
  return (
    <section class="staff__section" aria-labelledby="referral-waitlist-title">
      <h2 id="referral-waitlist-title">Aucun créneau à proposer&nbsp;?</h2>
      <p>
        Mettez la personne en liste d'attente de ce service&nbsp;: elle en est prévenue, et le premier créneau qui se libère lui
        est proposé.
      </p>
      <Refusal message={failure()} />
      <Show when={!added()} fallback={<A href="/espace/liste-d-attente">Voir la liste d'attente</A>}>
        <Button variant="secondary" onClick={wait} disabled={sending()}>
          Mettre en liste d'attente
        </Button>
      </Show>
    </section>
  );
}
