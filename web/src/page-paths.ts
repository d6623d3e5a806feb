// The web app's pages by address: the one list of them. The client router builds its routes from
// it (routes.tsx), and the server answers 404 outside it (server/http/static.ts), so that an
// unknown address is not a page to a search engine or a link checker. Patterns as both routers
// read them: fixed segments and `:name` parameters, nothing else. A nested route's own path is
// `below(parent)` of its full one.

export const PAGES = {
  home: "/",
  booking: "/rendez-vous",
  confirmation: "/rendez-vous/confirmation",
  orientation: "/trouver-le-bon-interlocuteur",
  directory: "/ou-s-adresser",
  directoryStructure: "/structures/:slug",
  invitation: "/invitation",
  faq: "/questions-reponses",
  manage: "/rdv/:token",
  findMeeting: "/retrouver-mon-rendez-vous",
  offer: "/offre/:token",
  waitlistEntry: "/attente/:token",
  signIn: "/connexion",
  forgottenPassword: "/connexion/mot-de-passe-oublie",
  passwordLink: "/connexion/mot-de-passe",
  joinStructure: "/connexion/rejoindre",
  statistics: "/statistiques",
  accessibility: "/accessibilite",
  privacy: "/donnees-personnelles",
  legalNotice: "/mentions-legales",
  staff: "/espace",
  account: "/espace/compte",
  agenda: "/espace/agenda",
  availability: "/espace/agenda/disponibilites",
  appointment: "/espace/rendez-vous/:id",
  session: "/espace/sessions/:key",
  appointmentConfirmation: "/espace/rendez-vous/:id/confirmation",
  waitlist: "/espace/liste-d-attente",
  desk: "/espace/accueil",
  deskConfirmation: "/espace/accueil/confirmation",
  referrals: "/espace/orientations",
  newReferral: "/espace/orientations/nouvelle",
  referral: "/espace/orientations/:id",
  dashboards: "/espace/tableaux-de-bord",
  person: "/espace/personnes/:id",
  administration: "/espace/annuaire",
  structure: "/espace/annuaire/structures/:id",
  networks: "/espace/annuaire/reseaux",
  territories: "/espace/annuaire/territoires",
  faqAdmin: "/espace/annuaire/questions",
  routingRules: "/espace/annuaire/orientation",
  accounts: "/espace/annuaire/comptes",
  audit: "/espace/annuaire/journal",
  outbox: "/espace/annuaire/messages",
  privacySettings: "/espace/annuaire/donnees-personnelles",
} as const;

export type PagePath = (typeof PAGES)[keyof typeof PAGES];

/** A page's path relative to the route it is nested in: `below("/espace")("/espace/compte")` is "/compte". */
export function below(parent: PagePath): (path: PagePath) => string {
  return (path) => {
    if (path !== parent && !path.startsWith(`${parent}/`)) throw new Error(`${path} n'est pas sous ${parent}`);
    return path.slice(parent.length) || "/";
  };
}
