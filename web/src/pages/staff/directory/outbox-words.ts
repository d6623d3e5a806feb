import type { UndeliveredMessage } from "./admin-api.ts";

// The messages of the outbox in words, for « Messages non parvenus ».

/** Each type of message in words; a new one is shown as the server names it until it is named here. */
export const MESSAGE_TYPES: Record<string, string> = {
  "appointment.booked": "Confirmation du rendez-vous",
  "appointment.reminder": "Rappel",
  "appointment.moved": "Rendez-vous déplacé",
  "appointment.cancelled": "Rendez-vous annulé",
  "appointment.links": "Nouveaux liens des rendez-vous (lien perdu)",
  "appointment.links_asked": "Demande de liens perdus",
  "advisor.booked": "Avis au conseiller : nouveau rendez-vous",
  "advisor.moved": "Avis au conseiller : rendez-vous déplacé",
  "advisor.cancelled": "Avis au conseiller : rendez-vous annulé",
  "referral.invitation": "Invitation à prendre rendez-vous",
  "referral.reminder": "Relance de l'invitation",
  "referral.received": "Nouvelle orientation reçue (adresse de la structure)",
  "staff.digest": "Résumé du jour des courriels d'un membre de l'équipe",
  "referral.expired": "Avis au prescripteur : invitation expirée",
  "referral.declined": "Avis au prescripteur : orientation refusée",
  "referral.redirected": "Avis au prescripteur : orientation réorientée",
  "referral.meeting-cancelled": "Avis au prescripteur : rendez-vous annulé",
  "staff.invitation": "Lien de mot de passe : ouverture du compte",
  "staff.reset": "Lien de mot de passe",
  "staff.reset_asked": "Demande de mot de passe oublié",
  "staff.membership_invitation": "Invitation à rejoindre une structure",
  "waitlist.offer": "Liste d'attente : créneau libéré proposé",
  "waitlist.joined": "Liste d'attente : inscription",
  "waitlist.hold-ends": "Liste d'attente : fin de la réservation d'un créneau proposé",
  "webhook.disabled": "Avis aux administrateurs : webhook désactivé",
};

const CHANNELS: Record<UndeliveredMessage["channel"], string> = { email: "par courriel", sms: "par SMS" };

/** What a message is, and how it goes: « Rappel, par SMS ». */
export function messageTitle(message: Pick<UndeliveredMessage, "type" | "channel">): string {
  return `${MESSAGE_TYPES[message.type] ?? message.type}, ${CHANNELS[message.channel]}`;
}

/** Where a message stands: given up, or still tried after several failures. */
export function messageStatus(message: Pick<UndeliveredMessage, "status" | "attempts">): string {
  if (message.status === "failed") return "Abandonné";
  return `Encore essayé (${message.attempts}\u00a0${message.attempts > 1 ? "tentatives" : "tentative"})`;
}
