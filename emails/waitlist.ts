import type { AppointmentDetails, RenderedEmail } from "./appointment.ts";
import { day, time, when, where } from "./format.ts";
import { render } from "./layout.ts";

/** A freed slot offered to someone on a waiting list, as its messages tell it. */
export interface OfferDetails extends Pick<AppointmentDetails, "start" | "end" | "zone" | "mode" | "site"> {
  firstName: string;
  service: string;
  structure: { name: string };
  offeredAt: Date;
  /** Till when the slot is theirs. */
  holdUntil: Date;
  /** The meeting it would replace, if they have one. */
  current: Date | null;
  /** /offre/<token>: the token is in no row. */
  url: string;
}

/** The offer: the slot, how long it is kept, the link to take it (or let it go). */
export function waitlistOfferEmail(offer: OfferDetails): RenderedEmail {
  const held = `${time(offer.holdUntil, offer.zone)}${sameDay(offer) ? "" : ` le ${day(offer.holdUntil, offer.zone)}`}`;
  const freed = offer.current ? "Un créneau plus tôt s'est libéré" : "Un créneau s'est libéré";
  return render(`${freed} : ${offer.service}`, `Bonjour ${offer.firstName}`, [
    {
      kind: "text",
      text: offer.current
        ? `Un créneau s'est libéré avant votre rendez-vous du ${day(offer.current, offer.zone)} à ${time(offer.current, offer.zone)}. Il vous est réservé jusqu'à ${held}.`
        : `Un créneau s'est libéré pour : ${offer.service}. Il vous est réservé jusqu'à ${held}.`,
    },
    {
      kind: "facts",
      facts: [
        ["Quand", when(offer)],
        ["Où", where(offer)],
        ["Pour", offer.service],
      ],
    },
    { kind: "link", label: offer.current ? "Avancer mon rendez-vous" : "Prendre ce rendez-vous", url: offer.url },
    {
      kind: "text",
      text: offer.current
        ? "Si vous le prenez, votre rendez-vous actuel est remplacé par celui-ci. Sinon, il ne change pas : le créneau sera proposé à la personne suivante."
        : "Sans réponse de votre part, le créneau sera proposé à la personne suivante, et vous restez sur la liste.",
    },
  ]);
}

/** The hold ends the day it was offered (by day), or the next morning (an offer made at night). */
const sameDay = (offer: OfferDetails) => day(offer.holdUntil, offer.zone) === day(offer.offeredAt, offer.zone);

/** On the list: what the person waits for, and how to leave. */
export function waitlistJoinedEmail(joined: {
  firstName: string;
  service: string;
  structure: string;
  until: Date | null;
  zone: string;
  /** The page to leave the list (someone with no meeting); their meeting's link says it otherwise. */
  url: string | null;
}): RenderedEmail {
  return render(`Liste d'attente : ${joined.service}`, `Bonjour ${joined.firstName}`, [
    {
      kind: "text",
      text: `Vous êtes sur la liste d'attente de ${joined.structure} pour : ${joined.service}. Dès qu'un créneau se libère, il vous est proposé par message${joined.until ? `, jusqu'au ${day(joined.until, joined.zone)}` : ""}.`,
    },
    ...(joined.url ? [{ kind: "link" as const, label: "Voir ou quitter la liste d'attente", url: joined.url }] : []),
  ]);
}
