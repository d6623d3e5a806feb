import { useAction } from "@solidjs/router";
import { createMemo, createSignal, onMount, Show } from "solid-js";
import { Button } from "../../../components/button.tsx";
import { ChoicesField, SelectField } from "../../../components/fields.tsx";
import { formatParisInstant } from "../../../lib/dates.ts";
import { AdminForm, createAdminForm } from "../directory/admin-form.tsx";
import { sentWords } from "./referral-words.ts";
import { type Invitation, inviteToReferral, type ReferralDetail, reprintInvitation } from "./referrals-api.ts";

// Both ways are said by one group of choices: a refusal of either is shown there.
const IDS = { email: "invitation-envoi", sms: "invitation-envoi", days: "invitation-duree" };
type Way = "email" | "sms" | "both" | "print";

/**
 * « Envoyer une invitation »: the person books themself, with a link by e-mail, by SMS to their
 * mobile, both, or a printed code — each offered only when the person has what it needs. The
 * link and the code are shown once (the server keeps only their hashes); a new invitation
 * replaces the previous one.
 */
export function InvitePerson(props: {
  referral: ReferralDetail;
  onInvited: (invitation: Invitation, reprinted?: boolean) => void;
}) {
  const invite = useAction(inviteToReferral);
  const reprint = useAction(reprintInvitation);
  const reprintForm = createAdminForm({}, {});
  const form = createAdminForm(IDS, { email: "Envoi", sms: "Envoi par SMS", days: "Durée" });
  const person = () => props.referral.person;
  const ways = createMemo(() => {
    const email = person().email;
    const mobile = person().textable ? person().phone : null;
    return [
      ...(email ? [{ value: "email" as const, label: `Par courriel, à ${email}` }] : []),
      ...(mobile ? [{ value: "sms" as const, label: `Par SMS, au ${mobile}` }] : []),
      ...(email && mobile ? [{ value: "both" as const, label: "Les deux : par courriel et par SMS" }] : []),
      { value: "print" as const, label: "Sur papier : un code à imprimer et à lui remettre" },
    ];
  });
  const [way, setWay] = createSignal<Way>(ways()[0]?.value ?? "print");
  const [days, setDays] = createSignal("14");

  async function submit() {
    const chosen = way();
    const input = {
      email: chosen === "email" || chosen === "both",
      sms: chosen === "sms" || chosen === "both",
      days: Number(days()),
    };
    const sent = await form.run({}, () => invite(props.referral.id, input));
    if (sent) props.onInvited(sent);
  }

  return (
    <section class="staff__section" aria-labelledby="referral-invite-title">
      <h2 id="referral-invite-title">Envoyer une invitation</h2>
      <p>La personne choisit elle-même son créneau, en ligne, avec un lien ou un code.</p>
      <Show when={props.referral.invitation}>
        <p>
          <strong>Une invitation est déjà en cours.</strong> Une nouvelle la remplace&nbsp;: le lien et le code déjà donnés ne
          fonctionneront plus.
        </p>
        <AdminForm
          form={reprintForm}
          label="Réimprimer le feuillet de l'invitation en cours"
          submit="Réimprimer le feuillet"
          onSubmit={async () => {
            const sent = await reprintForm.run({}, () => reprint(props.referral.id));
            if (sent) props.onInvited(sent, true);
          }}
        >
          <p>
            Le feuillet porte un nouveau code&nbsp;: l'ancien ne fonctionnera plus. Le lien déjà envoyé par courriel reste
            valable, et un SMS pas encore parti portera le nouveau code.
          </p>
        </AdminForm>
      </Show>
      <AdminForm
        form={form}
        label="Inviter la personne à prendre rendez-vous"
        submit={way() === "print" ? "Créer le code à imprimer" : "Envoyer l'invitation"}
        onSubmit={submit}
      >
        <ChoicesField<Way>
          id={IDS.email}
          legend="Comment la personne reçoit l'invitation"
          hint={person().textable ? "Le SMS contient le lien et, si la place le permet, le code." : undefined}
          type="radio"
          error={form.errors().email ?? form.errors().sms}
          options={ways()}
          selected={[way()]}
          onChange={([chosen]) => setWay(chosen ?? "print")}
        />
        <SelectField
          id={IDS.days}
          label="Durée de validité"
          value={days()}
          onChange={(event) => setDays(event.currentTarget.value)}
          error={form.errors().days}
        >
          <option value="7">7 jours</option>
          <option value="14" selected>
            14 jours
          </option>
          <option value="30">30 jours</option>
        </SelectField>
      </AdminForm>
    </section>
  );
}

/** The invitation just made: said on screen once, and a slip for the person that prints alone. */
export function InvitationSlip(props: { referral: ReferralDetail; invitation: Invitation; reprinted?: boolean }) {
  let notice!: HTMLDivElement;
  // The form that was sent may be gone (the invitation changes what the page offers): the focus comes here.
  onMount(() => notice.focus());
  const address = () => props.invitation.url.split("#")[0] ?? props.invitation.url;
  const until = () => formatParisInstant(props.invitation.expiresAt);
  return (
    <>
      <div class="notice no-print" role="status" tabindex="-1" ref={notice}>
        <Show
          when={!props.reprinted}
          fallback={
            <>
              <p class="notice__title">Nouveau code créé : imprimez le feuillet et remettez-le à la personne.</p>
              <p>Le code n'est montré qu'une fois, et valable jusqu'au {until()}. L'ancien ne fonctionne plus.</p>
            </>
          }
        >
          <p class="notice__title">{sentWords(props.invitation)}</p>
          <p>
            Le lien et le code ne sont montrés qu'une fois, et valables jusqu'au {until()}. Le lien direct, pour le donner
            autrement&nbsp;: <span class="referral-link">{props.invitation.url}</span>
          </p>
        </Show>
        <Button variant="secondary" onClick={() => window.print()}>
          Imprimer le feuillet
        </Button>
      </div>
      <section class="referral-print" aria-labelledby="invitation-slip-title">
        <h2 id="invitation-slip-title">Votre invitation à prendre rendez-vous, {props.referral.person.firstName}</h2>
        <p>
          {props.referral.from.name} vous oriente vers <strong>{props.referral.to.name}</strong> pour «&nbsp;
          {props.referral.service.name}&nbsp;». Choisissez vous-même le jour et l'heure du rendez-vous&nbsp;:
        </p>
        <ol>
          <li>
            Allez à l'adresse <strong class="referral-link">{address()}</strong>
          </li>
          <li>
            Saisissez votre code d'invitation&nbsp;: <strong class="referral-code">{props.invitation.code}</strong>
          </li>
        </ol>
        <p>Ce code est valable jusqu'au {until()}. Gardez-le pour vous.</p>
      </section>
    </>
  );
}
