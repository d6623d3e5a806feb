import { A, createAsync, useAction, useNavigate } from "@solidjs/router";
import { createSignal, Show } from "solid-js";
import { Button } from "../../components/button.tsx";
import { ErrorSummary } from "../../components/error-summary.tsx";
import { Loadable, Loading } from "../../components/notice.tsx";
import { PageTitle } from "../../components/page-title.tsx";
import { takeToken } from "../../lib/link-token.ts";
import { capitalize, createFormErrors } from "./form-errors.ts";
import { NewPasswordFields, newPasswordProblems } from "./password-fields.tsx";
import { checkPasswordLink, type PasswordLink, setPasswordWithLink } from "./staff-api.ts";
import "../../components/form.css";
import "./staff.css";

type Field = "newPassword" | "confirmation";
const IDS: Record<Field, string> = { newPassword: "nouveau-mot-de-passe", confirmation: "confirmation-mot-de-passe" };

/** `/connexion/mot-de-passe#<jeton>`: the link of an invitation or a reset, to choose a password. */
export default function PasswordLinkPage() {
  const token = takeToken();
  const link = createAsync(async () => {
    if (!token) return null;
    const found = await checkPasswordLink(token);
    return found && { ...found, token };
  });
  // The link can die while the page is open (used in another tab, expired): the form then gives way.
  const [spent, setSpent] = createSignal(false);
  return (
    <div class="staff">
      <Loadable loading="Vérification du lien…" failure="Le lien n'a pas pu être vérifié." queryKey={checkPasswordLink.key}>
        <Show when={link() !== undefined}>
          <Show when={!spent() && link()} fallback={<DeadLink />}>
            {(live) => <ChoosePassword link={live()} onSpent={() => setSpent(true)} />}
          </Show>
        </Show>
      </Loadable>
    </div>
  );
}

function DeadLink() {
  return (
    <>
      <PageTitle>Ce lien n'est plus valable</PageTitle>
      <p class="staff__lead">
        Il a déjà servi, il a expiré (un lien pour changer de mot de passe est valable 30 minutes, une invitation 7 jours), ou son
        adresse est incomplète.
      </p>
      <p class="staff__lead">
        <A href="/connexion/mot-de-passe-oublie">Demander un nouveau lien</A>
      </p>
    </>
  );
}

function ChoosePassword(props: { link: PasswordLink & { token: string }; onSpent: () => void }) {
  const navigate = useNavigate();
  const send = useAction(setPasswordWithLink);
  const [password, setPassword] = createSignal("");
  const [confirmation, setConfirmation] = createSignal("");
  const { errors, messages, links, summaryRef, refuse, fixing } = createFormErrors(IDS);
  const [sending, setSending] = createSignal(false);
  const invitation = () => props.link.kind === "invitation";

  async function submit(event: SubmitEvent) {
    event.preventDefault();
    if (sending()) return;
    const found = newPasswordProblems(password(), confirmation());
    if (found.newPassword || found.confirmation) return refuse(found);

    setSending(true);
    const outcome = await send(props.link.token, password());
    setSending(false);
    if (outcome.kind === "done") {
      navigate("/espace", { replace: true });
      return;
    }
    if (outcome.kind === "dead") return props.onSpent();
    if (outcome.kind === "invalid" && outcome.fields.newPassword)
      return refuse({ newPassword: capitalize(outcome.fields.newPassword) });
    refuse({}, [outcome.message]);
  }

  return (
    <>
      <PageTitle>{invitation() ? "Créer votre mot de passe" : "Choisir un nouveau mot de passe"}</PageTitle>
      <p class="staff__lead">
        Bonjour {props.link.firstName}, {invitation() ? "choisissez le mot de passe" : "choisissez un nouveau mot de passe"} pour
        le compte <strong>{props.link.email}</strong>. Vous arriverez ensuite directement dans votre espace.
      </p>
      <form
        class="staff-form"
        onSubmit={submit}
        onInput={fixing}
        onChange={fixing}
        novalidate
        aria-label="Choisir le mot de passe"
      >
        {/* A password manager files the new password under this address (it reads a username field). */}
        <input type="email" autocomplete="username" value={props.link.email} readonly hidden />
        <Show when={links().length + messages().length > 0}>
          <ErrorSummary
            links={links()}
            messages={messages()}
            ref={(element) => {
              summaryRef(element);
            }}
          />
        </Show>
        <NewPasswordFields
          ids={IDS}
          label={invitation() ? "Mot de passe" : "Nouveau mot de passe"}
          password={password()}
          onPassword={setPassword}
          confirmation={confirmation()}
          onConfirmation={setConfirmation}
          errors={errors()}
        />
        <Show when={sending()}>
          <Loading>Enregistrement en cours…</Loading>
        </Show>
        <Button type="submit" disabled={sending()}>
          {invitation() ? "Créer le mot de passe" : "Changer le mot de passe"}
        </Button>
      </form>
    </>
  );
}
