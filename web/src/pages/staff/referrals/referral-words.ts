import { capitalize } from "../../../lib/french.ts";
import { fullName } from "../agenda/agenda-words.ts";
import type { FollowedStatus, Invitation, TimelineEvent, TimelineKind } from "./referrals-api.ts";

// A referral's values in words. Typed by the API's values: a new one breaks the build until it
// is named here.

export const STATUSES: Record<FollowedStatus, string> = {
  sent: "Envoyée",
  accepted: "Acceptée",
  declined: "Refusée",
  redirected: "Réorientée",
  booked: "Rendez-vous pris",
  honoured: "Honoré",
  no_show: "Absent·e",
  excused: "Excusé·e",
  expired: "Expirée",
};

/** « 1 en attente », « 3 en attente »: the referrals waiting for an answer, beside a heading or a link that names them. */
export const waitingWords = (count: number) => `${count} en attente`;

const EVENTS: Record<TimelineKind, string> = {
  created: "Orientation envoyée",
  invited: "Invitation à prendre rendez-vous",
  reminded: "Rappel de l'invitation",
  accepted: "Orientation acceptée",
  declined: "Orientation refusée",
  redirected: "Réorientée",
  booked: "Rendez-vous pris",
  cancelled: "Rendez-vous annulé",
  outcome: "Suite du rendez-vous",
  expired: "Invitation expirée",
};

/**
 * A line of the timeline: « Orientation refusée — motif : … », « Réorientée vers CIO de Roubaix :
 * … ». The server's details are lower-case phrases that follow the event's name.
 */
export function eventWords(event: Pick<TimelineEvent, "kind" | "detail">): string {
  const detail = event.detail.trim();
  if (!detail) return EVENTS[event.kind];
  if (event.kind === "redirected") return `${EVENTS.redirected} ${detail}`;
  if (event.kind === "declined") return `${EVENTS.declined}, motif\u00a0: ${detail}`;
  if (event.kind === "outcome") return `${EVENTS.outcome}\u00a0: ${detail}`;
  // Closed by the person's erasure (server/features/privacy/anonymise.ts): no invitation expired.
  if (event.kind === "expired" && detail === "données de la personne effacées") return `Orientation close (${detail})`;
  if (event.kind === "cancelled") return `${EVENTS.cancelled} (${detail.replace(/^rendez-vous annulé /, "")})`;
  return `${EVENTS[event.kind]} (${detail})`;
}

/** « par Farid Partenaire », or nothing when the person or the platform did it. */
const byWhom = (event: Pick<TimelineEvent, "by">) => (event.by ? `par ${fullName(event.by)}` : "");

/**
 * A whole line of the timeline, with who did it: « Orientation acceptée, par Emma Accueil ». A
 * detail typed by someone may end a sentence (« …à Roubaix. »): then who follows as a new one,
 * never « Roubaix., par ».
 */
export function timelineWords(event: Pick<TimelineEvent, "kind" | "detail" | "by">): string {
  const words = eventWords(event);
  const by = byWhom(event);
  if (!by) return words;
  return /[.!?…]$/.test(words) ? `${words} ${capitalize(by)}` : `${words}, ${by}`;
}

/** « Invitation envoyée par courriel à … et par SMS au 06 … », or the slip to print. */
export function sentWords(invitation: Pick<Invitation, "sentTo" | "textedTo">): string {
  const ways = [
    ...(invitation.sentTo ? [`par courriel à ${invitation.sentTo}`] : []),
    ...(invitation.textedTo ? [`par SMS au ${invitation.textedTo}`] : []),
  ];
  return ways.length
    ? `Invitation envoyée ${ways.join(" et ")}.`
    : "Invitation créée : imprimez le feuillet ci-dessous et remettez-le à la personne.";
}
