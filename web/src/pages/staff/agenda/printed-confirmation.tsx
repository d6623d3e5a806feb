import { Show } from "solid-js";
import type { Appointment } from "../../../lib/api.ts";
import { appointmentMeeting, MeetingDetails, StructureContact } from "../../booking/meeting-details.tsx";
import { fullName } from "./agenda-words.ts";
import "../../booking/booking.css";
import "./agenda.css";

/**
 * The sheet handed to the person: their meeting, with whom, whom to ask, and their private link
 * when it is known (right after the booking, or while their reminders hold it); else how to
 * reach the structure to move or cancel. What is on screen around it is marked `no-print`.
 */
export function PrintedConfirmation(props: {
  appointment: Appointment;
  person: { firstName: string; lastName: string };
  advisor: { firstName: string; lastName: string };
  manageUrl: string | null;
}) {
  return (
    <section class="desk-print" aria-labelledby="print-title">
      <h2 id="print-title">Votre rendez-vous, {fullName(props.person)}</h2>
      <MeetingDetails meeting={appointmentMeeting(props.appointment)} />
      <p>Avec {fullName(props.advisor)}.</p>
      <h3>Une question&nbsp;?</h3>
      <StructureContact structure={props.appointment.structure} />
      <h3>Déplacer ou annuler</h3>
      <Show
        when={props.manageUrl}
        fallback={<p>Prévenez {props.appointment.structure.name}, qui le déplacera ou l'annulera pour vous.</p>}
      >
        {(url) => (
          <p>
            Avec votre lien personnel, à garder pour vous&nbsp;:
            <br />
            <span class="confirmation__link">{url()}</span>
          </p>
        )}
      </Show>
    </section>
  );
}
