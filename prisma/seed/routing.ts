import type { AgeBand, Need, Situation } from "../../server/domain/routing.ts";
import type { NetworkSlug } from "./networks.ts";
import type { ServiceSlug } from "./services.ts";

export interface RoutingRuleDef {
  /** Stable: part of the row's id. */
  key: string;
  ageBands?: AgeBand[];
  situations?: Situation[];
  needs?: Need[];
  disability?: boolean;
  network: NetworkSlug;
  service?: ServiceSlug;
  reason: string;
  fallback?: true;
}

const WORKING: Situation[] = ["employee", "executive", "self_employed", "job_seeker", "rsa_beneficiary"];
/** Since 2025 every RSA beneficiary is registered with France Travail, which follows them as it does job seekers. */
const SEEKING: Situation[] = ["job_seeker", "rsa_beneficiary"];

/**
 * The demo orientation table, in order (`position` = index × 10, room to insert between).
 * Support adapted to a disability comes first: it changes who is best placed. The last rule is
 * the fallback.
 */
export const ROUTING_RULES: RoutingRuleDef[] = [
  {
    key: "handicap-emploi",
    disability: true,
    situations: ["job_seeker", "rsa_beneficiary", "employee", "executive", "self_employed", "neet"],
    needs: ["find_job", "career_change", "choose_job_or_training", "create_activity"],
    network: "cap-emploi",
    service: "accompagnement-handicap-emploi",
    reason:
      "Cap Emploi accompagne les personnes en situation de handicap vers l'emploi et dans leur emploi, avec des conseillers qui connaissent les aménagements possibles.",
  },
  {
    key: "eleve",
    situations: ["pupil"],
    needs: ["school_orientation", "choose_job_or_training", "jobs_information"],
    network: "cio",
    service: "entretien-orientation-cio",
    reason:
      "Les CIO conseillent gratuitement les élèves et leurs familles sur l'orientation : filières, voies professionnelles, apprentissage, Parcoursup.",
  },
  {
    key: "etudiant",
    situations: ["student"],
    needs: ["school_orientation", "choose_job_or_training", "jobs_information", "career_change"],
    network: "universites",
    service: "orientation-etudiants",
    reason: "Le service d'orientation de l'université aide à choisir ou changer de filière et à préparer son insertion.",
  },
  {
    key: "etudiant-cio",
    situations: ["student"],
    needs: ["school_orientation", "choose_job_or_training"],
    network: "cio",
    service: "entretien-orientation-cio",
    reason: "Les CIO reçoivent aussi les étudiants qui s'interrogent sur leur orientation.",
  },
  {
    key: "jeune-sans-emploi-ni-formation",
    situations: ["neet"],
    network: "missions-locales",
    service: "accueil-jeunes-16-25",
    reason:
      "La Mission Locale accompagne les jeunes de 16 à 25 ans sortis de l'école : emploi, formation, mais aussi logement, santé ou mobilité.",
  },
  {
    key: "jeune-demandeur-emploi",
    ageBands: ["from_16_to_25"],
    situations: SEEKING,
    network: "missions-locales",
    service: "accueil-jeunes-16-25",
    reason: "Avant 26 ans, la Mission Locale vous accompagne dans votre recherche d'emploi ou de formation.",
  },
  {
    key: "vae",
    needs: ["vae"],
    network: "pic-vae",
    service: "information-conseil-vae",
    reason: "Un Point Info Conseil VAE vous dit si votre expérience peut mener à un diplôme, lequel, et comment s'y prendre.",
  },
  {
    key: "cadre-evolution",
    situations: ["executive"],
    needs: ["career_change", "find_job", "choose_job_or_training"],
    network: "apec",
    service: "cep-premier-entretien",
    reason:
      "L'APEC assure le conseil en évolution professionnelle (CEP) des cadres : un conseiller vous aide à construire votre projet, gratuitement.",
  },
  {
    key: "salarie-evolution",
    situations: ["employee"],
    needs: ["career_change", "choose_job_or_training"],
    network: "transitions-pro",
    service: "projet-transition-professionnelle",
    reason:
      "Transitions Pro informe les salariés sur le conseil en évolution professionnelle (CEP) et finance les reconversions (projet de transition professionnelle).",
  },
  {
    key: "independant-evolution",
    situations: ["self_employed"],
    needs: ["career_change", "choose_job_or_training"],
    network: "opacif",
    service: "cep-premier-entretien",
    reason:
      "Le conseil en évolution professionnelle (CEP) est ouvert aux indépendants : un conseiller vous aide à faire le point.",
  },
  {
    key: "demandeur-emploi",
    situations: SEEKING,
    needs: ["find_job", "career_change", "choose_job_or_training", "create_activity"],
    network: "france-travail",
    service: "cep-premier-entretien",
    reason:
      "France Travail accompagne les demandeurs d'emploi et les bénéficiaires du RSA : recherche d'emploi, conseil en évolution professionnelle, création d'entreprise.",
  },
  {
    key: "retraite-activite",
    situations: ["retired"],
    needs: ["find_job", "career_change", "choose_job_or_training", "create_activity"],
    network: "opacif",
    service: "cep-premier-entretien",
    reason:
      "Le conseil en évolution professionnelle (CEP) est ouvert aux retraité·es qui reprennent une activité : un conseiller vous aide à construire votre projet, gratuitement.",
  },
  {
    key: "experience-vae",
    ageBands: ["from_26_to_44", "from_45"],
    situations: [...WORKING, "retired"],
    needs: ["career_change"],
    network: "pic-vae",
    service: "information-conseil-vae",
    reason:
      "Avec vos années d'expérience, une validation des acquis (VAE) peut faire reconnaître vos compétences par un diplôme et appuyer votre changement de métier.",
  },
  {
    key: "salarie-emploi",
    situations: ["employee", "self_employed", "retired", "other"],
    needs: ["find_job"],
    network: "france-travail",
    service: "information-metiers-formations",
    reason: "France Travail informe aussi sur l'emploi celles et ceux qui ne sont pas inscrits comme demandeurs d'emploi.",
  },
  {
    key: "creation-salarie",
    situations: ["employee", "executive", "self_employed"],
    needs: ["create_activity"],
    network: "france-travail",
    service: "information-metiers-formations",
    reason:
      "France Travail informe sur la création ou la reprise d'entreprise, ses aides et ses formations, y compris quand on est en poste.",
  },
  {
    key: "metiers-jeunes",
    ageBands: ["under_16", "from_16_to_25"],
    needs: ["jobs_information", "choose_job_or_training"],
    network: "information-jeunesse",
    service: "information-metiers-formations",
    reason:
      "Le Réseau Information Jeunesse informe gratuitement et sans rendez-vous obligatoire les jeunes sur les métiers, les études et l'emploi.",
  },
  {
    key: "metiers-cio",
    needs: ["jobs_information", "choose_job_or_training"],
    network: "cio",
    service: "information-metiers-formations",
    reason: "Les CIO reçoivent tout public pour s'informer sur les métiers et les formations qui recrutent, et choisir sa voie.",
  },
  {
    key: "metiers-eif",
    needs: ["jobs_information", "choose_job_or_training"],
    network: "eif",
    service: "information-metiers-formations",
    reason:
      "Un Espace Info Formation présente les métiers qui recrutent près de chez vous, les formations qui y mènent et leur financement.",
  },
  {
    key: "par-defaut",
    fallback: true,
    network: "cio",
    service: "information-metiers-formations",
    reason:
      "Les CIO reçoivent tout public, partout dans la région : un conseiller fait le point avec vous, vous informe sur les métiers et les formations, et vous dit qui peut vous accompagner ensuite.",
  },
];

export interface FaqDef {
  slug: string;
  question: string;
  answer: string;
  need?: Need;
  service?: ServiceSlug;
}

/** The demo « Questions / Réponses », in order. */
export const FAQ: FaqDef[] = [
  {
    slug: "metiers-d-avenir",
    question: "Quels sont les métiers d'avenir ?",
    answer:
      "Les métiers qui recrutent dépendent de votre territoire : santé et accompagnement des personnes, transition écologique, industrie, logistique, numérique…\n\nUn conseiller d'un CIO, du Réseau Information Jeunesse ou d'un Espace Info Formation vous présente ceux qui recrutent près de chez vous, les formations qui y mènent et leur financement.",
    need: "jobs_information",
  },
  {
    slug: "changer-de-metier-a-45-ans",
    question: "J'ai 45 ans, je travaille depuis 20 ans dans le même domaine et je veux changer de métier : que faire ?",
    answer:
      "Commencez par un conseil en évolution professionnelle (CEP) : gratuit et confidentiel, il vous aide à faire le point sur vos compétences et à construire votre projet. Les salariés s'adressent à Transitions Pro, les cadres à l'APEC.\n\nAvec vingt ans d'expérience, pensez aussi à la validation des acquis de l'expérience (VAE) : un Point Info Conseil VAE vous dit si elle peut vous mener à un diplôme.",
    need: "career_change",
  },
  {
    slug: "faire-valider-son-experience",
    question: "Comment faire reconnaître mon expérience par un diplôme ?",
    answer:
      "C'est la validation des acquis de l'expérience (VAE), ouverte dès un an d'expérience en rapport avec le diplôme visé. Un Point Info Conseil VAE vous aide à choisir le diplôme et vous explique les étapes.",
    service: "information-conseil-vae",
  },
  {
    slug: "jeune-sans-emploi",
    question: "J'ai 19 ans, j'ai quitté l'école et je ne trouve pas de travail : qui peut m'aider ?",
    answer:
      "La Mission Locale accompagne les jeunes de 16 à 25 ans : recherche d'emploi, formation, apprentissage, et aussi logement, santé ou mobilité. Un conseiller vous suit dans la durée.",
    service: "accueil-jeunes-16-25",
  },
  {
    slug: "orientation-au-lycee",
    question: "Mon enfant est au lycée et ne sait pas quoi faire après : à qui s'adresser ?",
    answer:
      "Les Centres d'Information et d'Orientation (CIO) reçoivent gratuitement les élèves et leurs familles, sur rendez-vous ou pendant les permanences, pour parler filières, apprentissage et Parcoursup.",
    need: "school_orientation",
  },
  {
    slug: "handicap-et-emploi",
    question: "Je suis en situation de handicap et je cherche un emploi : qui peut m'accompagner ?",
    answer:
      "Cap Emploi accompagne les personnes en situation de handicap dans leur recherche d'emploi et leur maintien dans l'emploi. Vous n'avez pas à dire de quel handicap il s'agit : dites seulement quels aménagements vous aideraient.",
    service: "accompagnement-handicap-emploi",
  },
];
