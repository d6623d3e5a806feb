import type { LinkedMeeting } from "../emails/meeting-links.ts";
import { field, firstThatFits, greet, lines, shorten, shrinkToFit, stop } from "./fit.ts";
import { moment } from "./format.ts";
import type { SmsText } from "./segments.ts";

// The new private links of someone who asked for them again (« Retrouver mon rendez-vous »), by
// SMS: the e-mail's message (emails/meeting-links.ts) in two segments at most.
//
// Every meeting in one text when they fit: a line each, « lun. 30/03 à 9h, CIO de Lille : <link> ».
// A private link alone is some 50 characters (the site's address, /rdv/ and 22 characters), so two
// meetings fit in 306 with their structures' names, three rarely do. When they do not, each
// meeting has a text of its own (the task texts three meetings at most, the soonest): a list whose
// names were cut to a few letters would not say which link is which, and the link, which must
// stay whole, is the one thing a person cannot guess.

/** The shortest a structure's name may be in a text that lists several meetings. */
const LISTED_NAME = 24;

/** A text, and the meetings whose links it carries. */
export interface LinksText {
  sms: SmsText;
  meetings: LinkedMeeting[];
}

/** The texts that carry these meetings' new links: one for all when it fits, else one each. */
export function smsMeetingLinks(meetings: readonly LinkedMeeting[]): LinksText[] {
  if (meetings.length > 1) {
    const together = listed(meetings);
    if (together) return [{ sms: together, meetings: [...meetings] }];
  }
  return meetings.map((a) => ({ sms: smsMeetingLink(a), meetings: [a] }));
}

/** Several meetings in one text, if it fits: with the greeting, without, then names cut a little. */
function listed(meetings: readonly LinkedMeeting[]): SmsText | null {
  const names = new Set(meetings.map((a) => field(a.person.firstName)));
  const [first] = names;
  const draft = (greeting: boolean, name: (text: string) => string) =>
    lines(
      greet(
        greeting && names.size === 1 && first ? first : null,
        "vos RDV à venir et leurs nouveaux liens (les anciens ne fonctionnent plus) :",
      ),
      ...meetings.map((a) => `${moment(a.start, a.zone)}, ${name(field(a.structure.name))} : ${a.manageUrl}`),
    );
  const whole = (text: string) => text;
  const cut = (text: string) => shorten(text, LISTED_NAME);
  return firstThatFits([draft(true, whole), draft(false, whole), draft(false, cut)]);
}

/** One meeting's new link: when, with whom, and the link on its own line. */
export function smsMeetingLink(a: LinkedMeeting): SmsText {
  return shrinkToFit(["service", "greeting"], (keep, name) => {
    const service = keep("service") && field(a.service.name) ? ` (${name(field(a.service.name))})` : "";
    const first = field(a.person.firstName);
    return lines(
      greet(
        keep("greeting") && first ? name(first) : null,
        `${stop(`voici le nouveau lien de votre RDV du ${moment(a.start, a.zone)} avec ${name(field(a.structure.name))}${service}`)} L'ancien lien ne fonctionne plus.`,
      ),
      `Déplacer ou annuler : ${a.manageUrl}`,
    );
  });
}
