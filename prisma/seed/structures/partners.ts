import type { StructureDef } from "./types.ts";

/** Partners refer people to the SPRO structures; they have no offering and no calendar. */
export const PARTNERS: StructureDef[] = [
  {
    slug: "ccas-roubaix",
    name: "CCAS de Roubaix",
    network: "ccas",
    roles: [],
    description: "Centre communal d'action sociale de la ville de Roubaix.",
    serves: { communes: ["Roubaix"] },
    sites: [
      {
        key: "centre",
        name: "CCAS de Roubaix",
        address: "9 rue du Général Sarrail",
        postcode: "59100",
        commune: "Roubaix",
        access: "Métro ligne 2, station Roubaix Grand-Place. Accès de plain-pied.",
      },
    ],
  },
  {
    slug: "ccas-amiens",
    name: "CCAS d'Amiens",
    network: "ccas",
    roles: [],
    description: "Centre communal d'action sociale de la ville d'Amiens.",
    serves: { communes: ["Amiens"] },
    sites: [
      {
        key: "centre",
        name: "CCAS d'Amiens",
        address: "13 rue Frédéric Petit",
        postcode: "80000",
        commune: "Amiens",
        access: "Bus Ametis Nemo N1, arrêt Hôtel de Ville. Ascenseur.",
      },
    ],
  },
  {
    slug: "centre-social-les-passerelles-tourcoing",
    name: "Centre social Les Passerelles (Tourcoing)",
    network: "centres-sociaux",
    roles: [],
    description:
      "Centre social de quartier : accueil, accès aux droits, accompagnement des habitants vers l'emploi et la formation.",
    serves: { communes: ["Tourcoing"] },
    sites: [
      {
        key: "centre",
        name: "Centre social Les Passerelles",
        address: "58 rue du Brun Pain",
        postcode: "59200",
        commune: "Tourcoing",
        access: "Bus ligne 30, arrêt Brun Pain. Accès de plain-pied.",
      },
    ],
  },
  {
    slug: "centre-social-la-cle-des-champs-saint-quentin",
    name: "Centre social La Clé des champs (Saint-Quentin)",
    network: "centres-sociaux",
    roles: [],
    description: "Centre social de quartier : accueil, accès aux droits, ateliers, accompagnement des habitants.",
    serves: { communes: ["Saint-Quentin"] },
    sites: [
      {
        key: "centre",
        name: "Centre social La Clé des champs",
        address: "5 rue de Guise",
        postcode: "02100",
        commune: "Saint-Quentin",
        access: "Bus Pastel, arrêt Rue de Guise. Accès de plain-pied.",
      },
    ],
  },
  {
    slug: "psad-lens",
    name: "PSAD de Lens",
    network: "psad",
    roles: [],
    description: "Plateforme de suivi et d'appui aux décrocheurs du bassin de Lens-Liévin et Hénin-Carvin.",
    serves: { territories: ["lens-lievin-henin-carvin"] },
    sites: [
      {
        key: "cio",
        name: "PSAD de Lens (au CIO de Lens)",
        address: "17 rue de Paris",
        postcode: "62300",
        commune: "Lens",
        access: "Dans les locaux du CIO de Lens. Bus Tadao Bulle 1, arrêt Gare de Lens. Accès de plain-pied.",
      },
    ],
  },
  {
    slug: "psad-grand-amienois",
    name: "PSAD du Grand Amiénois",
    network: "psad",
    roles: [],
    description: "Plateforme de suivi et d'appui aux décrocheurs du Grand Amiénois.",
    serves: { territories: ["grand-amienois"] },
    sites: [
      {
        key: "cio",
        name: "PSAD du Grand Amiénois (au CIO d'Amiens)",
        address: "31 boulevard Alsace-Lorraine",
        postcode: "80000",
        commune: "Amiens",
        access: "Dans les locaux du CIO d'Amiens. Bus Ametis Nemo N1 à N4, arrêt Gare du Nord. Ascenseur.",
      },
    ],
  },
  {
    slug: "referents-rsa-nord-lille",
    name: "Référents RSA — Département du Nord, UTPAS de Lille",
    network: "referents-rsa",
    roles: [],
    description: "Référents de parcours des allocataires du RSA de Lille, pour le Département du Nord.",
    serves: { communes: ["Lille"] },
    sites: [
      {
        key: "utpas",
        name: "UTPAS de Lille",
        address: "6 rue Jeanne d'Arc",
        postcode: "59000",
        commune: "Lille",
        access: "Métro ligne 1, station République – Beaux-Arts. Accès de plain-pied.",
      },
    ],
  },
  {
    slug: "referents-rsa-aisne-laon",
    name: "Référents RSA — Département de l'Aisne, Laon",
    network: "referents-rsa",
    roles: [],
    description: "Référents de parcours des allocataires du RSA du Laonnois, pour le Département de l'Aisne.",
    serves: { territories: ["laonnois"] },
    sites: [
      {
        key: "utas",
        name: "Unité territoriale d'action sociale de Laon",
        address: "1 rue Paul Doumer",
        postcode: "02000",
        commune: "Laon",
        access: "Bus TUL, arrêt Paul Doumer. Parking gratuit. Accès de plain-pied.",
      },
    ],
  },
];
