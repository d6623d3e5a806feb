import type { BookableBy, Mode, Situation } from "../../server/db/generated/client.ts";

/** How a structure offers a service; each service carries sensible defaults that networks adjust. */
export interface OfferingSettings {
  durationMinutes: number;
  bufferMinutes: number;
  modes: readonly Mode[];
  minNoticeMinutes: number;
  horizonDays: number;
  bookableBy: BookableBy;
  minAge: number | null;
  maxAge: number | null;
  situations: readonly Situation[];
  seats: number;
  reminderPlan: readonly number[];
  instructions: string;
}

export interface ServiceDef {
  slug: string;
  name: string;
  description: string;
  defaults: OfferingSettings;
}

const DAY = 24 * 60;
/** The schema's default: two days before, then three hours before. */
export const DEFAULT_REMINDER_PLAN = [2 * DAY, 180];

const individual: OfferingSettings = {
  durationMinutes: 45,
  bufferMinutes: 15,
  modes: ["onsite", "phone"],
  minNoticeMinutes: DAY,
  horizonDays: 60,
  bookableBy: "public",
  minAge: null,
  maxAge: null,
  situations: [],
  seats: 1,
  reminderPlan: DEFAULT_REMINDER_PLAN,
  instructions: "",
};

/** In display order: `position` is the index. */
export const SERVICES = [
  {
    slug: "information-metiers-formations",
    name: "Information sur les métiers et les formations",
    description:
      "Un premier échange pour découvrir des métiers, trouver une formation près de chez vous et savoir qui peut vous accompagner ensuite.",
    defaults: {
      ...individual,
      durationMinutes: 30,
      bufferMinutes: 10,
      modes: ["onsite", "phone", "video"],
      minNoticeMinutes: 240,
    },
  },
  {
    slug: "entretien-orientation-cio",
    name: "Entretien d'orientation",
    description:
      "Un entretien avec un psychologue de l'Éducation nationale pour construire ou réviser un projet d'études ou de formation, seul ou en famille.",
    defaults: {
      ...individual,
      instructions: "Apportez si possible vos derniers bulletins scolaires et la liste de vos vœux ou idées de formation.",
    },
  },
  {
    slug: "accueil-jeunes-16-25",
    name: "Accueil jeunes 16-25 ans",
    description:
      "Un premier rendez-vous avec un conseiller pour les jeunes de 16 à 25 ans sortis de l'école : emploi, formation, logement, mobilité, santé.",
    defaults: {
      ...individual,
      minAge: 16,
      maxAge: 25,
      situations: ["neet", "job_seeker"],
      horizonDays: 30,
      instructions: "Apportez une pièce d'identité, votre carte Vitale et, si vous en avez un, votre CV.",
    },
  },
  {
    slug: "orientation-etudiants",
    name: "Orientation et réorientation des étudiants",
    description:
      "Faire le point sur son parcours, changer de filière, préparer une poursuite d'études ou son insertion professionnelle.",
    defaults: { ...individual, modes: ["onsite", "video"], situations: ["student", "pupil"] },
  },
  {
    slug: "cep-premier-entretien",
    name: "Conseil en évolution professionnelle — premier entretien",
    description:
      "Le CEP est gratuit et confidentiel : un conseiller vous aide à faire le point sur votre situation et à construire votre projet d'évolution professionnelle.",
    defaults: {
      ...individual,
      durationMinutes: 60,
      modes: ["onsite", "phone", "video"],
      minNoticeMinutes: 2 * DAY,
      instructions:
        "Munissez-vous de votre CV et, si vous le connaissez, du montant de vos droits CPF (moncompteformation.gouv.fr).",
    },
  },
  {
    slug: "bilan-competences-information",
    name: "Information sur le bilan de compétences",
    description:
      "Comprendre le déroulement d'un bilan de compétences, sa durée, son financement (CPF, employeur) et choisir un prestataire.",
    defaults: {
      ...individual,
      modes: ["onsite", "phone", "video"],
      situations: ["employee", "job_seeker", "self_employed", "executive"],
    },
  },
  {
    slug: "information-conseil-vae",
    name: "Information-conseil VAE",
    description:
      "Un entretien individuel pour savoir si votre expérience peut mener à un diplôme par la validation des acquis de l'expérience, et lequel.",
    defaults: {
      ...individual,
      modes: ["onsite", "phone", "video"],
      minNoticeMinutes: 2 * DAY,
      instructions: "Apportez un CV détaillé et vos attestations d'emploi ou de bénévolat.",
    },
  },
  {
    slug: "reunion-information-vae",
    name: "Réunion d'information collective VAE",
    description: "Deux heures en groupe pour comprendre la VAE : étapes, certifications possibles, financement, accompagnement.",
    defaults: {
      ...individual,
      durationMinutes: 120,
      bufferMinutes: 0,
      modes: ["onsite"],
      minNoticeMinutes: 2 * DAY,
      horizonDays: 90,
      seats: 12,
      // A week ahead too: people arrange a half-day off work for it.
      reminderPlan: [7 * DAY, 2 * DAY, 180],
      instructions: "Réunion en groupe de 12 personnes au plus. Prévoyez de quoi prendre des notes.",
    },
  },
  {
    slug: "projet-transition-professionnelle",
    name: "Information projet de transition professionnelle",
    description:
      "Pour les salariés qui envisagent une reconversion : conditions du projet de transition professionnelle (PTP), constitution du dossier, calendrier.",
    defaults: {
      ...individual,
      durationMinutes: 60,
      modes: ["phone", "video", "onsite"],
      situations: ["employee"],
      minNoticeMinutes: 2 * DAY,
    },
  },
  {
    slug: "recherche-emploi-cadre",
    name: "Accompagnement des cadres : emploi et mobilité",
    description:
      "Pour les cadres et jeunes diplômés (bac+3 et plus) : stratégie de recherche d'emploi, mobilité interne ou externe, négociation.",
    defaults: {
      ...individual,
      durationMinutes: 60,
      modes: ["video", "phone", "onsite"],
      situations: ["executive", "employee", "job_seeker"],
      minNoticeMinutes: 2 * DAY,
    },
  },
  {
    slug: "accompagnement-handicap-emploi",
    name: "Emploi et handicap : accompagnement",
    description:
      "Pour les personnes bénéficiaires de l'obligation d'emploi (RQTH…) : trouver un emploi, une formation ou se maintenir dans son poste.",
    defaults: {
      ...individual,
      durationMinutes: 60,
      modes: ["onsite", "phone"],
      minNoticeMinutes: 2 * DAY,
      horizonDays: 45,
      instructions:
        "Si vous l'avez, apportez la notification de votre reconnaissance de la qualité de travailleur handicapé (RQTH).",
    },
  },
  {
    slug: "financement-formation",
    name: "Financer sa formation",
    description:
      "CPF, aides de la Région, de France Travail ou de l'employeur : trouver le financement adapté à votre projet de formation.",
    defaults: { ...individual, modes: ["onsite", "phone", "video"] },
  },
  {
    slug: "atelier-decouverte-metiers",
    name: "Atelier collectif de découverte des métiers",
    description:
      "Une séance en petit groupe pour explorer des familles de métiers, avec des outils numériques et des témoignages.",
    defaults: {
      ...individual,
      durationMinutes: 90,
      bufferMinutes: 0,
      modes: ["onsite"],
      minNoticeMinutes: DAY,
      horizonDays: 60,
      seats: 10,
      minAge: 15,
      instructions: "Atelier en groupe de 10 personnes au plus.",
    },
  },
] as const satisfies readonly ServiceDef[];

export type ServiceSlug = (typeof SERVICES)[number]["slug"];

export const serviceBySlug = new Map<ServiceSlug, ServiceDef>(SERVICES.map((s) => [s.slug, s]));
