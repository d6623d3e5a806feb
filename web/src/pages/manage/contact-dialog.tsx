import { useAction } from "@solidjs/router";
import { createSignal, Show } from "solid-js";
import { Button } from "../../components/button.tsx";
import { CheckboxField, TextField } from "../../components/fields.tsx";
import { Modal } from "../../components/modal.tsx";
import { Loading } from "../../components/notice.tsx";
import { type ContactAnswer, changeContact, type ManagedAppointment } from "../../lib/api.ts";
import { mobileShape } from "../../lib/phone.ts";
import { emailError, phoneError } from "../booking/details.ts";
import { PersonEmailField } from "../booking/person-email-field.tsx";

type Person = ManagedAppointment["person"];
type Field = "email" | "phone" | "smsReminders";
const IDS: Record<Field, string> = {
  email: "coordonnees-courriel",
  phone: "coordonnees-telephone",
  smsReminders: "coordonnees-rappels-sms",
};
const NEITHER =
  "Gardez une adresse électronique ou un numéro de téléphone : sans l'un ni l'autre, la structure ne pourrait plus vous joindre.";

/**
 * « Modifier mes coordonnées », then the e-mail, the phone and the SMS choice in a modal dialog
 * (as the cancellation's: focus kept inside, Escape and « Annuler » close it, the
 * focus goes back to the button). The next messages go to what is saved.
 */
export function ContactDialog(props: { token: string; person: Person; onSaved: (answer: ContactAnswer) => void }) {
  const save = useAction(changeContact);
  const [open, setOpen] = createSignal(false);
  const [email, setEmail] = createSignal("");
  const [phone, setPhone] = createSignal("");
  const [smsReminders, setSmsReminders] = createSignal(true);
  const [errors, setErrors] = createSignal<Partial<Record<Field, string>>>({});
  const [sending, setSending] = createSignal(false);
  const [failure, setFailure] = createSignal<string>();
  const smsOffer = () => mobileShape(phone().trim());

  function changeOpen(next: boolean) {
    if (sending()) return;
    if (next) {
      // The form starts from what is kept, every time it opens.
      setEmail(props.person.email ?? "");
      setPhone(props.person.phone ?? "");
      setSmsReminders(props.person.smsReminders);
    }
    setErrors({});
    setFailure(undefined);
    setOpen(next);
  }

  async function submit(event: SubmitEvent) {
    event.preventDefault();
    if (sending()) return;
    const [newEmail, newPhone] = [email().trim(), phone().trim()];
    const kept = props.person.email || props.person.phone;
    const found = {
      email: emailError(newEmail) ?? (kept && !newEmail && !newPhone ? NEITHER : undefined),
      phone: phoneError(newPhone),
    };
    setFailure(undefined);
    if (refuse(found)) return;
    setSending(true);
    const outcome = await save(props.token, {
      email: newEmail || null,
      phone: newPhone || null,
      ...(smsOffer() && { smsReminders: smsReminders() }),
    });
    setSending(false);
    if (outcome.kind === "done") {
      setOpen(false);
      props.onSaved(outcome.value);
      return;
    }
    if (outcome.kind !== "invalid" || !refuse(outcome.fields)) setFailure(outcome.message);
  }

  /** Shows what is wrong beside each field, the focus on the first one; false when nothing is. */
  function refuse(found: Partial<Record<string, string | undefined>>): boolean {
    setErrors({ email: found.email, phone: found.phone, smsReminders: found.smsReminders });
    const first = (["email", "phone", "smsReminders"] as const).find((field) => found[field]);
    if (first) document.getElementById(IDS[first])?.focus();
    return first !== undefined;
  }

  return (
    <>
      <Button variant="secondary" onClick={() => changeOpen(true)}>
        Modifier mes coordonnées
      </Button>
      <Modal
        id="coordonnees"
        open={open()}
        onOpenChange={changeOpen}
        title={<>Modifier mes coordonnées</>}
        description={
          <>
            Les rappels et tout changement de vos rendez-vous vous seront envoyés à ces coordonnées. Gardez au moins une adresse
            électronique ou un numéro de téléphone.
          </>
        }
      >
        <form onSubmit={submit} novalidate>
          <PersonEmailField
            id={IDS.email}
            label="Adresse électronique (facultative)"
            value={email()}
            onValue={setEmail}
            error={errors().email}
          />
          <TextField
            id={IDS.phone}
            label="Numéro de téléphone (facultatif)"
            hint={"Par exemple\u00a0: 06 12 34 56 78."}
            type="tel"
            autocomplete="tel"
            value={phone()}
            onInput={(event) => setPhone(event.currentTarget.value)}
            error={errors().phone}
          />
          <Show when={smsOffer()}>
            {(offer) => (
              <CheckboxField
                id={IDS.smsReminders}
                label="Recevoir les rappels par SMS"
                hint={`${offer() === "maybe" ? "Si ce numéro est celui d'un mobile, les" : "Les"} rappels et tout changement du rendez-vous vous sont envoyés par SMS à ce numéro${email().trim() ? ", en plus des courriels" : ""}.`}
                checked={smsReminders()}
                onChange={(event) => setSmsReminders(event.currentTarget.checked)}
                error={errors().smsReminders}
              />
            )}
          </Show>
          <Show when={sending()}>
            <Loading>Enregistrement en cours…</Loading>
          </Show>
          <Show when={failure()}>
            {(message) => (
              <p class="field__error" role="alert">
                Vos coordonnées n'ont pas pu être enregistrées&nbsp;: {message()}
              </p>
            )}
          </Show>
          <div class="dialog__actions">
            <Button type="submit">Enregistrer</Button>
            <Button variant="secondary" onClick={() => changeOpen(false)}>
              Annuler
            </Button>
          </div>
        </form>
      </Modal>
    </>
  );
}
