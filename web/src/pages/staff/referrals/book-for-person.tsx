import { useAction } from "@solidjs/router";
import { createSignal, Suspense } from "solid-js";
import { Loading } from "../../../components/notice.tsx";
import { type Booking, newIdempotencyKey, type Outcome } from "../../../lib/api.ts";
import { de } from "../../../lib/french.ts";
import { SlotChoices } from "../agenda/slot-booking.tsx";
import { AdminForm, createAdminForm } from "../directory/admin-form.tsx";
import { bookReferral, getReferralSlots, type ReferralDetail } from "./referrals-api.ts";

export type ReferralBooked = Booking;

const IDS = { slotKey: "orientation-creneau" };

/** « Prendre le rendez-vous »: the target's first free slots for the service, one to book for the person. */
export function BookForPerson(props: { referral: ReferralDetail; onBooked: (booking: ReferralBooked) => void }) {
  const book = useAction(bookReferral);
  const form = createAdminForm(IDS, { slotKey: "Créneau" });
  const [slot, setSlot] = createSignal<string>();
  // The Idempotency-Key lives as long as the same slot is asked for: a retry after a lost answer
  // gets the first booking back instead of a second one.
  let attempt: { slot: string; key: string } | undefined;

  async function submit() {
    const chosen = slot();
    const done = await form.run(
      { slotKey: chosen ? undefined : "Choisissez un créneau." },
      async (): Promise<Outcome<Booking>> => {
        if (!chosen) return { kind: "failed", message: "Choisissez un créneau.", disconnected: false };
        if (attempt?.slot !== chosen) attempt = { slot: chosen, key: newIdempotencyKey() };
        const outcome = await book(props.referral.id, chosen, attempt.key);
        if (outcome.kind === "done") attempt = undefined;
        if (outcome.kind === "taken") setSlot(undefined);
        return outcome;
      },
    );
    if (done) props.onBooked(done);
  }

  return (
    <section class="staff__section" aria-labelledby="referral-book-title">
      <h2 id="referral-book-title">Prendre le rendez-vous</h2>
      <p>
        Avec la personne, choisissez un créneau {de(props.referral.to.name)} pour «&nbsp;{props.referral.service.name}&nbsp;».
        {props.referral.person.email ? " Elle reçoit la confirmation par courriel." : ""}
      </p>
      <AdminForm form={form} label="Prendre le rendez-vous pour la personne" submit="Réserver ce créneau" onSubmit={submit}>
        <Suspense fallback={<Loading>Recherche des créneaux libres…</Loading>}>
          <SlotChoices
            id={IDS.slotKey}
            legend="Créneau"
            load={(from) => getReferralSlots(props.referral.id, from)}
            empty="Aucun créneau libre dans les semaines à venir : envoyez plutôt une invitation, ou réorientez."
            selected={slot()}
            error={form.errors().slotKey}
            onSelect={(chosen) => setSlot(chosen?.key)}
          />
        </Suspense>
      </AdminForm>
    </section>
  );
}
