import type { AdminOffering, Member, Network, StructureDetail } from "./admin-api.ts";

// The directory's values in words. Typed by the API's enums: a new value on the server breaks
// the build until it is named here.

type Options<Value extends string> = readonly { value: Value; label: string }[];
const options = <Value extends string>(words: Record<Value, string>): Options<Value> =>
  (Object.keys(words) as Value[]).map((value) => ({ value, label: words[value] }));

export const MEMBER_ROLES: Record<Member["role"], string> = {
  advisor: "Conseiller·ère",
  reception: "Accueil",
  structure_admin: "Administration de la structure",
  referrer: "Prescripteur·rice",
};
/** A partner organisation has no calendar: nobody there is an advisor or at the reception desk (the server says the same). */
export const memberRoleOptions = (kind: Network["kind"]): Options<Member["role"]> =>
  options(MEMBER_ROLES).filter((option) => kind === "spro" || option.value === "referrer" || option.value === "structure_admin");

export const NETWORK_KINDS: Record<Network["kind"], string> = {
  spro: "Membre du service public régional de l'orientation",
  partner: "Partenaire qui oriente (sans agenda)",
};
export const networkKindOptions = options(NETWORK_KINDS);

export const SPRO_ROLES: Record<StructureDetail["sproRoles"][number], string> = {
  spo: "Service public de l'orientation (SPO)",
  cep: "Conseil en évolution professionnelle (CEP)",
  pic_vae: "Point info conseil VAE",
};
export const sproRoleOptions = options(SPRO_ROLES);

export const MODES: Record<AdminOffering["modes"][number], string> = {
  onsite: "Sur place",
  phone: "Par téléphone",
  video: "En visio",
};
export const modeOptions = options(MODES);

export const BOOKABLE_BY: Record<AdminOffering["bookableBy"], string> = {
  public: "Le public, en ligne (et les personnels)",
  staff: "Les personnels seulement (accueil, conseillers)",
  referral: "Sur orientation d'une autre structure seulement",
};
export const bookableByOptions = options(BOOKABLE_BY);

export const SITUATIONS: Record<AdminOffering["situations"][number], string> = {
  pupil: "Collégien·ne ou lycéen·ne",
  student: "Étudiant·e",
  neet: "Jeune sans emploi ni formation",
  job_seeker: "Demandeur·euse d'emploi",
  employee: "Salarié·e",
  self_employed: "Indépendant·e",
  executive: "Cadre",
  retired: "Retraité·e",
  rsa_beneficiary: "Bénéficiaire du RSA",
  other: "Autre situation",
};
export const situationOptions = options(SITUATIONS);

/**
 * Each kind of record's fields, named as its form labels them: in an error summary before an
 * API message, and in the Journal. Keyed by the Journal's `entity`.
 */
export const FIELD_NAMES = {
  Network: { name: "Nom", slug: "Identifiant", kind: "Type", description: "Description" },
  Structure: {
    name: "Nom",
    description: "Présentation",
    phone: "Téléphone",
    email: "Adresse électronique",
    website: "Site web",
    inboxAlert: "Prévenir de chaque orientation reçue",
    inboxEmail: "Adresse à prévenir des orientations reçues",
    timeZone: "Fuseau horaire",
    slug: "Identifiant",
    networkId: "Réseau",
    sproRoles: "Rôles dans le service public régional de l'orientation",
    communes: "Communes desservies",
    active: "Structure active",
  },
  Site: {
    name: "Nom du lieu",
    address: "Adresse",
    communeCode: "Commune",
    postcode: "Code postal",
    phone: "Téléphone",
    accessInfo: "Accès",
    active: "Lieu ouvert",
  },
  Offering: {
    serviceId: "Service",
    durationMinutes: "Durée (minutes)",
    bufferMinutes: "Battement après (minutes)",
    minNoticeMinutes: "Délai minimum de réservation",
    horizonDays: "Réserver au plus (jours à l'avance)",
    modes: "Modalités",
    bookableBy: "Qui peut réserver",
    minAge: "Âge minimum",
    maxAge: "Âge maximum",
    seats: "Places par créneau",
    situations: "Situations",
    reminderPlan: "Rappels envoyés à la personne",
    instructions: "Consignes",
    active: "Offre ouverte à la réservation",
  },
  Membership: { email: "Adresse électronique", firstName: "Prénom", lastName: "Nom", role: "Rôle" },
  StaffUser: {
    email: "Adresse électronique",
    firstName: "Prénom",
    lastName: "Nom",
    territoryIds: "Territoires coordonnés",
    regionalAdmin: "Administration régionale",
    active: "Compte actif",
  },
  Territory: { name: "Nom", slug: "Identifiant", communes: "Communes du territoire" },
  Closure: { siteId: "Lieu fermé", startDate: "Premier jour", endDate: "Dernier jour (inclus)", reason: "Motif" },
  FaqEntry: {
    slug: "Identifiant",
    position: "Ordre",
    question: "Question",
    answer: "Réponse",
    need: "Besoin",
    service: "Service",
    published: "Publiée",
  },
  RoutingRule: {
    position: "Ordre",
    ageBands: "Âges",
    situations: "Situations",
    needs: "Besoins",
    disability: "Accompagnement adapté à un handicap",
    networkId: "Réseau",
    serviceId: "Service",
    reason: "Raison",
    active: "Règle active",
  },
  AvailabilityRule: {
    siteId: "Lieu",
    modes: "Modalités",
    weekdays: "Jours",
    startTime: "Début",
    endTime: "Fin",
    validFrom: "Premier jour",
    validUntil: "Dernier jour",
    everyWeeks: "Toutes les N semaines",
    onHolidays: "Ouverte les jours fériés",
    offeringIds: "Services",
  },
  Appointment: { email: "Adresse électronique de la personne", manageToken: "Lien personnel" },
  Person: { email: "Adresse électronique", phone: "Téléphone", smsReminders: "Rappels par SMS" },
} as const satisfies Record<string, Record<string, string>>;

/** A duration in minutes as people say it: « 2 jours », « 1 h 30 », « 45 min ». */
export function duration(minutes: number): string {
  if (minutes > 0 && minutes % 1440 === 0) return minutes === 1440 ? "1 jour" : `${minutes / 1440} jours`;
  if (minutes < 60) return `${minutes} min`;
  const rest = minutes % 60;
  return rest === 0 ? `${minutes / 60} h` : `${Math.floor(minutes / 60)} h ${rest}`;
}
