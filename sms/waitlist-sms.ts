import type { OfferDetails } from "../emails/waitlist.ts";
import { field, greet, lines, shrinkToFit, stop } from "./fit.ts";
import { moment, shortTime } from "./format.ts";
import type { SmsText } from "./segments.ts";

/** What goes first when the text is too long, in this order; then names are cut. */
const DROP_ORDER = ["greeting", "service", "place"] as const;

/** The offer of a freed slot as a text: when, till when it is kept, the link. */
export function smsWaitlistOffer(offer: OfferDetails): SmsText {
  return shrinkToFit(DROP_ORDER, (keep, name) => {
    const first = field(offer.firstName);
    const service = keep("service") && field(offer.service) ? ` (${name(field(offer.service))})` : "";
    const place =
      offer.mode === "phone"
        ? " par téléphone"
        : offer.mode === "video"
          ? " en visio"
          : keep("place") && offer.site
            ? ` à ${name(field(offer.site.commune))}`
            : "";
    const opening = stop(
      `un créneau s'est libéré${offer.current ? " avant votre RDV" : ""} : ${moment(offer.start, offer.zone)}${place}${service}`,
    );
    return lines(
      greet(keep("greeting") && first ? name(first) : null, opening),
      `Réservé pour vous jusqu'à ${shortTime(offer.holdUntil, offer.zone)}. Pour le prendre : ${offer.url}`,
    );
  });
}

/** On the list: what for, and the link to leave it. */
export function smsWaitlistJoined(joined: { firstName: string; service: string; structure: string; url: string }): SmsText {
  return shrinkToFit(["greeting", "service"] as const, (keep, name) => {
    const first = field(joined.firstName);
    const service = keep("service") && field(joined.service) ? ` (${name(field(joined.service))})` : "";
    return lines(
      greet(
        keep("greeting") && first ? name(first) : null,
        stop(`vous êtes sur la liste d'attente de ${name(field(joined.structure))}${service}`),
      ),
      "Un SMS vous proposera le prochain créneau libéré.",
      `Voir ou quitter la liste : ${joined.url}`,
    );
  });
}
