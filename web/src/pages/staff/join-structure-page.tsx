import { A, createAsync, useAction, useNavigate } from "@solidjs/router";
import { createSignal, Show } from "solid-js";
import { Button } from "../../components/button.tsx";
import { ErrorSummary } from "../../components/error-summary.tsx";
import { Loadable, Loading } from "../../components/notice.tsx";
import { PageTitle } from "../../components/page-title.tsx";
import { takeToken } from "../../lib/link-token.ts";
import { capitalize, createFormErrors } from "./form-errors.ts";
import { NewPasswordFields, newPasswordProblems } from "./password-fields.tsx";
import { ROLE_NAMES } from "./roles.ts";
import { acceptMembershipInvitation, checkMembershipInvitation, type MembershipInvitation } from "./staff-api.ts";
import "../../components/form.css";
import "./staff.css";

type Field = "newPassword" | "confirmation";
const IDS: Record<Field, string> = { newPassword: "nouveau-mot-de-passe", confirmation: "confirmation-mot-de-passe" };

/**
 * `/connexion/rejoindre#<jeton>`: an invitation to take a role in a structure. Nothing changes
 * until the person accepts; an address without a password chooses one here.
 */
export default function JoinStructurePage() {
  const token = takeToken();
  const invitation = createAsync(async () => {
    if (!token) return null;
    const found = await checkMembershipInvitation(token);
    return found && { ...found, token };
  });
  const [joined, setJoined] = createSignal<{ structure: string } | undefined>();
  const [spent, setSpent] = createSignal(false);
  return (
    <div class="staff">
      <Loadable
        loading="Vérification de l'invitation…"
        failure="L'invitation n'a pas pu être vérifiée."
        queryKey={checkMembershipInvitation.key}
      >
        <Show when={invitation() !== undefined}>
          <Show
            when={joined()}
            fallback={
              <Show when={!spent() && invitation()} fallback={<DeadInvitation />}>
                {(live) => <Accept invitation={live()} onJoined={setJoined} onSpent={() => setSpent(true)} />}
              </Show>
            }
          >
            {(done) => (
              <>
                <PageTitle>{`Vous avez rejoint ${done().structure}`}</PageTitle>
                <p class="staff__lead">Connectez-vous avec votre compte habituel pour y travailler.</p>
                <p class="staff__lead">
                  <A href="/connexion">Se connecter</A>
                </p>
              </>
            )}
          </Show>
        </Show>
      </Loadable>
    </div>
  );
}

function DeadInvitation() {
  return (
    <>
      <PageTitle>Cette invitation n'est plus valable</PageTitle>
      <p class="staff__lead">
        Elle a déjà été acceptée, elle a été retirée ou elle a expiré (une invitation est valable 7 jours), ou son adresse est
        incomplète. Demandez à la personne qui vous a invité·e de vous en envoyer une nouvelle.
      </p>
      <p class="staff__lead">
        <A href="/connexion">Se connecter</A>
      </p>
    </>
  );
}

function Accept(props: {
  invitation: MembershipInvitation & { token: string };
  onJoined: (joined: { structure: string }) => void;
  onSpent: () => void;
}) {
  const navigate = useNavigate();
  const accept = useAction(acceptMembershipInvitation);
  const [password, setPassword] = createSignal("");
  const [confirmation, setConfirmation] = createSignal("");
  const { errors, messages, links, summaryRef, refuse, fixing } = createFormErrors(IDS);
  const [sending, setSending] = createSignal(false);

  async function submit(event: SubmitEvent) {
    event.preventDefault();
    if (sending()) return;
    if (props.invitation.needsPassword) {
      const found = newPasswordProblems(password(), confirmation());
      if (found.newPassword || found.confirmation) return refuse(found);
    }
    setSending(true);
    const outcome = await accept(props.invitation.token, props.invitation.needsPassword ? password() : undefined);
    setSending(false);
    if (outcome.kind === "done") {
      if (outcome.value.signedIn) navigate("/espace", { replace: true });
      else props.onJoined({ structure: props.invitation.structure });
      return;
    }
    if (outcome.kind === "dead") return props.onSpent();
    if (outcome.kind === "invalid" && outcome.fields.newPassword)
      return refuse({ newPassword: capitalize(outcome.fields.newPassword) });
    refuse({}, [outcome.message]);
  }

  return (
    <>
      <PageTitle>{`Rejoindre ${props.invitation.structure}`}</PageTitle>
      <p class="staff__lead">
        Bonjour {props.invitation.firstName},{" "}
        {props.invitation.invitedBy ? `${props.invitation.invitedBy} vous invite` : "vous êtes invité·e"} à rejoindre{" "}
        <strong>{props.invitation.structure}</strong> avec le rôle «&nbsp;{ROLE_NAMES[props.invitation.role]}&nbsp;», pour le
        compte <strong>{props.invitation.email}</strong>.
      </p>
      <p class="staff__lead">
        En acceptant, vous verrez les rendez-vous et les personnes que cette structure vous confie. Si vous ne la connaissez pas,
        fermez simplement cette page&nbsp;: rien ne change.
      </p>
      <form class="staff-form" onSubmit={submit} onInput={fixing} onChange={fixing} novalidate aria-label="Accepter l'invitation">
        <Show when={links().length + messages().length > 0}>
          <ErrorSummary
            links={links()}
            messages={messages()}
            ref={(element) => {
              summaryRef(element);
            }}
          />
        </Show>
        <Show when={props.invitation.needsPassword}>
          <p>Votre compte s'ouvre avec cette invitation&nbsp;: choisissez son mot de passe.</p>
          {/* A password manager files the new password under this address (it reads a username field). */}
          <input type="email" autocomplete="username" value={props.invitation.email} readonly hidden />
          <NewPasswordFields
            ids={IDS}
            label="Mot de passe"
            password={password()}
            onPassword={setPassword}
            confirmation={confirmation()}
            onConfirmation={setConfirmation}
            errors={errors()}
          />
        </Show>
        <Show when={sending()}>
          <Loading>Enregistrement en cours…</Loading>
        </Show>
        <Button type="submit" disabled={sending()}>
          {props.invitation.needsPassword ? "Accepter et créer mon mot de passe" : "Accepter l'invitation"}
        </Button>
      </form>
    </>
  );
}
