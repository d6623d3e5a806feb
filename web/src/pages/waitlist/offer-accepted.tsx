import { Show } from "solid-js";
import { Notice } from "../../components/notice.tsx";
import { PageTitle } from "../../components/page-title.tsx";
import { BookedConfirmation, PrivateLinkStep } from "../booking/confirmation-page.tsx";
import { appointmentMeeting, MeetingDetails, meetingMoment, StructureContact } from "../booking/meeting-details.tsx";
import type { Accepted } from "./waitlist-api.ts";

/**
 * The slot taken: the booking's confirmation, saying the meeting moved (`moved`) or was booked;
 * without a private link to give (it could not be recovered), the meeting and whom to ask.
 */
export function OfferAccepted(props: { answer: Accepted; moved: boolean }) {
  const notice = () => (
    <Notice>
      <p class="notice__title">
        C'est fait&nbsp;: votre rendez-vous {props.moved ? "est avancé au" : "est pris pour le"}{" "}
        {meetingMoment(props.answer.appointment)}.
      </p>
      <p>
        {props.moved ? "L'ancien créneau est libéré pour quelqu'un d'autre. " : ""}Une confirmation vous est envoyée, et vous
        quittez la liste d'attente.
      </p>
    </Notice>
  );
  return (
    <Show
      when={props.answer.manageUrl}
      fallback={
        <div class="confirmation">
          <PageTitle>Rendez-vous confirmé</PageTitle>
          {notice()}
          <section class="confirmation__section" aria-labelledby="booked-title">
            <h2 id="booked-title">Votre rendez-vous</h2>
            <MeetingDetails meeting={appointmentMeeting(props.answer.appointment)} />
          </section>
          <section class="confirmation__section" aria-labelledby="contact-title">
            <h2 id="contact-title">Une question&nbsp;?</h2>
            <StructureContact structure={props.answer.appointment.structure} />
          </section>
        </div>
      }
    >
      {(manageUrl) => (
        <BookedConfirmation
          booking={{ appointment: props.answer.appointment, manageUrl: manageUrl() }}
          notice={notice()}
          steps={
            <>
              <PrivateLinkStep manageUrl={manageUrl()} inEmail={true} />
              <li>Si vous ne pouvez pas venir, annulez&nbsp;: le créneau sera proposé à quelqu'un d'autre.</li>
            </>
          }
        />
      )}
    </Show>
  );
}
