import { A, createAsync, useAction, useParams } from "@solidjs/router";
import { createSignal, For, Show } from "solid-js";
import { accessibilityWords } from "../../../../../server/domain/accessibility.ts";
import { canBecome, stateOf } from "../../../../../server/domain/appointment-states.ts";
import { Button, ButtonLink } from "../../../components/button.tsx";
import { TextAreaField } from "../../../components/fields.tsx";
import { Notice, Refusal } from "../../../components/notice.tsx";
import { PageTitle } from "../../../components/page-title.tsx";
import { dateOf, formatDayWithYear, formatMoment, formatTime, timeOf } from "../../../lib/dates.ts";
import { capitalize, de } from "../../../lib/french.ts";
import { telHref } from "../../../lib/phone.ts";
import { AdminForm, createAdminForm, createSuccess, SuccessNotice } from "../directory/admin-form.tsx";
import { ConfirmButton } from "../directory/confirm-button.tsx";
import { canManage } from "../roles.ts";
import { useStaffUser } from "../staff-area.tsx";
import {
  type AppointmentDetail,
  type AppointmentOutcome,
  cancelForStructure,
  getAppointment,
  markOutcome,
  saveNotes,
} from "./agenda-api.ts";
import { CALL_TO_TELL, CHANNELS, cancelNotice, fullName, OUTCOMES, ofPerson, placeOf } from "./agenda-words.ts";
import { AppointmentShell } from "./appointment-shell.tsx";
import { FollowUp } from "./follow-up.tsx";
import { MoveAppointment } from "./move-appointment.tsx";
import { SendConfirmation } from "./send-confirmation.tsx";
import "../directory/directory.css";
import "./agenda.css";

/** `/espace/rendez-vous/:id`: one appointment — the person, the meeting, its outcome, notes, cancellation, a follow-up. */
export default function AppointmentPage() {
  const params = useParams();
  const appointment = createAsync(() => getAppointment(params.id ?? ""));
  return (
    <AppointmentShell
      back={{ href: "/espace/agenda", label: "Retour à l'agenda" }}
      loading="Chargement du rendez-vous…"
      failure="Le rendez-vous n'a pas pu être chargé."
      queryKey={getAppointment.key}
      loaded={appointment}
    >
      {(current) => <Appointment appointment={current()} />}
    </AppointmentShell>
  );
}

function Appointment(props: { appointment: AppointmentDetail }) {
  const a = () => props.appointment;
  const user = useStaffUser();
  const booked = () => a().status === "booked";
  return (
    <>
      <PageTitle documentTitle={`Rendez-vous ${ofPerson(a().person)}`}>{`Rendez-vous ${ofPerson(a().person)}`}</PageTitle>
      <Show when={!booked()}>
        <Notice>
          <p class="notice__title">Ce rendez-vous est annulé.</p>
          <Show when={a().cancelReason}>{(reason) => <p>Motif&nbsp;: {reason()}</p>}</Show>
        </Notice>
      </Show>
      <dl class="directory-facts">
        <dt>Date</dt>
        <dd>
          {formatDayWithYear(dateOf(a().start))}, de {formatTime(timeOf(a().start))} à {formatTime(timeOf(a().end))}
        </dd>
        <dt>Service</dt>
        <dd>{a().offering.service.name}</dd>
        <dt>Structure</dt>
        <dd>{a().structure.name}</dd>
        <dt>Lieu</dt>
        <dd>
          {placeOf(a())}
          <Show when={a().mode === "onsite" && a().site}>{(site) => `, ${site().address}`}</Show>
        </dd>
        <dt>Conseiller·ère</dt>
        <dd>{fullName(a().advisor)}</dd>
        <dt>Pris</dt>
        <dd>
          {CHANNELS[a().channel]}
          <Show when={a().bookedBy}>{(by) => `, par ${fullName(by())}`}</Show>
        </dd>
        <Show when={accessibilityWords(a().accessibilityAids, a().accessibilityNeeds)}>
          {(needs) => (
            <>
              <dt>Besoins d'aménagement</dt>
              <dd>{needs()}</dd>
            </>
          )}
        </Show>
        <Show when={a().session}>
          {(session) => (
            <>
              <dt>Session collective</dt>
              <dd>
                <A href={`/espace/sessions/${session()}`}>Voir la session, ses participants et la feuille d'émargement</A>
              </dd>
            </>
          )}
        </Show>
        <Show when={a().followUpOfId}>
          {(id) => (
            <>
              <dt>Suite de</dt>
              <dd>
                <A href={`/espace/rendez-vous/${id()}`}>Rendez-vous précédent</A>
              </dd>
            </>
          )}
        </Show>
      </dl>

      <section class="staff__section" aria-labelledby="person-title">
        <h2 id="person-title">La personne</h2>
        <dl class="directory-facts">
          <dt>Nom</dt>
          <dd>{fullName(a().person)}</dd>
          <dt>Adresse électronique</dt>
          <dd>
            <Show when={a().person.email} fallback="Non communiquée">
              {(email) => <a href={`mailto:${email()}`}>{email()}</a>}
            </Show>
          </dd>
          <dt>Téléphone</dt>
          <dd>
            <Show when={a().person.phone} fallback="Non communiqué">
              {(phone) => <a href={telHref(phone())}>{phone()}</a>}
            </Show>
          </dd>
          <Show when={a().person.notifiedBy === "phone-call"}>
            <dt>Pour la prévenir</dt>
            <dd>
              <strong>{capitalize(CALL_TO_TELL)}</strong>&nbsp;: sans adresse électronique ni numéro de mobile, la personne ne
              reçoit ni courriel ni SMS de ses rendez-vous.
            </dd>
          </Show>
        </dl>
        <Show when={canManage(user(), a().structure.id)}>
          <p>
            <A href={`/espace/personnes/${a().person.id}`}>Exporter ou effacer les données de la personne</A>
          </p>
        </Show>
      </section>

      <Show when={booked()}>
        <OutcomeSection appointment={a()} />
      </Show>
      {/* No notes about an erased person: the server refuses them too. */}
      <Show when={!a().person.anonymisedAt}>
        <NotesSection appointment={a()} />
      </Show>
      <Show when={booked() && !a().outcome}>
        <section class="staff__section" aria-labelledby="confirmation-title">
          <h2 id="confirmation-title">Confirmation</h2>
          <p>
            <ButtonLink variant="secondary" href={`/espace/rendez-vous/${a().id}/confirmation`}>
              Réimprimer la confirmation
            </ButtonLink>
          </p>
          <SendConfirmation appointmentId={a().id} email={a().person.email ?? undefined} />
        </section>
      </Show>
      <Show when={booked() && !a().outcome}>
        <MoveAppointment appointment={a()} />
      </Show>
      <Show when={booked()}>
        <FollowUp appointment={a()} />
      </Show>
      {/* Outcomes are final (domain/appointment-states.ts): a meeting that took place, or whose absence is noted, is not cancelled. */}
      <Show when={canBecome(stateOf(a()), "cancelled")}>
        <CancelSection appointment={a()} />
      </Show>
      <HistorySection appointment={a()} />
    </>
  );
}

const OUTCOME_CHOICES: AppointmentOutcome[] = ["honoured", "no_show", "excused"];

function OutcomeSection(props: { appointment: AppointmentDetail }) {
  const mark = useAction(markOutcome);
  const success = createSuccess();
  const [sending, setSending] = createSignal(false);
  const [refusal, setRefusal] = createSignal<string>();
  async function choose(outcome: AppointmentOutcome) {
    if (sending()) return;
    setSending(true);
    setRefusal(undefined);
    const result = await mark(props.appointment.id, outcome);
    setSending(false);
    if (result.kind === "done") success.say(`Issue enregistrée : ${OUTCOMES[outcome].toLowerCase()}.`);
    else setRefusal(result.message);
  }
  return (
    <section class="staff__section" aria-labelledby="outcome-title">
      <h2 id="outcome-title">Issue du rendez-vous</h2>
      <p id="outcome-hint">
        <Show when={props.appointment.outcome} fallback="Pas encore notée.">
          {(outcome) => (
            <>
              Notée&nbsp;: <strong>{OUTCOMES[outcome()]}</strong>
              {/* JSX, not a string: Show runs its child once, and a correction changes the date. */}
              <Show when={props.appointment.outcomeAt}>{(at) => <> (le {formatMoment(at())})</>}</Show>.
            </>
          )}
        </Show>{" "}
        L'issue se note à partir de l'heure du rendez-vous, pas avant.
      </p>
      <SuccessNotice said={success.said()} />
      <Refusal message={refusal()} />
      <fieldset class="agenda-actions agenda-outcomes" aria-describedby="outcome-hint">
        <legend class="visually-hidden">Noter l'issue</legend>
        <For each={OUTCOME_CHOICES}>
          {(outcome) => (
            <Button
              variant={props.appointment.outcome === outcome ? "primary" : "secondary"}
              aria-pressed={props.appointment.outcome === outcome}
              disabled={sending()}
              onClick={() => choose(outcome)}
            >
              {OUTCOMES[outcome]}
            </Button>
          )}
        </For>
      </fieldset>
    </section>
  );
}

function NotesSection(props: { appointment: AppointmentDetail }) {
  const save = useAction(saveNotes);
  const form = createAdminForm({ notes: "rdv-notes" }, { notes: "Notes privées" });
  const success = createSuccess();
  const [notes, setNotes] = createSignal(props.appointment.notes ?? "");
  async function submit() {
    const done = await form.run({}, () => save(props.appointment.id, notes()));
    if (done !== undefined) success.say("Les notes sont enregistrées.");
  }
  return (
    <section class="staff__section" aria-labelledby="notes-title">
      <h2 id="notes-title">Notes privées</h2>
      <SuccessNotice said={success.said()} />
      <AdminForm form={form} label="Notes privées" submit="Enregistrer les notes" onSubmit={submit}>
        <TextAreaField
          id="rdv-notes"
          label="Notes"
          hint="Visibles des personnels de la structure seulement, jamais de la personne."
          maxlength={4000}
          rows={5}
          value={notes()}
          onInput={(event) => setNotes(event.currentTarget.value)}
          error={form.errors().notes}
        />
      </AdminForm>
    </section>
  );
}

function CancelSection(props: { appointment: AppointmentDetail }) {
  const cancel = useAction(cancelForStructure);
  const [reason, setReason] = createSignal("");
  const [done, setDone] = createSignal(false);
  return (
    <section class="staff__section" aria-labelledby="cancel-title">
      <h2 id="cancel-title">Annuler le rendez-vous</h2>
      <Show when={done()}>
        <Notice>
          <p role="status">Le rendez-vous est annulé.</p>
        </Notice>
      </Show>
      <p>{cancelNotice(props.appointment.person.told)}</p>
      <ConfirmButton
        label="Annuler le rendez-vous"
        title="Annuler ce rendez-vous ?"
        confirm="Confirmer l'annulation"
        dismiss="Garder le rendez-vous"
        fields={
          <TextAreaField
            id="annulation-motif"
            label="Motif"
            hint="Dit à la personne. Par exemple « Conseillère absente »."
            maxlength={500}
            rows={3}
            value={reason()}
            onInput={(event) => setReason(event.currentTarget.value)}
          />
        }
        onConfirm={async () =>
          reason().trim()
            ? cancel(props.appointment.id, reason().trim())
            : { kind: "failed", message: "Saisissez le motif de l'annulation.", disconnected: false }
        }
        onDone={() => setDone(true)}
      >
        Le rendez-vous {de(fullName(props.appointment.person))} du {formatMoment(props.appointment.start)} sera annulé, et le
        créneau libéré.
      </ConfirmButton>
    </section>
  );
}

function HistorySection(props: { appointment: AppointmentDetail }) {
  return (
    <section class="staff__section" aria-labelledby="history-title">
      <h2 id="history-title">Historique avec {props.appointment.structure.name}</h2>
      <Show when={props.appointment.history.length > 0} fallback={<p>Aucun autre rendez-vous avec la structure.</p>}>
        <ul class="directory-list">
          <For each={props.appointment.history}>
            {(past) => (
              <li class="directory-list__item">
                <A href={`/espace/rendez-vous/${past.id}`}>{formatDayWithYear(dateOf(past.start))}</A>
                <span class="directory-list__meta">
                  {past.service}
                  {past.status === "cancelled" ? " — annulé" : past.outcome ? ` — ${OUTCOMES[past.outcome].toLowerCase()}` : ""}
                </span>
              </li>
            )}
          </For>
        </ul>
      </Show>
    </section>
  );
}
