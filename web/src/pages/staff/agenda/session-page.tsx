import { A, createAsync, useAction, useNavigate, useParams } from "@solidjs/router";
import { createMemo, createSignal, For, Show } from "solid-js";
import { Button } from "../../../components/button.tsx";
import { ChoicesField, TextAreaField } from "../../../components/fields.tsx";
import { Loadable, Notice, Refusal } from "../../../components/notice.tsx";
import { PageTitle } from "../../../components/page-title.tsx";
import { dateOf, formatDayWithYear, formatMoment, formatTime, timeOf } from "../../../lib/dates.ts";
import { de } from "../../../lib/french.ts";
import { telHref } from "../../../lib/phone.ts";
import { createSuccess, SuccessNotice } from "../directory/admin-form.tsx";
import { ConfirmButton } from "../directory/confirm-button.tsx";
import { BackLink } from "../directory/directory-area.tsx";
import type { AppointmentOutcome } from "./agenda-api.ts";
import { CALL_TO_TELL, CHANNELS, fullName, OUTCOMES, placeOf } from "./agenda-words.ts";
import { AreaGuard } from "./area-guard.tsx";
import {
  cancelSession,
  getSession,
  getSessionSlots,
  moveSession,
  recordAttendance,
  type Session,
  type SessionParticipant,
  type SessionSlot,
} from "./session-api.ts";
import { SlotChoices } from "./slot-booking.tsx";
import "../directory/directory.css";
import "./agenda.css";
import "./session.css";

/**
 * `/espace/sessions/:key`: a collective session as one thing — when, where, its seats, its
 * participants and their attendance, its attendance sheet on paper, and cancelling or moving it whole.
 */
export default function SessionPage() {
  const params = useParams();
  return (
    <AreaGuard area="agenda" refusal="Les sessions collectives se consultent depuis l'agenda des conseillers et de l'accueil.">
      <div class="staff">
        <BackLink href="/espace/agenda">Retour à l'agenda</BackLink>
        <Loadable loading="Chargement de la session…" failure="La session n'a pas pu être chargée." queryKey={getSession.key}>
          <SessionView sessionKey={params.key ?? ""} />
        </Loadable>
      </div>
    </AreaGuard>
  );
}

function SessionView(props: { sessionKey: string }) {
  const session = createAsync(() => getSession(props.sessionKey));
  return (
    <Show when={session() !== undefined}>
      <Show
        when={session()}
        fallback={
          <>
            <PageTitle>Session introuvable</PageTitle>
            <Notice>
              <p>Cette session n'existe pas, a été déplacée, ou n'est ni la vôtre ni celle d'une structure où vous travaillez.</p>
            </Notice>
          </>
        }
      >
        {(current) => <SessionDetails session={current()} />}
      </Show>
    </Show>
  );
}

/** « mardi 27 octobre 2026, de 14 h 00 à 16 h 00 ». */
const when = (s: Session) =>
  `${formatDayWithYear(dateOf(s.start))}, de ${formatTime(timeOf(s.start))} à ${formatTime(timeOf(s.end))}`;
const where = (s: Session) => `${placeOf(s)}${s.mode === "onsite" && s.site ? `, ${s.site.address}` : ""}`;
const plural = (n: number, one: string, many: string) => `${n} ${n > 1 ? many : one}`;

function SessionDetails(props: { session: Session }) {
  const s = () => props.session;
  const booked = createMemo(() => s().participants.filter((p) => p.status === "booked"));
  const cancelledSeats = createMemo(() => s().participants.filter((p) => p.status === "cancelled"));
  const attended = () => booked().some((p) => p.outcome !== null);
  const title = () => `Session « ${s().service.name} » du ${formatDayWithYear(dateOf(s().start))}`;
  return (
    <>
      <div class="no-print">
        <PageTitle>{title()}</PageTitle>
        <Show when={s().cancelled}>
          <Notice>
            <p class="notice__title">Cette session est annulée : elle n'a plus d'inscrit.</p>
          </Notice>
        </Show>
        <dl class="directory-facts">
          <dt>Date</dt>
          <dd>{when(s())}</dd>
          <dt>Service</dt>
          <dd>{s().service.name}</dd>
          <dt>Structure</dt>
          <dd>{s().structure.name}</dd>
          <dt>Lieu</dt>
          <dd>{where(s())}</dd>
          <dt>Conseiller·ère</dt>
          <dd>{fullName(s().advisor)}</dd>
          <dt>Places</dt>
          <dd>
            {plural(s().seatsTaken, "prise", "prises")} sur {s().seats}, {plural(s().seatsLeft, "libre", "libres")}
          </dd>
        </dl>
        <Show when={booked().length > 0}>
          <p>
            <Button variant="secondary" onClick={() => window.print()}>
              Imprimer la feuille d'émargement
            </Button>
          </p>
        </Show>

        <section class="staff__section" aria-labelledby="participants-title">
          <h2 id="participants-title">Participants</h2>
          <Show when={booked().length > 0} fallback={<p>Aucun inscrit.</p>}>
            <Show
              when={s().started}
              fallback={<p>La présence de chacun se note à partir de l'heure de la session, sur cette page.</p>}
            >
              <AttendanceForm session={s()} participants={booked()} />
            </Show>
            <Show when={!s().started}>
              <ParticipantList participants={booked()} />
            </Show>
          </Show>
          <Show when={cancelledSeats().length > 0}>
            <h3>Inscriptions annulées</h3>
            <ParticipantList participants={cancelledSeats()} />
          </Show>
        </section>

        <Show when={!s().cancelled && !s().started}>
          <MoveSection session={s()} />
        </Show>
        <Show when={!s().cancelled && !attended()}>
          <CancelSection session={s()} participants={booked()} />
        </Show>
      </div>
      <AttendanceSheet session={s()} participants={booked()} />
    </>
  );
}

/** Who a participant is, how to reach them and how they booked. */
function ParticipantFacts(props: { participant: SessionParticipant }) {
  const p = () => props.participant;
  return (
    <>
      <A href={`/espace/rendez-vous/${p().appointmentId}`} class="session-participant__name">
        {fullName(p().person)}
      </A>
      <span class="directory-list__meta">
        <Show when={p().person.email}>{(email) => <a href={`mailto:${email()}`}>{email()}</a>}</Show>
        <Show when={p().person.email && p().person.phone}> · </Show>
        <Show when={p().person.phone}>{(phone) => <a href={telHref(phone())}>{phone()}</a>}</Show>
        <Show when={p().person.notifiedBy === "phone-call"}> ({CALL_TO_TELL})</Show>
      </span>
      <span class="directory-list__meta">
        {CHANNELS[p().channel]}
        <Show when={p().bookedBy}>{(by) => `, par ${fullName(by())}`}</Show>
      </span>
    </>
  );
}

function ParticipantList(props: { participants: SessionParticipant[] }) {
  return (
    <ul class="directory-list">
      <For each={props.participants}>
        {(p) => (
          <li class="directory-list__item session-participant">
            <ParticipantFacts participant={p} />
          </li>
        )}
      </For>
    </ul>
  );
}

const OUTCOME_CHOICES: AppointmentOutcome[] = ["honoured", "no_show", "excused"];

/** One radio group per participant; only the lines changed are sent, each recorded as an appointment's outcome. */
function AttendanceForm(props: { session: Session; participants: SessionParticipant[] }) {
  const record = useAction(recordAttendance);
  const success = createSuccess();
  const [chosen, setChosen] = createSignal<Record<string, AppointmentOutcome>>({});
  const [sending, setSending] = createSignal(false);
  const [refusal, setRefusal] = createSignal<string>();
  const choiceOf = (p: SessionParticipant) => chosen()[p.appointmentId] ?? p.outcome;
  async function submit(event: SubmitEvent) {
    event.preventDefault();
    if (sending()) return;
    const lines = props.participants.flatMap((p) => {
      const outcome = chosen()[p.appointmentId];
      return outcome && outcome !== p.outcome ? [{ appointmentId: p.appointmentId, outcome }] : [];
    });
    if (lines.length === 0) {
      setRefusal("Cochez la présence d'au moins un participant.");
      return;
    }
    setSending(true);
    setRefusal(undefined);
    const result = await record(props.session.key, lines);
    setSending(false);
    if (result.kind === "done") {
      setChosen({});
      success.say(`Présences enregistrées (${plural(lines.length, "participant", "participants")}).`);
    } else setRefusal(result.message);
  }
  return (
    <form class="session-attendance" onSubmit={submit} aria-labelledby="participants-title" novalidate>
      <p id="attendance-hint">Notez pour chacun : honoré (présent·e), absent·e ou excusé·e.</p>
      <SuccessNotice said={success.said()} />
      <Refusal message={refusal()} />
      <ul class="directory-list">
        <For each={props.participants}>
          {(p) => (
            <li class="directory-list__item session-participant">
              <ParticipantFacts participant={p} />
              <ChoicesField
                id={`presence-${p.appointmentId}`}
                legend={`Présence ${de(fullName(p.person))}`}
                type="radio"
                options={OUTCOME_CHOICES.map((value) => ({ value, label: OUTCOMES[value] }))}
                selected={choiceOf(p) ? [choiceOf(p) as AppointmentOutcome] : []}
                onChange={([value]) => value && setChosen({ ...chosen(), [p.appointmentId]: value })}
              />
            </li>
          )}
        </For>
      </ul>
      <Button type="submit" disabled={sending()}>
        Enregistrer les présences
      </Button>
    </form>
  );
}

/** Participants who get neither e-mail nor SMS: staff must call them. */
function ToCall(props: { participants: SessionParticipant[] }) {
  const toCall = () => props.participants.filter((p) => p.person.told.length === 0);
  return (
    <Show
      when={toCall().length > 0}
      fallback={<p>Chaque participant est prévenu par courriel (avec le calendrier mis à jour) ou par SMS.</p>}
    >
      <p>Les autres sont prévenus par courriel ou SMS ; ne reçoivent ni l'un ni l'autre, à prévenir par téléphone&nbsp;:</p>
      <ul>
        <For each={toCall()}>
          {(p) => (
            <li>
              {fullName(p.person)}
              <Show when={p.person.phone}>{(phone) => <>, {phone()}</>}</Show>
            </li>
          )}
        </For>
      </ul>
    </Show>
  );
}

function MoveSection(props: { session: Session }) {
  const move = useAction(moveSession);
  const navigate = useNavigate();
  const [slot, setSlot] = createSignal<SessionSlot>();
  let movedTo = "";
  const participants = () => props.session.participants.filter((p) => p.status === "booked");
  return (
    <section class="staff__section" aria-labelledby="move-title">
      <h2 id="move-title">Déplacer la session</h2>
      <p>
        Toutes les inscriptions vont au nouveau créneau, ou aucune. Les créneaux proposés sont ceux de{" "}
        {fullName(props.session.advisor)} où il reste assez de places pour les{" "}
        {plural(participants().length, "inscrit", "inscrits")}.
      </p>
      <SlotChoices<SessionSlot>
        id="session-nouveau-creneau"
        legend="Nouveau créneau"
        load={(from) => getSessionSlots(props.session.key, from)}
        empty="Aucun créneau libre du conseiller pour toute la session dans les huit semaines."
        selected={slot()?.key}
        onSelect={setSlot}
      />
      <ConfirmButton
        label="Déplacer la session"
        title="Déplacer toute la session ?"
        confirm="Confirmer le déplacement"
        dismiss="Garder la date"
        onConfirm={async () => {
          const chosen = slot();
          if (!chosen) return { kind: "failed", message: "Choisissez le nouveau créneau.", disconnected: false };
          const result = await move(props.session.key, chosen.key);
          if (result.kind === "done") movedTo = result.value.key;
          return result;
        }}
        onDone={() => navigate(`/espace/sessions/${movedTo}`)}
        fields={<ToCall participants={participants()} />}
      >
        La session du {formatMoment(props.session.start)} aura lieu{" "}
        {slot() ? `le ${formatMoment(slot()?.start ?? "")}` : "au créneau choisi"}.
      </ConfirmButton>
    </section>
  );
}

function CancelSection(props: { session: Session; participants: SessionParticipant[] }) {
  const cancel = useAction(cancelSession);
  const [reason, setReason] = createSignal("");
  const [done, setDone] = createSignal(false);
  return (
    <section class="staff__section" aria-labelledby="cancel-title">
      <h2 id="cancel-title">Annuler la session</h2>
      <Show when={done()}>
        <Notice>
          <p role="status">La session est annulée.</p>
        </Notice>
      </Show>
      <ConfirmButton
        label="Annuler la session"
        title="Annuler toute la session ?"
        confirm="Confirmer l'annulation"
        dismiss="Garder la session"
        fields={
          <>
            <ToCall participants={props.participants} />
            <TextAreaField
              id="session-annulation-motif"
              label="Motif"
              hint="Dit à chaque participant. Par exemple « Salle indisponible »."
              maxlength={500}
              rows={3}
              value={reason()}
              onInput={(event) => setReason(event.currentTarget.value)}
            />
          </>
        }
        onConfirm={async () =>
          reason().trim()
            ? cancel(props.session.key, reason().trim())
            : { kind: "failed", message: "Saisissez le motif de l'annulation.", disconnected: false }
        }
        onDone={() => setDone(true)}
      >
        {props.participants.length > 1 ? `Les ${props.participants.length} inscriptions` : "L'inscription"} de la session du{" "}
        {formatMoment(props.session.start)} {props.participants.length > 1 ? "seront annulées" : "sera annulée"}.
      </ConfirmButton>
    </section>
  );
}

/** The « feuille d'émargement »: on paper only, each participant with room to sign. */
function AttendanceSheet(props: { session: Session; participants: SessionParticipant[] }) {
  return (
    <section class="emargement" aria-labelledby="emargement-title">
      <h2 id="emargement-title">Feuille d'émargement</h2>
      <p class="emargement__what">
        {props.session.service.name} — {props.session.structure.name}
      </p>
      <p>
        {when(props.session)} — {where(props.session)}
      </p>
      <p>Animée par {fullName(props.session.advisor)}</p>
      <table class="emargement__table">
        <caption>{plural(props.participants.length, "participant inscrit", "participants inscrits")}</caption>
        <thead>
          <tr>
            <th scope="col">Nom</th>
            <th scope="col">Prénom</th>
            <th scope="col">Signature</th>
          </tr>
        </thead>
        <tbody>
          <For each={props.participants}>
            {(p) => (
              <tr>
                <td>{p.person.lastName}</td>
                <td>{p.person.firstName}</td>
                <td class="emargement__signature" />
              </tr>
            )}
          </For>
        </tbody>
      </table>
      <p class="emargement__advisor">Signature de l'animateur ou de l'animatrice&nbsp;:</p>
    </section>
  );
}
