import { useAction } from "@solidjs/router";
import { createSignal, Show } from "solid-js";
import { Button } from "../../components/button.tsx";
import { ErrorSummary } from "../../components/error-summary.tsx";
import { TextField } from "../../components/fields.tsx";
import { Loading } from "../../components/notice.tsx";
import { PageTitle } from "../../components/page-title.tsx";
import { isEmailAddress } from "../../lib/email.ts";
import { isPhoneNumber } from "../../lib/phone.ts";
import { askForLinks } from "./find-meeting-api.ts";
import "../../components/form.css";
import "./find-meeting.css";

export const FIND_MEETING_PATH = "/retrouver-mon-rendez-vous";

const FIELD_ID = "contact";
const MISSING = "Saisissez l'adresse électronique ou le numéro de mobile donné à la réservation.";
// Not lib/french.ts's: importing it from here would split it out of the staff chunk, a file more for both.
const sentence = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
const MISSHAPEN =
  "Saisissez une adresse électronique, par exemple prenom.nom@exemple.fr, ou un numéro de mobile, par exemple 06 12 34 56 78.";

/**
 * `/retrouver-mon-rendez-vous`: someone who lost the private link of their meeting types the
 * e-mail address or the mobile number they booked with, and receives there a new link for each
 * meeting to come. The page says the same whatever the server found: it cannot tell, and must
 * not, whether anyone booked with that address.
 */
export default function FindMeetingPage() {
  const ask = useAction(askForLinks);
  const [contact, setContact] = createSignal("");
  const [fieldError, setFieldError] = createSignal<string>();
  const [failure, setFailure] = createSignal<string>();
  const [sending, setSending] = createSignal(false);
  const [answer, setAnswer] = createSignal<string>();
  let summary: HTMLElement | undefined;
  let confirmation: HTMLElement | undefined;

  function refuse(field: string | undefined, message?: string) {
    setFieldError(field);
    setFailure(message);
    requestAnimationFrame(() => summary?.focus());
  }

  async function submit(event: SubmitEvent) {
    event.preventDefault();
    if (sending()) return;
    setAnswer(undefined);
    const typed = contact().trim();
    if (!typed) return refuse(MISSING);
    if (!isEmailAddress(typed) && !isPhoneNumber(typed)) return refuse(MISSHAPEN);

    setSending(true);
    const outcome = await ask(typed);
    setSending(false);
    if (outcome.kind === "done") {
      setFieldError(undefined);
      setFailure(undefined);
      setAnswer(outcome.value.message);
      confirmation?.focus();
      return;
    }
    const field = outcome.kind === "invalid" ? outcome.fields.contact : undefined;
    if (field) return refuse(sentence(field));
    refuse(undefined, outcome.message);
  }

  return (
    <div class="prose find-meeting">
      <PageTitle>Retrouver mon rendez-vous</PageTitle>
      <p>
        Vous ne retrouvez plus le lien reçu à la réservation, qui permet de déplacer ou d'annuler votre rendez-vous&nbsp;?
        Saisissez l'adresse électronique ou le numéro de mobile donné en réservant&nbsp;: vous y recevrez un nouveau lien pour
        chacun de vos rendez-vous à venir.
      </p>
      {/* The same words whatever the server found: the page must not tell who booked. */}
      <Show when={answer()}>
        {(message) => (
          <div
            class="notice"
            role="status"
            tabindex="-1"
            ref={(element) => {
              confirmation = element;
            }}
          >
            <p class="notice__title">Demande envoyée</p>
            <p>{message()}</p>
            <p>
              Rien reçu au bout d'un quart d'heure&nbsp;? Vérifiez l'adresse ou le numéro, et vos courriers indésirables, puis
              refaites la demande. Au-delà de trois demandes par jour pour une même adresse ou un même numéro, plus rien n'est
              envoyé&nbsp;: appelez alors la structure de votre rendez-vous.
            </p>
          </div>
        )}
      </Show>
      <form class="find-meeting__form" onSubmit={submit} novalidate aria-label="Recevoir mes liens">
        <Show when={fieldError() || failure()}>
          <ErrorSummary
            links={fieldError() ? [{ target: FIELD_ID, message: fieldError() as string }] : []}
            messages={failure() ? [failure() as string] : []}
            ref={(element) => {
              summary = element;
            }}
          />
        </Show>
        <TextField
          id={FIELD_ID}
          label="Adresse électronique ou numéro de mobile"
          hint="L'adresse ou le numéro donné à la réservation, par exemple prenom.nom@exemple.fr ou 06 12 34 56 78."
          autocapitalize="none"
          spellcheck={false}
          maxlength={254}
          value={contact()}
          onInput={(event) => setContact(event.currentTarget.value)}
          error={fieldError()}
        />
        <Show when={sending()}>
          <Loading>Envoi en cours…</Loading>
        </Show>
        <Button type="submit" disabled={sending()}>
          Recevoir mes liens
        </Button>
      </form>
    </div>
  );
}
