import type { NetworkKind } from "../../server/db/generated/client.ts";

export interface NetworkDef {
  slug: string;
  name: string;
  kind: NetworkKind;
  description: string;
}

/** The SPRO member networks named in DESIGN.md, then the partners that refer people without a calendar. */
export const NETWORKS = [
  {
    slug: "apec",
    name: "APEC",
    kind: "spro",
    description: "Association pour l'emploi des cadres : conseil en évolution professionnelle des cadres et des jeunes diplômés.",
  },
  {
    slug: "cap-emploi",
    name: "Cap Emploi",
    kind: "spro",
    description: "Accompagnement vers l'emploi et maintien dans l'emploi des personnes en situation de handicap.",
  },
  {
    slug: "cibc",
    name: "CIBC",
    kind: "spro",
    description: "Centres interinstitutionnels de bilan de compétences : bilans, VAE et évolution professionnelle.",
  },
  {
    slug: "cio",
    name: "Centres d'Information et d'Orientation (CIO)",
    kind: "spro",
    description:
      "Centres de l'Éducation nationale : information et conseil en orientation pour les élèves, les étudiants et leurs familles, et pour tout public.",
  },
  {
    slug: "eif",
    name: "Espaces Info Formation (EIF)",
    kind: "spro",
    description: "Lieux d'accueil de proximité : information sur les métiers, les formations et leur financement.",
  },
  {
    slug: "transitions-pro",
    name: "Transitions Pro (ex-Fongecif)",
    kind: "spro",
    description: "Information et financement des projets de transition professionnelle des salariés.",
  },
  {
    slug: "missions-locales",
    name: "Missions Locales",
    kind: "spro",
    description: "Accompagnement des jeunes de 16 à 25 ans : emploi, formation, logement, santé, mobilité.",
  },
  {
    slug: "opacif",
    name: "Opacif",
    kind: "spro",
    description: "Organismes paritaires : conseil en évolution professionnelle des salariés de leurs branches.",
  },
  {
    slug: "france-travail",
    name: "France Travail (ex-Pôle emploi)",
    kind: "spro",
    description: "Inscription, indemnisation et accompagnement des demandeurs d'emploi ; conseil en évolution professionnelle.",
  },
  {
    slug: "information-jeunesse",
    name: "Réseau Information Jeunesse",
    kind: "spro",
    description:
      "CRIJ, BIJ et PIJ : information gratuite et anonyme des jeunes sur les études, les métiers, l'emploi et la vie quotidienne.",
  },
  {
    slug: "universites",
    name: "Universités",
    kind: "spro",
    description: "Services universitaires d'information, d'orientation et d'insertion professionnelle.",
  },
  {
    slug: "pic-vae",
    name: "Points Info Conseil VAE (PIC)",
    kind: "spro",
    description: "Information et conseil sur la validation des acquis de l'expérience avant l'engagement dans une démarche.",
  },
  {
    slug: "ccas",
    name: "CCAS",
    kind: "partner",
    description: "Centres communaux d'action sociale.",
  },
  {
    slug: "centres-sociaux",
    name: "Centres sociaux",
    kind: "partner",
    description: "Équipements de proximité agréés par la CAF, ouverts à tous les habitants d'un quartier.",
  },
  {
    slug: "psad",
    name: "PSAD",
    kind: "partner",
    description:
      "Plateformes de suivi et d'appui aux décrocheurs : repérage et accompagnement des jeunes sortis du système scolaire sans diplôme.",
  },
  {
    slug: "referents-rsa",
    name: "Référents RSA",
    kind: "partner",
    description: "Référents de parcours des bénéficiaires du RSA, pour le compte des Départements.",
  },
] as const satisfies readonly NetworkDef[];

export type NetworkSlug = (typeof NETWORKS)[number]["slug"];
