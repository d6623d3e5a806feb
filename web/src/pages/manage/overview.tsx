import { query, revalidate } from "@solidjs/router";
import { createMemo, createSignal, Show } from "solid-js";
import { ButtonLink } from "../../components/button.tsx";
import { type Appointment, getManagedAppointment, type ManagedAppointment } from "../../lib/api.ts";
import { manageHref } from "../../lib/private-link.ts";
import { AddToCalendar, PrintButton, PrivateLink } from "../booking/keep-appointment.tsx";
import { appointmentMeeting, MeetingDetails, meetingMoment, StructureContact } from "../booking/meeting-details.tsx";
import { CancelDialog } from "./cancel-dialog.tsx";
import { ContactDialog } from "./contact-dialog.tsx";
import { manageStateHref, toldWords } from "./manage-href.ts";
import type { Arrive } from "./move-view.tsx";
import { WaitlistSection } from "./waitlist-section.tsx";

// The private link's first view: the appointment, what can be done with it, the person's
// contact. Its own chunk, with the dialogs and their primitives, which the move's views do not
// load (manage-page.tsx).

/** The appointment, the ways to change it, and the person's contact. */
export default function Overview(props: {
  token: string;
  managed: ManagedAppointment;
  moved: boolean;
  arrive: Arrive;
  onCancelled: (appointment: Appointment) => void;
}) {
  const appointment = createMemo(() => props.managed.appointment);
  const meeting = createMemo(() => appointmentMeeting(appointment()));
  // This page's own address, as the booking gave it: the link to keep.
  const manageUrl = createMemo(() => new URL(manageHref(props.token), location.href).href);
  return (
    <>
      <Show when={props.moved}>
        <div class="notice manage__done">
          <h2 class="notice__title" tabindex="-1" ref={props.arrive}>
            Votre rendez-vous est déplacé
          </h2>
          <p>
            Il a lieu désormais le {meetingMoment(appointment())}. {toldWords(props.managed.person)}
            {props.managed.person.email ? " Le courriel porte le rendez-vous mis à jour pour votre agenda." : ""}
          </p>
        </div>
      </Show>
      <p class="lead">
        Bonjour {props.managed.person.firstName} {props.managed.person.lastName}, voici votre rendez-vous.
      </p>
      <section class="manage__section" aria-labelledby="appointment-title">
        <h2 id="appointment-title" tabindex="-1" ref={(heading) => !props.moved && props.arrive(heading)}>
          Le rendez-vous
        </h2>
        <MeetingDetails meeting={meeting()} />
        <p class="no-print">
          <PrintButton />
        </p>
        <AddToCalendar appointment={appointment()} manageUrl={manageUrl()} />
      </section>
      <section class="manage__section" aria-labelledby="actions-title">
        <h2 id="actions-title">Que souhaitez-vous faire&nbsp;?</h2>
        {/* biome-ignore lint/a11y/noRedundantRoles: Safari drops the list semantics of a <ul> without list-style outside <nav>. */}
        <ul class="manage__actions" role="list">
          <li>
            <ButtonLink variant="secondary" href={manageStateHref(props.token, { view: "deplacer" })}>
              Déplacer le rendez-vous
            </ButtonLink>
          </li>
          <li>
            <CancelDialog token={props.token} appointment={appointment()} onCancelled={props.onCancelled} />
          </li>
        </ul>
        <p>Si vous ne pouvez pas venir, annulez le rendez-vous&nbsp;: le créneau sera proposé à quelqu'un d'autre.</p>
        <p>
          Gardez ce lien personnel et ne le partagez pas&nbsp;: il donne accès à votre rendez-vous.
          <PrivateLink manageUrl={manageUrl()} />
        </p>
      </section>
      <WaitlistSection token={props.token} managed={props.managed} />
      <PersonContact token={props.token} managed={props.managed} />
      <section class="manage__section" aria-labelledby="contact-title">
        <h2 id="contact-title">Une question&nbsp;?</h2>
        <StructureContact structure={appointment().structure} />
      </section>
    </>
  );
}

/** The person's own contact, where their messages go, and the way to change it. */
function PersonContact(props: { token: string; managed: ManagedAppointment }) {
  const person = createMemo(() => props.managed.person);
  const [saved, setSaved] = createSignal("");
  return (
    <section class="manage__section" aria-labelledby="person-title">
      <h2 id="person-title">Vos coordonnées</h2>
      <dl class="summary__list manage__person">
        <div class="summary__item">
          <dt>Adresse électronique</dt>
          <dd>{person().email ?? "Non renseignée"}</dd>
        </div>
        <div class="summary__item">
          <dt>Téléphone</dt>
          <dd>{person().phone ?? "Non renseigné"}</dd>
        </div>
      </dl>
      <Show
        when={person().smsTo}
        fallback={
          <Show when={person().phone}>
            <p>Pas de rappel par SMS.</p>
          </Show>
        }
      >
        {(to) => <p>Rappels par SMS au {to()}.</p>}
      </Show>
      <ContactDialog
        token={props.token}
        person={person()}
        onSaved={(answer) => {
          // The page shows the contact as the server kept it; the cache holds it so.
          const key = getManagedAppointment.keyFor(props.token);
          query.set(key, { ...props.managed, person: answer.person });
          void revalidate(key, false);
          // Said once the focus is back on the button; emptied first, so that the same words are said again.
          setSaved("");
          requestAnimationFrame(() =>
            setSaved(
              answer.changed.length > 0
                ? `Vos coordonnées sont enregistrées : les prochains messages y seront envoyés.${answer.person.smsTo ? "" : " Pas de rappel par SMS."}`
                : "Vos coordonnées n'ont pas changé.",
            ),
          );
        }}
      />
      <div aria-live="polite">
        <Show when={saved()}>{(words) => <p class="notice">{words()}</p>}</Show>
      </div>
    </section>
  );
}
