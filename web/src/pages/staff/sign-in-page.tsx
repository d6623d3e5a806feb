import { A, createAsync, useAction, useNavigate, useSearchParams } from "@solidjs/router";
import { createEffect, createSignal, Show } from "solid-js";
import { Button } from "../../components/button.tsx";
import { ErrorSummary } from "../../components/error-summary.tsx";
import { Loading, Refusal } from "../../components/notice.tsx";
import { PageTitle } from "../../components/page-title.tsx";
import { EmailField } from "./email-field.tsx";
import { capitalize, createFormErrors } from "./form-errors.ts";
import { PasswordField, RevealablePasswords } from "./password-fields.tsx";
import { proConnectRefusal } from "./proconnect-words.ts";
import { returnPath } from "./return-path.ts";
import { getMe, getProConnect, signIn, startProConnect } from "./staff-api.ts";
import "../../components/form.css";
import "./staff.css";

type Field = "email" | "password";
const IDS: Record<Field, string> = { email: "courriel", password: "mot-de-passe" };

/** `/connexion`: the staff sign-in. The public books without an account and never comes here. */
export default function SignInPage() {
  const navigate = useNavigate();
  const [search] = useSearchParams();
  // Where the person was going when asked to sign in (a bookmark, a link in an e-mail).
  const destination = () => returnPath(search.retour);
  const send = useAction(signIn);
  const [email, setEmail] = createSignal("");
  const [password, setPassword] = createSignal("");
  const { errors, messages, links, summaryRef, refuse, fixing } = createFormErrors(IDS);
  const [sending, setSending] = createSignal(false);
  // Someone already signed in (a bookmark, the back button) has nothing to do here. A failing
  // /me must not keep anyone from signing in: it counts as nobody.
  const me = createAsync(() => getMe().catch(() => null));
  // ProConnect's button shows only when the server has it on; the callback's refusals come back here.
  const proConnect = createAsync(() => getProConnect().catch(() => false));
  const [retried, setRetried] = createSignal(false);
  // Said until the person tries again: then what this attempt answers replaces it.
  const proConnectBack = () => (retried() ? undefined : proConnectRefusal(search.proconnect, search.adresse));
  const goToProConnect = useAction(startProConnect);
  const [proConnectFailure, setProConnectFailure] = createSignal<string>();
  const [leaving, setLeaving] = createSignal(false);
  createEffect(() => {
    if (me()) navigate(destination(), { replace: true });
  });

  async function signInWithProConnect() {
    if (leaving()) return;
    setLeaving(true);
    setRetried(true);
    setProConnectFailure(undefined);
    const outcome = await goToProConnect(typeof search.retour === "string" ? search.retour : "");
    if (outcome.kind === "done") return window.location.assign(outcome.value.url);
    setLeaving(false);
    setProConnectFailure(outcome.message);
  }

  async function submit(event: SubmitEvent) {
    event.preventDefault();
    if (sending()) return;
    const found: Partial<Record<Field, string>> = {};
    if (!email().trim()) found.email = "Saisissez votre adresse électronique.";
    if (!password()) found.password = "Saisissez votre mot de passe.";
    if (found.email || found.password) return refuse(found, []);

    setSending(true);
    const outcome = await send(email().trim(), password());
    setSending(false);
    if (outcome.kind === "done") {
      navigate(destination());
      return;
    }
    setPassword("");
    if (outcome.kind === "invalid") {
      const fields = {
        ...(outcome.fields.email && { email: capitalize(outcome.fields.email) }),
        ...(outcome.fields.password && { password: capitalize(outcome.fields.password) }),
      };
      return refuse(fields, Object.keys(fields).length > 0 ? [] : [outcome.message]);
    }
    refuse({}, [outcome.message]);
  }

  return (
    <div class="staff">
      <PageTitle>Connexion à l'espace professionnel</PageTitle>
      <p class="staff__lead">
        Pour les conseillers, l'accueil, les prescripteurs et les administrateurs du service public de l'orientation.
      </p>
      <p class="staff__lead">
        Vous cherchez un rendez-vous&nbsp;? <a href="/rendez-vous">Prenez rendez-vous sans compte</a>.
      </p>
      <Show when={proConnectBack()}>
        {(message) => (
          <div class="notice notice--error" role="alert">
            <p class="notice__title">La connexion avec ProConnect n'a pas abouti</p>
            <p>{message()}</p>
          </div>
        )}
      </Show>
      <Show when={proConnect()}>
        <section class="proconnect" aria-labelledby="avec-proconnect">
          <h2 id="avec-proconnect">Avec votre identité d'agent public</h2>
          <button type="button" class="proconnect__button" onClick={signInWithProConnect} disabled={leaving()}>
            <span class="proconnect__with">S'identifier avec</span> <span class="proconnect__name">ProConnect</span>
          </button>
          <p>
            <a href="https://www.proconnect.gouv.fr/" rel="noopener">
              Qu'est-ce que ProConnect&nbsp;?
            </a>
          </p>
          <Refusal message={proConnectFailure()} />
        </section>
        <h2 class="proconnect__or">Ou avec votre mot de passe</h2>
      </Show>
      <form class="staff-form" onSubmit={submit} onInput={fixing} onChange={fixing} novalidate aria-label="Connexion">
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
        <RevealablePasswords id="afficher-mot-de-passe">
          {(type) => (
            <PasswordField
              id={IDS.password}
              label="Mot de passe"
              type={type()}
              autocomplete="current-password"
              value={password()}
              onValue={setPassword}
              error={errors().password}
            />
          )}
        </RevealablePasswords>
        <Show when={sending()}>
          <Loading>Connexion en cours…</Loading>
        </Show>
        <Button type="submit" disabled={sending()}>
          Se connecter
        </Button>
      </form>
      <p>
        <A href="/connexion/mot-de-passe-oublie">Mot de passe oublié&nbsp;?</A>
      </p>
    </div>
  );
}
