import { useAction } from "@solidjs/router";
import { createSignal } from "solid-js";
import { TextField } from "../../../components/fields.tsx";
import { AdminForm, createAdminForm, createSuccess, optional, SuccessNotice } from "../directory/admin-form.tsx";
import { type SentConfirmation, sendConfirmation } from "./agenda-api.ts";

const IDS = { email: "confirmation-courriel" };

/**
 * E-mails an appointment's confirmation (with the .ics and the reminders) to the address the
 * person gives. `manageToken`: the private link the page holds, which the e-mail then gives
 * too; without it the server makes a new one, and the one handed over before stops working.
 */
export function SendConfirmation(props: {
  appointmentId: string;
  email: string | undefined;
  manageToken?: string | undefined;
  onSent?: (sent: SentConfirmation) => void;
}) {
  const send = useAction(sendConfirmation);
  const form = createAdminForm(IDS, { email: "Adresse électronique" });
  const success = createSuccess();
  const [email, setEmail] = createSignal(props.email ?? "");
  async function submit() {
    const address = optional(email());
    const sent = await form.run({ email: address ? undefined : "Saisissez l'adresse électronique de la personne." }, () =>
      send(props.appointmentId, { email: address, ...(props.manageToken && { manageToken: props.manageToken }) }),
    );
    if (!sent) return;
    props.onSent?.(sent);
    success.say(
      sent.newLink
        ? `Confirmation envoyée à ${sent.sentTo}, avec un nouveau lien personnel : le précédent ne fonctionne plus.`
        : `Confirmation envoyée à ${sent.sentTo}.`,
    );
  }
  return (
    <>
      <SuccessNotice said={success.said()} />
      <AdminForm form={form} label="Envoyer la confirmation par courriel" submit="Envoyer la confirmation" onSubmit={submit}>
        <TextField
          id={IDS.email}
          label="Adresse électronique de la personne"
          type="email"
          autocomplete="off"
          spellcheck={false}
          value={email()}
          onInput={(event) => setEmail(event.currentTarget.value)}
          error={form.errors().email}
          hint={
            props.manageToken
              ? undefined
              : "Le courriel contient un nouveau lien personnel pour déplacer ou annuler : celui remis auparavant cessera de fonctionner."
          }
        />
      </AdminForm>
    </>
  );
}
