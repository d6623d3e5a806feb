import type { AppointmentDetails } from "../emails/appointment.ts";
import { siteLabel } from "../emails/format.ts";
import { phoneForPeople } from "../server/domain/phone.ts";
import { field, greet, type Keep, lines, type Name, shorten, shrinkToFit, stop } from "./fit.ts";
import { moment } from "./format.ts";
import type { SmsText } from "./segments.ts";

// The texts to the person about their appointment: the same events and the same data as the
// e-mails (emails/appointment-*.ts), in at most two segments of GSM-7.
//
// The sender shows « RDV Orientation » (the SMS sender id), so the text does not repeat it. These
// are transactional messages, which French rules (and the operators' code of conduct) let go
// without the « STOP » opt-out that marketing texts must carry.
//
// Each says who (the structure; the advisor is not named, as in the e-mails: the structure may
// change them), when, where (the site and its address, or « par téléphone », « en visio »), what to
// bring when there is room, and ends with the private link, alone on its line so that phones
// make it a link; without a link, the structure's phone number.

/**
 * What goes first when the text is too long, in this order: what to bring, the greeting, the
 * service, then the address (the site's name is left, or the commune; the person's number for a
 * phone meeting). Then names are cut.
 */
const DROP_ORDER = ["bring", "greeting", "service", "address"] as const;
type Part = (typeof DROP_ORDER)[number];

/** The site's own name (emails/format.ts), as a line of GSM-7. */
function siteName(a: AppointmentDetails): string | null {
  const label = siteLabel(a);
  return label && field(label);
}

/** Where, on a line of its own; null for a meeting on site with no site known. */
function placeLine(a: AppointmentDetails, keep: Keep<Part>, name: Name): string | null {
  if (a.mode === "phone") {
    const number = keep("address") && a.person.phone ? ` au ${phoneForPeople(a.person.phone)}` : "";
    return `Par téléphone : votre conseiller vous appelle${number}.`;
  }
  if (a.mode === "video") return keep("address") ? "En visio : le lien de connexion vous sera envoyé." : "En visio.";
  if (!a.site) return null;
  const label = siteName(a);
  if (!keep("address")) return `Lieu : ${name(label ?? field(a.site.commune))}`;
  const address = field(`${a.site.address}, ${a.site.postcode} ${a.site.commune}`);
  return `Lieu : ${label ? `${name(label)}, ` : ""}${address}`;
}

/**
 * Where, in a few words within a sentence: « (Lille Centre) », « par téléphone ». In brackets:
 * « à Centre », « à Antenne Wazemmes » read badly (a user trial).
 */
function placeWords(a: AppointmentDetails, name: Name): string {
  if (a.mode === "phone") return " par téléphone";
  if (a.mode === "video") return " en visio";
  return a.site ? ` (${name(siteName(a) ?? field(a.site.commune))})` : "";
}

/** The private link, or how to reach the structure without it. */
function linkLine(a: AppointmentDetails, label: string): string | null {
  if (a.manageUrl) return `${label} : ${a.manageUrl}`;
  const contact = a.structure.phone ? phoneForPeople(a.structure.phone) : a.structure.email;
  return contact ? `Contact : ${contact}` : null;
}

function firstName(a: AppointmentDetails, keep: Keep<"greeting">, name: Name): string | null {
  const first = field(a.person.firstName);
  return keep("greeting") && first ? name(first) : null;
}

/** The text of a meeting still to come: its first sentence, where, what to bring, the link. */
function upcoming(a: AppointmentDetails, opening: (when: string, who: string) => string, linkLabel: string): SmsText {
  return shrinkToFit(DROP_ORDER, (keep, name) => {
    const service = keep("service") && field(a.service.name) ? ` (${name(field(a.service.name))})` : "";
    const who = `${name(field(a.structure.name))}${service}`;
    const instructions = field(a.instructions);
    return lines(
      greet(firstName(a, keep, name), stop(opening(moment(a.start, a.zone), who))),
      placeLine(a, keep, name),
      keep("bring") && instructions && `À prévoir : ${instructions}`,
      linkLine(a, linkLabel),
    );
  });
}

/** To the person: their booking is confirmed. */
export function smsBooked(a: AppointmentDetails): SmsText {
  return upcoming(a, (when, who) => `votre RDV est confirmé : ${when} avec ${who}`, "Déplacer ou annuler");
}

/** To the person, before the meeting, on the same plan as the e-mail reminders. */
export function smsReminder(a: AppointmentDetails): SmsText {
  return upcoming(a, (when, who) => `rappel de votre RDV : ${when} avec ${who}`, "Un imprévu ? Déplacer ou annuler");
}

/** To the person: the meeting moved from `previous`. */
export function smsMoved(a: AppointmentDetails, previous: { start: Date }): SmsText {
  const before = moment(previous.start, a.zone);
  return upcoming(a, (when, who) => `votre RDV du ${before} est déplacé au ${when} avec ${who}`, "Déplacer ou annuler");
}

/** A reason given by the structure is cut to this before anything else is weighed. */
const REASON_LENGTH = 100;

/**
 * To the person: the meeting is cancelled, by them or by the structure (a staff member, an
 * advisor's absence, a closure: `reason` says which). The reason is cut short, and left out when
 * the text is still too long without the greeting. The link's page says the appointment is
 * cancelled and offers to book another.
 */
export function smsCancelled(a: AppointmentDetails, cancel: { by: "person" | "structure"; reason: string | null }): SmsText {
  return shrinkToFit(["greeting", "reason"], (keep, name) => {
    const meeting = `votre RDV du ${moment(a.start, a.zone)}`;
    const reason = cancel.reason && field(cancel.reason);
    const opening =
      cancel.by === "person"
        ? `${meeting} avec ${name(field(a.structure.name))}${placeWords(a, name)} est bien annulé.`
        : stop(`${name(field(a.structure.name))} a annulé ${meeting}${placeWords(a, name)}`) +
          `${keep("reason") && reason ? ` Motif : ${stop(shorten(reason, REASON_LENGTH))}` : ""} Toutes nos excuses.`;
    return lines(greet(firstName(a, keep, name), opening), linkLine(a, "Prendre un nouveau RDV"));
  });
}
