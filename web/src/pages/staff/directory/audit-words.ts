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
  "referral.invite": "Invitation à prendre rendez-vous envoyée",
  "person.exported": "Données d'une personne exportées",
  "person.erased": "Données d'une personne effacées pour une structure, à sa demande",
  "person.erased_everywhere": "Données d'une personne effacées partout, à sa demande",
  "settings.update": "Réglage des données personnelles modifié",
  "outbox.resend": "Message non parvenu renvoyé",
  "person.contact_changed": "Coordonnées changées par la personne",
};

/** What a person does themself, with their private link: no account is its author. */
const BY_THE_PERSON = new Set(["person.contact_changed"]);

/** Who made a change: the account, else the person with their link, else an account since deleted. */
export function authorOf(event: { action: string; actor: { firstName: string; lastName: string } | null }): string {
  if (event.actor) return `${event.actor.firstName} ${event.actor.lastName}`;
  return BY_THE_PERSON.has(event.action) ? "la personne, avec son lien personnel" : "un compte supprimé";
}
