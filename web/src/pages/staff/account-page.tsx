import { A, useAction } from "@solidjs/router";
import { createSignal, Show } from "solid-js";
import { Button } from "../../components/button.tsx";
import { ErrorSummary } from "../../components/error-summary.tsx";
import { Loading } from "../../components/notice.tsx";
import { PageTitle } from "../../components/page-title.tsx";
import { CalendarFeedSection } from "./agenda/calendar-feed.tsx";
import { BusyCalendarSection } from "./busy-calendar.tsx";
import { capitalize, createFormErrors } from "./form-errors.ts";
import { NoticeChoicesSection } from "./notice-choices.tsx";
import { MIN_LENGTH, NEW_PASSWORD_HINT, PasswordField, RevealablePasswords } from "./password-fields.tsx";
import { SignOutButton } from "./sign-out.tsx";
import { changePassword } from "./staff-api.ts";
import { useStaffUser } from "./staff-area.tsx";

type Field = "currentPassword" | "newPassword";
const IDS: Record<Field, string> = { currentPassword: "mot-de-passe-actuel", newPassword: "nouveau-mot-de-passe" };

/** `/espace/compte`: the account — change the password, close every session. */
export default function AccountPage() {
  const user = useStaffUser();
  return (
    <div class="staff">
      <p class="staff__back">
        <A href="/espace" end>
          Retour à l'espace professionnel
        </A>
      </p>
      <PageTitle>Mon compte</PageTitle>
      <p class="staff__lead">
        {user().firstName} {user().lastName}, {user().email}
      </p>
      <PasswordForm />
      <Show when={user().memberships.some((membership) => membership.role === "advisor")}>
        <CalendarFeedSection />
        <BusyCalendarSection />
      </Show>
      <Show when={user().memberships.length > 0}>
        <NoticeChoicesSection />
      </Show>
      <section class="staff__section" aria-labelledby="everywhere-title">
        <h2 id="everywhere-title">Se déconnecter de tous les appareils</h2>
        <p>
          Ferme toutes vos sessions ouvertes, sur cet appareil comme sur les autres (un ordinateur partagé, un téléphone perdu).
          Il faudra vous reconnecter partout.
        </p>
        <SignOutButton everywhere />
      </section>
    </div>
  );
}

function PasswordForm() {
  const send = useAction(changePassword);
  const [current, setCurrent] = createSignal("");
  const [next, setNext] = createSignal("");
  const { errors, messages, links, summaryRef, refuse, clear, fixing } = createFormErrors(IDS);
  const [sending, setSending] = createSignal(false);
  const [changed, setChanged] = createSignal(false);
  let confirmation: HTMLElement | undefined;

  async function submit(event: SubmitEvent) {
    event.preventDefault();
    if (sending()) return;
    setChanged(false);
    const found: Partial<Record<Field, string>> = {};
    if (!current()) found.currentPassword = "Saisissez votre mot de passe actuel.";
    if (!next()) found.newPassword = "Saisissez un nouveau mot de passe.";
    else if (next().length < MIN_LENGTH)
      found.newPassword = `Le nouveau mot de passe doit compter au moins ${MIN_LENGTH} caractères.`;
    if (found.currentPassword || found.newPassword) return refuse(found, []);

    setSending(true);
    const outcome = await send(current(), next());
    setSending(false);
    if (outcome.kind === "done") {
      clear();
      setCurrent("");
      setNext("");
      setChanged(true);
      confirmation?.focus();
      return;
    }
    if (outcome.kind === "invalid") {
      const fields = {
        ...(outcome.fields.currentPassword && { currentPassword: capitalize(outcome.fields.currentPassword) }),
        ...(outcome.fields.newPassword && { newPassword: capitalize(outcome.fields.newPassword) }),
      };
      return refuse(fields, Object.keys(fields).length > 0 ? [] : [outcome.message]);
    }
    refuse({}, [outcome.message]);
  }

  return (
    <section class="staff__section" aria-labelledby="password-title">
      <h2 id="password-title">Changer de mot de passe</h2>
      <Show when={changed()}>
        <div
          class="notice"
          role="status"
          tabindex="-1"
          ref={(element) => {
            confirmation = element;
          }}
        >
          <p class="notice__title">Votre mot de passe a été changé.</p>
          <p>Vos sessions ouvertes sur d'autres appareils ont été fermées&nbsp;; celle-ci continue.</p>
        </div>
      </Show>
      <form class="staff-form" onSubmit={submit} onInput={fixing} onChange={fixing} novalidate aria-labelledby="password-title">
        <Show when={links().length + messages().length > 0}>
          <ErrorSummary
            level={3}
            links={links()}
            messages={messages()}
            ref={(element) => {
              summaryRef(element);
            }}
          />
        </Show>
        <RevealablePasswords id="afficher-mots-de-passe">
          {(type) => (
            <>
              <PasswordField
                id={IDS.currentPassword}
                label="Mot de passe actuel"
                type={type()}
                autocomplete="current-password"
                value={current()}
                onValue={setCurrent}
                error={errors().currentPassword}
              />
              <PasswordField
                id={IDS.newPassword}
                label="Nouveau mot de passe"
                hint={NEW_PASSWORD_HINT}
                type={type()}
                autocomplete="new-password"
                value={next()}
                onValue={setNext}
                error={errors().newPassword}
              />
            </>
          )}
        </RevealablePasswords>
        <Show when={sending()}>
          <Loading>Changement en cours…</Loading>
        </Show>
        <Button type="submit" disabled={sending()}>
          Changer le mot de passe
        </Button>
      </form>
    </section>
  );
}
