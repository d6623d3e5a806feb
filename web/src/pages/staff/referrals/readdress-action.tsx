import { useAction, useNavigate } from "@solidjs/router";
import { createSignal } from "solid-js";
import { TextAreaField } from "../../../components/fields.tsx";
import type { Outcome } from "../../../lib/api.ts";
import { fullName } from "../agenda/agenda-words.ts";
import { ConfirmButton } from "../directory/confirm-button.tsx";
import { NearTargetFields } from "./near-targets.tsx";
import { type ReferralDetail, readdressReferral } from "./referrals-api.ts";
import { referralHref } from "./referrals-page.tsx";

const refused = (message: string): Outcome<never> => ({ kind: "failed", message, disconnected: false });

/**
 * After a refusal, the referrer sends the same person elsewhere: the service and the structure
 * (the nearest the person's commune first), the need as it was, to adjust; then the new referral
 * opens, where they book or invite as for any other.
 */
export function ReaddressAction(props: { referral: ReferralDetail }) {
  const readdress = useAction(readdressReferral);
  const navigate = useNavigate();
  const [serviceId, setServiceId] = createSignal(props.referral.service.id);
  const [target, setTarget] = createSignal("");
  const [need, setNeed] = createSignal(props.referral.need);
  let made: string | undefined;
  return (
    <section class="staff__section" aria-labelledby="referral-readdress-title">
      <h2 id="referral-readdress-title">Orienter ailleurs</h2>
      <p>
        {props.referral.to.name} a refusé l'orientation. Adressez {fullName(props.referral.person)} à une autre structure sans
        ressaisir ses coordonnées&nbsp;: l'accord donné vaut pour cette nouvelle orientation.
      </p>
      <ConfirmButton
        label="Adresser à une autre structure"
        title="Adresser la personne à une autre structure ?"
        confirm="Envoyer la nouvelle orientation"
        fields={
          <>
            <NearTargetFields
              referralId={props.referral.id}
              idPrefix="readresse"
              serviceId={serviceId()}
              onService={setServiceId}
              target={target()}
              onTarget={setTarget}
            />
            <TextAreaField
              id="readresse-besoin"
              label="Son besoin"
              hint="Tel que la structure le lira ; aucune information de santé."
              maxlength={2000}
              rows={4}
              value={need()}
              onInput={(event) => setNeed(event.currentTarget.value)}
            />
          </>
        }
        onConfirm={async () => {
          if (!target()) return refused("Choisissez la structure à laquelle adresser la personne.");
          if (!need().trim()) return refused("Décrivez le besoin de la personne.");
          const outcome = await readdress(props.referral.id, {
            toStructureId: target(),
            serviceId: serviceId(),
            need: need().trim(),
          });
          if (outcome.kind === "done") made = outcome.value.id;
          return outcome;
        }}
        onDone={() => {
          if (made) navigate(referralHref(made));
        }}
      >
        Une nouvelle orientation part de {props.referral.from.name} vers la structure choisie, pour la même personne. Elle reste
        liée à celle-ci.
      </ConfirmButton>
    </section>
  );
}
