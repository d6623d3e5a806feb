import { de } from "../server/domain/french.ts";
import type { RenderedEmail } from "./appointment.ts";
import { day, time } from "./format.ts";
import { render } from "./layout.ts";

/** What the person is told of a referral: who sends them where, and how to book. */
export interface InvitationDetails {
  firstName: string;
  from: string;
  to: string;
  service: string;
  url: string;
  expiresAt: Date;
}

/** What the referrer is told of a referral's turn. */
export interface ReferralNoticeDetails {
  referrerFirstName: string;
  person: string;
  to: string;
  service: string;
  url: string;
}

const until = (date: Date) => day(date, "Europe/Paris");

/** To the person: book with the structure they are referred to; sent again once as a reminder. */
export function invitationEmail(invitation: InvitationDetails, reminder = false): RenderedEmail {
  return render(
    reminder ? `Rappel : prenez rendez-vous avec ${invitation.to}` : `Prenez rendez-vous avec ${invitation.to}`,
    `Bonjour ${invitation.firstName}`,
    [
      {
        kind: "text",
        text: reminder
          ? `Vous n'avez pas encore pris rendez-vous avec ${invitation.to}, où ${invitation.from} vous a orienté·e.`
          : `${invitation.from} vous oriente vers ${invitation.to} pour : ${invitation.service}. Choisissez le créneau qui vous convient.`,
      },
      { kind: "link", label: "Choisir mon rendez-vous", url: invitation.url },
      { kind: "text", text: `Ce lien est personnel ; il reste valable jusqu'au ${until(invitation.expiresAt)}.` },
    ],
  );
}

/** To the referrer: the invitation ended unused. */
export function invitationExpiredEmail(notice: ReferralNoticeDetails): RenderedEmail {
  return render(`Orientation sans rendez-vous : ${notice.person}`, `Bonjour ${notice.referrerFirstName}`, [
    {
      kind: "text",
      text: `${notice.person} n'a pas pris rendez-vous avec ${notice.to} (${notice.service}) : l'invitation a expiré. Vous pouvez en envoyer une nouvelle ou prendre le rendez-vous pour la personne.`,
    },
    { kind: "link", label: "Voir l'orientation", url: notice.url },
  ]);
}

/** To the referrer: the target declined, or sent the person on elsewhere. */
export function referralAnsweredEmail(
  notice: ReferralNoticeDetails,
  answer: { kind: "declined" | "redirected"; reason: string; elsewhere?: string },
): RenderedEmail {
  const text =
    answer.kind === "declined"
      ? `${notice.to} ne peut pas recevoir ${notice.person} (${notice.service}). Motif : ${answer.reason}`
      : `${notice.to} a réorienté ${notice.person} vers ${answer.elsewhere ?? "une autre structure"}. Motif : ${answer.reason}`;
  return render(
    answer.kind === "declined" ? `Orientation refusée : ${notice.person}` : `Orientation réorientée : ${notice.person}`,
    `Bonjour ${notice.referrerFirstName}`,
    [
      { kind: "text", text },
      { kind: "link", label: "Voir l'orientation", url: notice.url },
    ],
  );
}

/** To the referrer: the structure cancelled the person's meeting; the referral waits for another. */
export function meetingCancelledEmail(
  notice: ReferralNoticeDetails,
  meeting: { start: Date; zone: string; reason: string | null },
): RenderedEmail {
  const at = `${day(meeting.start, meeting.zone)} à ${time(meeting.start, meeting.zone)}`;
  return render(`Rendez-vous annulé : ${notice.person}`, `Bonjour ${notice.referrerFirstName}`, [
    {
      kind: "text",
      text: `${notice.to} a annulé le rendez-vous ${de(notice.person)} (${notice.service}) du ${at}.${meeting.reason ? ` Motif : ${meeting.reason}` : ""} La personne est prévenue ; l'orientation attend un nouveau rendez-vous : vous pouvez lui renvoyer une invitation ou le prendre pour elle.`,
    },
    { kind: "link", label: "Voir l'orientation", url: notice.url },
  ]);
}

/**
 * To the target structure's shared address (accueil@…), when it asks for it: a referral arrived.
 * Who sends it and a link, nothing of the person: the address may be read by anyone at the
 * desk, and the referral is read in full behind the sign-in.
 */
export function referralReceivedEmail(received: { from: string; url: string }): RenderedEmail {
  return render(`Nouvelle orientation reçue ${de(received.from)}`, "Bonjour", [
    {
      kind: "text",
      text: `${received.from} vous adresse une nouvelle orientation. Elle attend votre réponse dans l'espace professionnel : l'accepter, la refuser ou réorienter la personne.`,
    },
    { kind: "link", label: "Voir l'orientation", url: received.url },
  ]);
}
