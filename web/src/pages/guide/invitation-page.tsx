import { createAsync, useAction } from "@solidjs/router";
import { createMemo, createSignal, For, Show, useTransition } from "solid-js";
import { Button } from "../../components/button.tsx";
import { ErrorSummary } from "../../components/error-summary.tsx";
import { FieldError, TextField } from "../../components/fields.tsx";
import { Loadable, Loading, Notice } from "../../components/notice.tsx";
import { PageTitle } from "../../components/page-title.tsx";
import { type Booking, newIdempotencyKey } from "../../lib/api.ts";
import { addDays, dateOf, formatDay, formatParisInstant, formatTime, timeOf } from "../../lib/dates.ts";
import { takeToken } from "../../lib/link-token.ts";
import { BookedConfirmation, PrivateLinkStep } from "../booking/confirmation-page.tsx";
import { accessibilityInput, checkInvitedDetails, emptyDetails, smsInput } from "../booking/details.ts";
import { meetingMoment, StructureContact } from "../booking/meeting-details.tsx";
import { detailsIds, PersonDetailsFields } from "../booking/person-details-fields.tsx";
import {
  bookWithInvitation,
  getInvitation,
  getInvitationSlots,
  type InvitationSlot,
  type InvitationView,
} from "./invitation-api.ts";

import "../booking/booking.css";
import "./invitation.css";

export const INVITATION_PATH = "/invitation";

/** `/invitation#<jeton>`, or `/invitation` and the printed code: a referred person books their meeting. */
export default function InvitationPage() {
  const [key, setKey] = createSignal(takeToken());
  const [booked, setBooked] = createSignal<{ booking: Booking; invitation: InvitationView; email: string | undefined }>();
  return (
    <div class="invitation">
      <Show
        when={booked()}
        fallback={
          <Show when={key()} keyed fallback={<CodeForm onCode={setKey} />}>
            {(current) => (
              <Loadable
                loading="Vérification de l'invitation…"
                failure="L'invitation n'a pas pu être vérifiée."
                queryKey={getInvitation.key}
              >
                <Invitation invitationKey={current} onUnknown={() => setKey(undefined)} onBooked={setBooked} />
              </Loadable>
            )}
          </Show>
        }
      >
        {(done) => <Confirmation {...done()} />}
      </Show>
    </div>
  );
}

function CodeForm(props: { onCode: (code: string) => void; unknown?: boolean }) {
  const [code, setCode] = createSignal("");
  const [error, setError] = createSignal<string>();
  let summary: HTMLElement | undefined;
  function submit(event: SubmitEvent) {
    event.preventDefault();
    const typed = code().trim();
    if (typed.replace(/[\s-]/g, "").length < 12) {
      setError("Saisissez les 12 caractères du code d'invitation, par exemple ABCD-EFGH-JKMN.");
      requestAnimationFrame(() => summary?.focus());
      return;
    }
    props.onCode(typed);
  }
  return (
    <>
      <PageTitle>Votre invitation à prendre rendez-vous</PageTitle>
      <p>
        Une structure vous a orienté·e vers une autre et vous a remis un code d'invitation, ou envoyé un lien par courriel. Avec
        ce code, choisissez vous-même le jour et l'heure de votre rendez-vous.
      </p>
      <form class="invitation__code" onSubmit={submit} novalidate aria-labelledby="code-title">
        <h2 id="code-title">Saisir votre code</h2>
        <Show when={error()}>
          {(message) => (
            <ErrorSummary
              level={3}
              links={[{ target: "code-invitation", message: message() }]}
              ref={(element) => {
                summary = element;
              }}
            />
          )}
        </Show>
        <TextField
          id="code-invitation"
          label="Code d'invitation"
          hint="Il figure sur le feuillet remis par la structure, par exemple ABCD-EFGH-JKMN. Majuscules, minuscules et tirets ne comptent pas."
          autocomplete="off"
          autocapitalize="characters"
          spellcheck={false}
          maxlength={40}
          value={code()}
          onInput={(event) => setCode(event.currentTarget.value)}
          error={error()}
        />
        <Button type="submit">Continuer</Button>
      </form>
    </>
  );
}

function Invitation(props: {
  invitationKey: string;
  onUnknown: () => void;
  onBooked: (done: { booking: Booking; invitation: InvitationView; email: string | undefined }) => void;
}) {
  const invitation = createAsync(() => getInvitation(props.invitationKey));
  return (
    <Show when={invitation() !== undefined}>
      <Show when={invitation()} fallback={<Unknown onRetry={props.onUnknown} />}>
        {(current) => (
          <Show when={current().state === "open"} fallback={<NotOpen invitation={current()} />}>
            <OpenInvitation invitation={current()} invitationKey={props.invitationKey} onBooked={props.onBooked} />
          </Show>
        )}
      </Show>
    </Show>
  );
}

function Unknown(props: { onRetry: () => void }) {
  return (
    <>
      <PageTitle>Invitation introuvable</PageTitle>
      <Notice>
        <p class="notice__title">Ce lien ou ce code ne correspond à aucune invitation en cours.</p>
        <p>
          Vérifiez le code (12 caractères), ou le lien complet reçu par courriel. Une nouvelle invitation remplace la
          précédente&nbsp;: seul le dernier code reçu fonctionne. En cas de doute, contactez la structure qui vous a orienté·e.
        </p>
      </Notice>
      <p>
        <Button onClick={() => props.onRetry()}>Saisir un autre code</Button>
      </p>
    </>
  );
}

function NotOpen(props: { invitation: InvitationView }) {
  const booked = () => props.invitation.state === "booked";
  return (
    <>
      <PageTitle>{booked() ? "Rendez-vous déjà pris" : "Cette invitation n'est plus valable"}</PageTitle>
      <Notice>
        <p class="notice__title">
          {booked()
            ? "Un rendez-vous est déjà pris avec cette invitation."
            : "Cette invitation a expiré, ou l'orientation a changé entre-temps."}
        </p>
        <p>
          {booked()
            ? "Pour le déplacer ou l'annuler, utilisez le lien personnel donné à la réservation (il figure dans le courriel de confirmation)."
            : `${props.invitation.from.name} vous avait orienté·e vers ${props.invitation.to.name} pour « ${props.invitation.service.name} ».`}
        </p>
      </Notice>
      <h2>Que faire&nbsp;?</h2>
      <StructureContact structure={props.invitation.to} />
      <Show when={!booked()}>
        <p>Vous pouvez aussi demander une nouvelle invitation à {props.invitation.from.name}.</p>
      </Show>
    </>
  );
}

const DETAILS_IDS = detailsIds("invitation-");
/** The fields of the form, in its order: the error summary lists them so. */
const IDS = {
  slotKey: "invitation-creneau",
  email: DETAILS_IDS.email,
  phone: DETAILS_IDS.phone,
  smsReminders: DETAILS_IDS.smsReminders,
  accessibilityAids: DETAILS_IDS.accessibilityAids,
  accessibilityNeeds: DETAILS_IDS.accessibilityNeeds,
  noticeAccepted: DETAILS_IDS.noticeAccepted,
};
type Field = keyof typeof IDS;

/** The slots by day, in order: « lundi 23 mars » → its slots. */
function byDay(slots: readonly InvitationSlot[]): { day: string; slots: InvitationSlot[] }[] {
  const days: { day: string; slots: InvitationSlot[] }[] = [];
  for (const slot of slots) {
    const day = dateOf(slot.start);
    const last = days.at(-1);
    if (last?.day === day) last.slots.push(slot);
    else days.push({ day, slots: [slot] });
  }
  return days;
}

/** What the slots shown are: the first ones, those from a day on, or none left from that day. */
function pageWords(slots: readonly InvitationSlot[], from: string | undefined): string {
  const first = slots[0];
  const last = slots.at(-1);
  if (!first || !last) return from ? `Plus aucun créneau libre à partir du ${formatDay(from)}.` : "Aucun créneau libre.";
  const [firstDay, lastDay] = [formatDay(dateOf(first.start)), formatDay(dateOf(last.start))];
  const span = firstDay === lastDay ? `le ${firstDay}` : `du ${firstDay} au ${lastDay}`;
  return from ? `Les créneaux libres suivants, ${span}, par jour.` : `Les premiers créneaux libres, ${span}, par jour.`;
}

const MODE_WORDS = { onsite: "sur place", phone: "par téléphone", video: "en visio" } as const;

/** « 10 h 00, sur place — Mission Locale de Lille — Centre ». */
function slotWords(slot: InvitationSlot): string {
  const where = slot.mode === "onsite" && slot.site ? `${MODE_WORDS.onsite} — ${slot.site.name}` : MODE_WORDS[slot.mode];
  return `${formatTime(timeOf(slot.start))}, ${where}`;
}

function OpenInvitation(props: {
  invitation: InvitationView;
  invitationKey: string;
  onBooked: (done: { booking: Booking; invitation: InvitationView; email: string | undefined }) => void;
}) {
  const i = () => props.invitation;
  return (
    <>
      <PageTitle>{`Votre rendez-vous avec ${i().to.name}`}</PageTitle>
      <Notice>
        <p class="notice__title">Bonjour {i().firstName},</p>
        <p>
          {i().from.name} vous oriente vers <strong>{i().to.name}</strong> pour «&nbsp;{i().service.name}&nbsp;». Ce rendez-vous
          est gratuit.
        </p>
        <Show when={i().expiresAt}>{(until) => <p>Choisissez votre créneau avant le {formatParisInstant(until())}.</p>}</Show>
      </Notice>
      <Loadable
        loading="Recherche des créneaux libres…"
        failure="Les créneaux n'ont pas pu être chargés."
        queryKey={getInvitationSlots.key}
      >
        <BookingForm {...props} />
      </Loadable>
    </>
  );
}

function BookingForm(props: {
  invitation: InvitationView;
  invitationKey: string;
  onBooked: (done: { booking: Booking; invitation: InvitationView; email: string | undefined }) => void;
}) {
  // The slots come a page at a time (20 at most, from a day on): `pages` holds the first day
  // asked of each page already seen, to go back; the first page is asked from today.
  const [pages, setPages] = createSignal<(string | undefined)[]>([undefined]);
  const from = () => pages().at(-1);
  const slots = createAsync(() => getInvitationSlots(props.invitationKey, from()));
  // A transition keeps the page shown, and what is typed, while the next slots load.
  const [turning, turn] = useTransition();
  let pageStart: HTMLElement | undefined;
  const book = useAction(bookWithInvitation);
  const [slot, setSlot] = createSignal<string>();
  const [details, setDetails] = createSignal(emptyDetails());
  const [errors, setErrors] = createSignal<Partial<Record<Field, string>>>({});
  const [other, setOther] = createSignal<string[]>([]);
  const [sending, setSending] = createSignal(false);
  const links = createMemo(() =>
    (Object.keys(IDS) as Field[]).flatMap((field) => {
      const message = errors()[field];
      return message ? [{ target: IDS[field], message }] : [];
    }),
  );
  let summary: HTMLElement | undefined;
  let attempt: { request: string; key: string } | undefined;

  function refuse(fields: Partial<Record<Field, string>>, messages: string[] = []) {
    setErrors(fields);
    setOther(messages);
    requestAnimationFrame(() => summary?.focus());
  }

  /** Shows other slots; the focus goes to the line saying which ones, so it is read out. */
  async function turnPage(next: (string | undefined)[]) {
    setSlot(undefined);
    await turn(() => setPages(next));
    pageStart?.focus();
  }

  function laterSlots(list: readonly InvitationSlot[]) {
    const last = list.at(-1);
    if (last) turnPage([...pages(), addDays(dateOf(last.start), 1)]);
  }

  async function submit(event: SubmitEvent) {
    event.preventDefault();
    if (sending()) return;
    const found: Partial<Record<Field, string>> = {
      ...(!slot() && { slotKey: "Choisissez un créneau." }),
      ...checkInvitedDetails(details()),
    };
    if (Object.keys(found).length > 0) return refuse(found);
    const [email, phone] = [details().email.trim(), details().phone.trim()];
    const input = {
      slotKey: slot() ?? "",
      ...(email && { email }),
      ...(phone && { phone }),
      ...(phone && smsInput(details())),
      ...accessibilityInput(details()),
      noticeAccepted: true as const,
    };
    const request = JSON.stringify(input);
    if (attempt?.request !== request) attempt = { request, key: newIdempotencyKey() };
    setSending(true);
    const outcome = await book(props.invitationKey, input, attempt.key);
    setSending(false);
    if (outcome.kind === "done") {
      props.onBooked({ booking: outcome.value, invitation: props.invitation, email: input.email });
      return;
    }
    if (outcome.kind === "taken") {
      setSlot(undefined);
      return refuse({ slotKey: `${outcome.message} Choisissez un autre créneau.` });
    }
    if (outcome.kind === "invalid") {
      const fields: Partial<Record<Field, string>> = {};
      const rest: string[] = [];
      for (const [path, message] of Object.entries(outcome.fields)) {
        if (path in IDS) fields[path as Field] = message;
        else rest.push(message);
      }
      return refuse(fields, rest);
    }
    refuse({}, [outcome.message]);
  }

  return (
    <Show when={slots()}>
      {(list) => (
        <Show
          when={list().length > 0 || pages().length > 1}
          fallback={
            <>
              <h2>Aucun créneau libre pour le moment</h2>
              <StructureContact structure={props.invitation.to} />
            </>
          }
        >
          <form class="invitation__form" onSubmit={submit} novalidate aria-labelledby="invitation-form-title">
            <h2 id="invitation-form-title">Choisir votre rendez-vous</h2>
            <Show when={links().length + other().length > 0}>
              <ErrorSummary
                level={3}
                links={links()}
                messages={other()}
                ref={(element) => {
                  summary = element;
                }}
              />
            </Show>
            <p>Tous les champs sont facultatifs, sauf le créneau et la case sur vos données personnelles.</p>
            <fieldset class="fieldset" aria-describedby={errors().slotKey ? `${IDS.slotKey}-error` : "invitation-slots-hint"}>
              <legend class="fieldset__legend">Créneau</legend>
              <p
                class="field__hint"
                id="invitation-slots-hint"
                tabindex="-1"
                ref={(element) => {
                  pageStart = element;
                }}
              >
                {pageWords(list(), from())}
              </p>
              <FieldError id={IDS.slotKey} error={errors().slotKey} />
              <For each={byDay(list())}>
                {(day, dayIndex) => (
                  <fieldset class="fieldset invitation__day">
                    <legend class="invitation__day-name">{formatDay(day.day)}</legend>
                    <div class="choices choices--compact">
                      <For each={day.slots}>
                        {(choice, index) => {
                          const id = dayIndex() === 0 && index() === 0 ? IDS.slotKey : `${IDS.slotKey}-${choice.key}`;
                          return (
                            <div class="choice">
                              <input
                                id={id}
                                class="choice__input"
                                type="radio"
                                name={IDS.slotKey}
                                value={choice.key}
                                checked={slot() === choice.key}
                                aria-invalid={errors().slotKey ? true : undefined}
                                onChange={() => setSlot(choice.key)}
                              />
                              <label class="choice__label" for={id}>
                                {slotWords(choice)}
                              </label>
                            </div>
                          );
                        }}
                      </For>
                    </div>
                  </fieldset>
                )}
              </For>
              <div class="invitation__pages">
                <Show when={pages().length > 1}>
                  <Button variant="secondary" disabled={turning()} onClick={() => turnPage(pages().slice(0, -1))}>
                    Créneaux précédents
                  </Button>
                </Show>
                <Show when={list().length > 0}>
                  <Button variant="secondary" disabled={turning()} onClick={() => laterSlots(list())}>
                    Créneaux suivants
                  </Button>
                </Show>
              </div>
              <Show when={turning()}>
                <Loading>Recherche des créneaux…</Loading>
              </Show>
            </fieldset>

            <PersonDetailsFields
              ids={DETAILS_IDS}
              details={details()}
              errors={errors()}
              onChange={(change) => setDetails({ ...details(), ...change })}
              level={3}
              invited={{ hasEmail: props.invitation.hasEmail }}
            />
            <Show when={sending()}>
              <Loading>Réservation en cours…</Loading>
            </Show>
            <Button type="submit" disabled={sending()}>
              Réserver ce rendez-vous
            </Button>
          </form>
        </Show>
      )}
    </Show>
  );
}

function Confirmation(props: { booking: Booking; invitation: InvitationView; email: string | undefined }) {
  const mailed = () => Boolean(props.email) || props.invitation.hasEmail;
  return (
    <BookedConfirmation
      booking={props.booking}
      notice={
        <div class="notice" role="status">
          <p class="notice__title">
            Merci {props.invitation.firstName}, votre rendez-vous est réservé pour le {meetingMoment(props.booking.appointment)}.
          </p>
          <p>
            {props.booking.appointment.structure.name} vous attend. {props.invitation.from.name} en est informé.
          </p>
        </div>
      }
      steps={
        <>
          <Show
            when={mailed()}
            fallback={
              <li>
                Vous n'avez pas donné d'adresse électronique&nbsp;: vous ne recevrez ni confirmation ni rappel par courriel. Notez
                la date et l'heure du rendez-vous.
              </li>
            }
          >
            <li>
              Un courriel de confirmation vous est envoyé
              {props.email ? (
                <>
                  {" "}
                  à <strong class="confirmation__email">{props.email}</strong>
                </>
              ) : (
                ""
              )}
              , avec le rendez-vous à ajouter à votre agenda, puis des rappels avant le rendez-vous.
            </li>
          </Show>
          <PrivateLinkStep manageUrl={props.booking.manageUrl} inEmail={false} />
        </>
      }
    />
  );
}
