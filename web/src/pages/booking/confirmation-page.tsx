import { useLocation } from "@solidjs/router";
import { createMemo, type JSX, onMount, Show } from "solid-js";
import { Notice } from "../../components/notice.tsx";
import { PageTitle } from "../../components/page-title.tsx";
import type { Booking } from "../../lib/api.ts";
import { clearDraft } from "./booking-draft.ts";
import { bookingHref } from "./booking-href.ts";
import { AddToCalendar, PrintButton, PrivateLink } from "./keep-appointment.tsx";
import { appointmentMeeting, MeetingDetails, meetingMoment, StructureContact } from "./meeting-details.tsx";
import "./booking.css";
import { PAGES } from "../../page-paths.ts";

export const CONFIRMATION_PATH = PAGES.confirmation;

/**
 * What the booking left for this page, in the history entry (`history.state`): a reload or a
 * Back and Forward show it again, nothing else keeps it. The private link is the only way to
 * the appointment for a person without e-mail, so it must survive a reload.
 */
export interface ConfirmationState {
  booking: Booking;
  person: {
    firstName: string;
    lastName: string;
    email?: string | undefined;
    phone?: string | undefined;
    /** Where the SMS go, when the person kept « Recevoir les rappels par SMS ». */
    sms?: { number: string; maybe: boolean } | undefined;
  };
}

function isConfirmation(state: unknown): state is ConfirmationState {
  const candidate = state as Partial<ConfirmationState> | null | undefined;
  return typeof candidate?.booking?.manageUrl === "string" && typeof candidate.booking.appointment?.start === "string";
}

/** « Rendez-vous confirmé »: what was booked, what happens next, and the private link. */
export function ConfirmationPage() {
  const location = useLocation();
  const confirmation = createMemo(() => (isConfirmation(location.state) ? location.state : undefined));
  // The details typed in step 3 are no longer needed anywhere else.
  onMount(clearDraft);

  return (
    <Show
      when={confirmation()}
      fallback={
        <div class="prose">
          <PageTitle>Aucune réservation à afficher</PageTitle>
          <p>
            Cette page montre la confirmation d'un rendez-vous juste après sa réservation. Pour retrouver un rendez-vous, ouvrez
            le lien personnel reçu par courriel.
          </p>
          <p>
            <a href={bookingHref()}>Prendre rendez-vous</a>
          </p>
        </div>
      }
    >
      {(current) => <Confirmation confirmation={current()} />}
    </Show>
  );
}

function Confirmation(props: { confirmation: ConfirmationState }) {
  const appointment = createMemo(() => props.confirmation.booking.appointment);
  const person = createMemo(() => props.confirmation.person);
  const sms = () => {
    const to = person().sms;
    return to && `au ${to.number}${to.maybe ? ", si c'est un mobile" : ""}`;
  };

  return (
    <BookedConfirmation
      booking={props.confirmation.booking}
      notice={
        <Notice>
          <p class="notice__title">
            Merci {person().firstName}, votre rendez-vous est réservé pour le {meetingMoment(appointment())}.
          </p>
          <p>{appointment().structure.name} vous attend. Ce rendez-vous est gratuit.</p>
        </Notice>
      }
      steps={
        <>
          <Show
            when={person().email}
            fallback={
              <Show
                when={sms()}
                fallback={
                  <li>
                    Vous n'avez pas donné d'adresse électronique&nbsp;: vous ne recevrez ni courriel de confirmation ni rappel.
                    Notez la date et l'heure du rendez-vous.
                  </li>
                }
              >
                {(to) => (
                  <li>
                    Une confirmation vous est envoyée par SMS {to()}, puis un rappel 48&nbsp;heures avant le rendez-vous et un
                    autre 3&nbsp;heures avant.
                  </li>
                )}
              </Show>
            }
          >
            {(email) => (
              <>
                <li>
                  Un courriel de confirmation est envoyé à <strong class="confirmation__email">{email()}</strong>, avec le
                  rendez-vous à ajouter à votre agenda.
                </li>
                <li>
                  Un rappel vous est envoyé par courriel 48&nbsp;heures avant le rendez-vous, puis un autre 3&nbsp;heures avant
                  {sms() ? `, et par SMS ${sms()}` : ""}.
                </li>
              </>
            )}
          </Show>
          <PrivateLinkStep manageUrl={props.confirmation.booking.manageUrl} inEmail={Boolean(person().email)} />
          <li>Si vous ne pouvez pas venir, annulez&nbsp;: le créneau sera proposé à quelqu'un d'autre.</li>
        </>
      }
    />
  );
}

/**
 * « Rendez-vous confirmé », booked online or from an invitation: `notice` says what was booked;
 * then the meeting, to print or add to an agenda, what happens next (`steps`, the private link
 * among them), and whom to ask.
 */
export function BookedConfirmation(props: { booking: Booking; notice: JSX.Element; steps: JSX.Element }) {
  const appointment = createMemo(() => props.booking.appointment);
  return (
    <div class="confirmation">
      <PageTitle>Rendez-vous confirmé</PageTitle>
      {props.notice}

      <section class="confirmation__section" aria-labelledby="booked-title">
        <h2 id="booked-title">Votre rendez-vous</h2>
        <MeetingDetails meeting={appointmentMeeting(appointment())} />
        <p class="no-print">
          <PrintButton />
        </p>
        <AddToCalendar appointment={appointment()} manageUrl={props.booking.manageUrl} />
      </section>

      <section class="confirmation__section" aria-labelledby="next-title">
        <h2 id="next-title">Ce qui va se passer ensuite</h2>
        <ol class="next-steps">{props.steps}</ol>
      </section>

      <section class="confirmation__section" aria-labelledby="contact-title">
        <h2 id="contact-title">Une question&nbsp;?</h2>
        <StructureContact structure={appointment().structure} />
      </section>
    </div>
  );
}

/** The step that gives the private link, to move or cancel; `inEmail`: the e-mail sent has it too. */
export function PrivateLinkStep(props: { manageUrl: string; inEmail: boolean }) {
  return (
    <li>
      Pour déplacer ou annuler ce rendez-vous, utilisez votre lien personnel&nbsp;:
      <PrivateLink manageUrl={props.manageUrl} />
      Gardez-le{props.inEmail ? " (il figure aussi dans le courriel)" : ""} et ne le partagez pas&nbsp;: il donne accès à votre
      rendez-vous.
    </li>
  );
}
