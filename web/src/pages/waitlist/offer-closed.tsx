import { Show } from "solid-js";
import { ButtonLink } from "../../components/button.tsx";
import { PageTitle } from "../../components/page-title.tsx";
import type { Slot } from "../../lib/api.ts";
import { bookingHref } from "../booking/booking-href.ts";
import { meetingMoment } from "../booking/meeting-details.tsx";
import { OtherSlots } from "./offer-slots.tsx";
import type { Offer } from "./waitlist-api.ts";

/** What became of an offer no longer open, in the person's words. */
export const CLOSED_WORDS: Record<Exclude<Offer["status"], "open">, string> = {
  accepted: "Vous avez déjà accepté cette proposition : votre rendez-vous est pris.",
  declined: "Vous avez refusé ce créneau : il est libéré pour d'autres personnes.",
  expired: "Le délai pour répondre est passé : le créneau est libéré pour d'autres personnes.",
  withdrawn: "Ce créneau n'est plus proposé : il a été repris, ou vous n'êtes plus sur la liste d'attente.",
};

/**
 * An offer that can no longer be taken (answered, expired, passed on), said plainly, with the
 * earlier slots still free: the person books or moves their meeting through the usual ways.
 */
export function ClosedOffer(props: { offer: Offer; message: string; alternatives: Slot[] }) {
  return (
    <div class="prose">
      <PageTitle documentTitle="Proposition close — Créneau libéré">Cette proposition n'est plus ouverte</PageTitle>
      <div class="notice">
        <p>{props.message}</p>
      </div>
      <Show
        when={props.offer.current}
        fallback={
          <p>
            {props.offer.status === "accepted"
              ? "Le lien personnel de votre rendez-vous, pour le déplacer ou l'annuler, vous a été envoyé par message."
              : "Vous restez sur la liste d'attente tant que vous ne l'avez pas quittée : un autre créneau pourra vous être proposé."}
          </p>
        }
      >
        {(current) => (
          <p>
            {props.offer.status === "accepted"
              ? `Votre rendez-vous est le ${meetingMoment({ start: current() })}.`
              : `Votre rendez-vous du ${meetingMoment({ start: current() })} reste inchangé.`}{" "}
            Pour le déplacer ou l'annuler, utilisez le lien personnel reçu lors de sa réservation.
          </p>
        )}
      </Show>
      <OtherSlots offer={props.offer} slots={props.alternatives} />
      <p>
        <ButtonLink variant="secondary" href={bookingHref({ service: props.offer.service.slug })}>
          Voir les créneaux libres
        </ButtonLink>
      </p>
    </div>
  );
}
