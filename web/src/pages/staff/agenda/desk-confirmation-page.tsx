import { useLocation, useNavigate } from "@solidjs/router";
import { createMemo, Show } from "solid-js";
import { Button, ButtonLink } from "../../../components/button.tsx";
import { Notice } from "../../../components/notice.tsx";
import { PageTitle } from "../../../components/page-title.tsx";
import { meetingMoment } from "../../booking/meeting-details.tsx";
import { BackLink } from "../directory/directory-area.tsx";
import type { DeskBooking } from "./agenda-api.ts";
import { PrintedConfirmation } from "./printed-confirmation.tsx";
import { SendConfirmation } from "./send-confirmation.tsx";
import "../../booking/booking.css";
import "./agenda.css";
import { PAGES } from "../../../page-paths.ts";

export const DESK_CONFIRMATION_PATH = PAGES.deskConfirmation;

/** What the desk leaves for this page, in the history entry: a reload shows it again, nothing else keeps it. */
export interface DeskConfirmation {
  booking: DeskBooking;
  person: { firstName: string; lastName: string };
  /** Where the confirmation was e-mailed, if it was. */
  sentTo?: string | undefined;
}

function isDeskConfirmation(state: unknown): state is DeskConfirmation {
  const candidate = state as Partial<DeskConfirmation> | null | undefined;
  return (
    typeof candidate?.booking?.manageUrl === "string" &&
    typeof candidate.booking.appointment?.start === "string" &&
    typeof candidate.booking.advisor?.lastName === "string"
  );
}

/** After a booking at the desk: the confirmation to print and hand over, and whether an e-mail went. */
export default function DeskConfirmationPage() {
  const location = useLocation();
  const confirmation = createMemo(() => (isDeskConfirmation(location.state) ? location.state : undefined));
  return (
    <div class="staff">
      <BackLink href="/espace/accueil">Retour à l'accueil</BackLink>
      <Show
        when={confirmation()}
        fallback={
          <>
            <PageTitle>Aucune réservation à afficher</PageTitle>
            <p>Cette page montre la confirmation d'un rendez-vous juste après sa réservation à l'accueil.</p>
          </>
        }
      >
        {(current) => <Confirmation confirmation={current()} />}
      </Show>
    </div>
  );
}

function Confirmation(props: { confirmation: DeskConfirmation }) {
  const navigate = useNavigate();
  const location = useLocation();
  const appointment = () => props.confirmation.booking.appointment;
  const person = () => props.confirmation.person;
  const token = () => props.confirmation.booking.manageUrl.split("/rdv/")[1];
  return (
    <>
      <PageTitle>Rendez-vous réservé</PageTitle>
      {/* For the desk: the printed page speaks to the person. */}
      <div class="no-print">
        <Notice>
          <p class="notice__title">
            {person().firstName} {person().lastName} a rendez-vous le {meetingMoment(appointment())}.
          </p>
          <Show
            when={props.confirmation.sentTo}
            fallback={
              <p>
                Aucun courriel n'est envoyé&nbsp;: la personne n'a pas donné d'adresse électronique. Imprimez cette confirmation
                et remettez-la-lui, ou envoyez-la à l'adresse qu'elle vous donne.
              </p>
            }
          >
            {(email) => <p>Un courriel de confirmation est envoyé à {email()}.</p>}
          </Show>
        </Notice>
      </div>
      <div class="agenda-actions no-print">
        <Button onClick={() => window.print()}>Imprimer la confirmation</Button>
        <ButtonLink variant="secondary" href="/espace/accueil">
          Nouveau rendez-vous
        </ButtonLink>
      </div>
      <section class="staff__section no-print" aria-labelledby="desk-mail-title">
        <h2 id="desk-mail-title">{props.confirmation.sentTo ? "Renvoyer par courriel" : "Envoyer par courriel"}</h2>
        <SendConfirmation
          appointmentId={appointment().id}
          email={props.confirmation.sentTo}
          manageToken={token()}
          // Kept in the history entry: a reload still says where it went.
          onSent={(sent) => navigate(location.pathname, { replace: true, state: { ...props.confirmation, sentTo: sent.sentTo } })}
        />
      </section>
      <PrintedConfirmation
        appointment={appointment()}
        person={person()}
        advisor={props.confirmation.booking.advisor}
        manageUrl={props.confirmation.booking.manageUrl}
      />
    </>
  );
}
