import { A, createAsync, useAction, useNavigate, useSearchParams } from "@solidjs/router";
import { createEffect, createSignal, Show } from "solid-js";
import { Button } from "../../components/button.tsx";
import { ErrorSummary } from "../../components/error-summary.tsx";
import { Loading } from "../../components/notice.tsx";
import { PageTitle } from "../../components/page-title.tsx";
import { EmailField } from "./email-field.tsx";
import { capitalize, createFormErrors } from "./form-errors.ts";
import { PasswordField, RevealablePasswords } from "./password-fields.tsx";
import { returnPath } from "./return-path.ts";
import { getMe, signIn } from "./staff-api.ts";
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
  createEffect(() => {
    if (me()) navigate(destination(), { replace: true });
  });

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
