import { createAsync, useParams } from "@solidjs/router";
import { Show } from "solid-js";
import { Button } from "../../../components/button.tsx";
import { Notice } from "../../../components/notice.tsx";
import { PageTitle } from "../../../components/page-title.tsx";
import { meetingMoment } from "../../booking/meeting-details.tsx";
import { getPrintableConfirmation, type PrintableConfirmation } from "./agenda-api.ts";
import { fullName, ofPerson } from "./agenda-words.ts";
import { AppointmentShell } from "./appointment-shell.tsx";
import { PrintedConfirmation } from "./printed-confirmation.tsx";

/** `/espace/rendez-vous/:id/confirmation`: the confirmation printed again, at any time, as the server tells it. */
export default function AppointmentConfirmationPage() {
  const params = useParams();
  const printable = createAsync(() => getPrintableConfirmation(params.id ?? ""));
  return (
    <AppointmentShell
      back={{ href: `/espace/rendez-vous/${params.id ?? ""}`, label: "Retour au rendez-vous" }}
      loading="Chargement de la confirmation…"
      failure="La confirmation n'a pas pu être chargée."
      queryKey={getPrintableConfirmation.key}
      loaded={printable}
    >
      {(current) => <Sheet confirmation={current()} />}
    </AppointmentShell>
  );
}

function Sheet(props: { confirmation: PrintableConfirmation }) {
  const c = () => props.confirmation;
  return (
    <>
      <PageTitle>{`Confirmation du rendez-vous ${ofPerson(c().person)}`}</PageTitle>
      <div class="no-print">
        <Notice>
          <p class="notice__title">
            {fullName(c().person)} a rendez-vous le {meetingMoment(c().appointment)}.
          </p>
          <Show
            when={c().manageUrl}
            fallback={
              <p>
                Le lien personnel de la personne n'est plus connu du service&nbsp;: la feuille lui dit de prévenir la structure
                pour déplacer ou annuler. Le lien qu'elle a reçu fonctionne toujours.
              </p>
            }
          >
            <p>La feuille reprend le lien personnel qu'elle a reçu.</p>
          </Show>
        </Notice>
      </div>
      <div class="agenda-actions no-print">
        <Button onClick={() => window.print()}>Imprimer la confirmation</Button>
      </div>
      <PrintedConfirmation appointment={c().appointment} person={c().person} advisor={c().advisor} manageUrl={c().manageUrl} />
    </>
  );
}
