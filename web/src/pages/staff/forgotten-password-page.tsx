import { A, useAction } from "@solidjs/router";
import { createSignal, Show } from "solid-js";
import { Button } from "../../components/button.tsx";
import { ErrorSummary } from "../../components/error-summary.tsx";
import { Loading } from "../../components/notice.tsx";
import { PageTitle } from "../../components/page-title.tsx";
import { EmailField } from "./email-field.tsx";
import { capitalize, createFormErrors } from "./form-errors.ts";
import { requestPasswordReset } from "./staff-api.ts";
import "../../components/form.css";
import "./staff.css";

type Field = "email";
const IDS: Record<Field, string> = { email: "courriel" };

/** `/connexion/mot-de-passe-oublie`: asks for a link to choose a new password. */
export default function ForgottenPasswordPage() {
  const send = useAction(requestPasswordReset);
  const [email, setEmail] = createSignal("");
  const { errors, messages, links, summaryRef, refuse, clear, fixing } = createFormErrors(IDS);
  const [sending, setSending] = createSignal(false);
  const [sent, setSent] = createSignal(false);
  let confirmation: HTMLElement | undefined;

  async function submit(event: SubmitEvent) {
    event.preventDefault();
    if (sending()) return;
    setSent(false);
    if (!email().trim()) return refuse({ email: "Saisissez votre adresse électronique." });

    setSending(true);
    const outcome = await send(email().trim());
    setSending(false);
    if (outcome.kind === "done") {
      clear();
      setSent(true);
      confirmation?.focus();
      return;
    }
    if (outcome.kind === "invalid" && outcome.fields.email) return refuse({ email: capitalize(outcome.fields.email) });
    refuse({}, [outcome.message]);
  }

  return (
    <div class="staff">
      <p class="staff__back">
        <A href="/connexion">Retour à la connexion</A>
      </p>
      <PageTitle>Mot de passe oublié</PageTitle>
      <p class="staff__lead">
        Indiquez l'adresse électronique de votre compte&nbsp;: vous y recevrez un lien pour choisir un nouveau mot de passe.
      </p>
      {/* The same words whether the account exists or not: the page must not tell who has one. */}
      <Show when={sent()}>
        <div
          class="notice"
          role="status"
          tabindex="-1"
          ref={(element) => {
            confirmation = element;
          }}
        >
          <p class="notice__title">Demande envoyée</p>
          <p>
            Si un compte existe pour cette adresse, un lien pour choisir un nouveau mot de passe vient d'y être envoyé. Il est
            valable 30 minutes.
          </p>
          <p>Rien reçu&nbsp;? Vérifiez l'adresse et vos courriers indésirables, puis refaites la demande.</p>
        </div>
      </Show>
      <form class="staff-form" onSubmit={submit} onInput={fixing} onChange={fixing} novalidate aria-label="Demander un lien">
        <Show when={links().length + messages().length > 0}>
          <ErrorSummary
            links={links()}
            messages={messages()}
            ref={(element) => {
              summaryRef(element);
            }}
          />
        </Show>
        <EmailField id={IDS.email} value={email()} onValue={setEmail} error={errors().email} />
        <Show when={sending()}>
          <Loading>Envoi en cours…</Loading>
        </Show>
        <Button type="submit" disabled={sending()}>
          Recevoir un lien
        </Button>
      </form>
    </div>
  );
}
