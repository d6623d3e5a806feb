// The audit log in words, for the Région's « Journal ».

/** Each action of the log in words; a new one is shown as the server names it until it is named here. */
export const ACTIONS: Record<string, string> = {
  "network.create": "Réseau créé",
  "network.update": "Réseau modifié",
  "structure.create": "Structure créée",
  "structure.update": "Structure modifiée",
  "site.create": "Lieu ajouté",
  "site.update": "Lieu modifié",
  "offering.create": "Offre ajoutée",
  "offering.update": "Offre modifiée",
  "membership.create": "Rôle donné",
  "membership.update": "Rôle changé",
  "membership.delete": "Rôle retiré",
  "membership.invite": "Invitation à rejoindre la structure envoyée",
  "membership.accept": "Invitation acceptée : rôle pris",
  "membership.withdraw": "Invitation retirée",
  "user.create": "Compte ouvert",
  "user.update": "Compte modifié",
  "user.deactivate": "Compte désactivé",
  "user.reactivate": "Compte réactivé",
  "user.invite": "Invitation renvoyée",
  "user.password_set": "Mot de passe choisi (invitation ou lien reçu par courriel)",
  "user.password_change": "Mot de passe changé",
  "territory.create": "Territoire créé",
  "territory.update": "Territoire modifié",
  "closure.create": "Fermeture ajoutée",
  "closure.delete": "Fermeture supprimée",
  "rule.create": "Plage d'ouverture ajoutée",
  "rule.update": "Plage d'ouverture modifiée",
  "rule.delete": "Plage d'ouverture supprimée",
  "absence.create": "Absence déclarée",
  "absence.delete": "Absence supprimée",
  "appointment.book": "Rendez-vous pris pour une personne (accueil, conseiller ou orientation)",
  "appointment.book_by_invitation": "Rendez-vous pris par la personne avec son invitation",
  "appointment.view": "Rendez-vous consulté",
  "person.view": "Fiche d'une personne consultée",
  "appointment.outcome": "Issue d'un rendez-vous notée",
  "appointment.notes": "Notes d'un rendez-vous modifiées",
  "appointment.confirmation": "Confirmation d'un rendez-vous envoyée",
  "appointment.cancel": "Rendez-vous annulé par la structure",
  "session.cancel": "Place annulée avec toute sa session collective",
  "session.move": "Place déplacée avec toute sa session collective",
  "appointment.move": "Rendez-vous déplacé par la structure",
  "appointments.export": "Export des rendez-vous",
  "calendar_feed.create": "Abonnement d'agenda créé",
  "calendar_feed.revoke": "Abonnement d'agenda révoqué",
  "api_token.create": "Jeton d'API créé",
  "api_token.revoke": "Jeton d'API révoqué",
  "busy_calendar.connect": "Agenda personnel relié (ses moments occupés bloquent les créneaux)",
  "busy_calendar.disconnect": "Agenda personnel déconnecté",
  "faq.create": "Question ajoutée",
  "faq.update": "Question modifiée",
  "faq.delete": "Question supprimée",
  "routing_rule.create": "Règle d'orientation ajoutée",
  "routing_rule.update": "Règle d'orientation modifiée",
  "routing_rule.delete": "Règle d'orientation supprimée",
  "routing_rule.reorder": "Table d'orientation réordonnée",
  "referral.create": "Orientation envoyée",
  "referral.accept": "Orientation acceptée",
  "referral.decline": "Orientation refusée",
  "referral.redirect": "Orientation réorientée",
  "referral.readdress": "Orientation refusée adressée à une autre structure",
  "account.notices": "Choix des courriels reçus modifiés",
  "referral.invite": "Invitation à prendre rendez-vous envoyée",
  "referral.reprint": "Feuillet d'invitation réimprimé, avec un nouveau code",
  "person.exported": "Données d'une personne exportées",
  "person.erased": "Données d'une personne effacées pour une structure, à sa demande",
  "person.erased_everywhere": "Données d'une personne effacées partout, à sa demande",
  "settings.update": "Réglage des données personnelles modifié",
  "outbox.resend": "Message non parvenu renvoyé",
  "webhook.create": "Webhook ajouté",
  "webhook.update": "Webhook modifié",
  "webhook.delete": "Webhook supprimé",
  "webhook.rotate": "Secret d'un webhook changé",
  "webhook.resend": "Livraison d'un webhook renvoyée",
  "person.contact_changed": "Coordonnées changées par la personne",
  "waitlist.add": "Personne mise en liste d'attente (accueil ou orientation)",
  "waitlist.remove": "Personne retirée d'une liste d'attente",
};

/** What a person does themself, with their private link or their invitation: no account is its author. */
const BY_THE_PERSON: Record<string, string> = {
  "person.contact_changed": "la personne, avec son lien personnel",
  "appointment.book_by_invitation": "la personne, avec son invitation",
};

/**
 * Who made a change: the account — through an API token, which is named — else the person with
 * their link, else an account since deleted.
 */
export function authorOf(event: {
  action: string;
  actor: { firstName: string; lastName: string } | null;
  apiToken?: { name: string } | null;
}): string {
  const token = event.apiToken ? ` via le jeton « ${event.apiToken.name} »` : "";
  if (event.actor) return `${event.actor.firstName} ${event.actor.lastName}${token}`;
  return BY_THE_PERSON[event.action] ?? `un compte supprimé${token}`;
}
