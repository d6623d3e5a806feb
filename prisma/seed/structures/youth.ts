import { ROUBAIX_SECTOR } from "./cio.ts";
import type { StructureDef } from "./types.ts";

const MISSION_LOCALE =
  "Accueil, information et accompagnement des jeunes de 16 à 25 ans sortis du système scolaire : emploi, formation, " +
  "Contrat d'engagement jeune, logement, santé, mobilité.";

export const MISSIONS_LOCALES: StructureDef[] = [
  {
    slug: "mission-locale-lille",
    name: "Mission Locale de Lille",
    network: "missions-locales",
    roles: ["spo"],
    description: `${MISSION_LOCALE} Trois sites : Centre, Lille Sud et Fives.`,
    // Lomme and Hellemmes are communes associées of Lille: one INSEE code.
    serves: { communes: ["Lille"] },
    advisors: 6,
    reception: 2,
    sites: [
      {
        key: "centre",
        name: "Mission Locale de Lille — Centre",
        address: "26 rue du Molinel",
        postcode: "59000",
        commune: "Lille",
        access:
          "Métro lignes 1 et 2, station Gare Lille-Flandres ; tram R et T. Accès de plain-pied, ascenseur vers les bureaux d'entretien.",
      },
      {
        key: "lille-sud",
        name: "Mission Locale de Lille — Lille Sud",
        address: "155 rue du Faubourg des Postes",
        postcode: "59000",
        commune: "Lille",
        access: "Métro ligne 2, station Porte des Postes ; bus L1. Parking gratuit. Accès de plain-pied.",
      },
      {
        key: "fives",
        name: "Mission Locale de Lille — Fives",
        address: "42 rue Pierre Legrand",
        postcode: "59800",
        commune: "Lille",
        access: "Métro ligne 1, station Fives ; bus 18. Accès de plain-pied.",
      },
    ],
  },
  {
    slug: "mission-locale-roubaix",
    name: "Mission Locale de Roubaix",
    network: "missions-locales",
    roles: ["spo"],
    description: MISSION_LOCALE,
    serves: { communes: ROUBAIX_SECTOR, except: ["Wasquehal"] },
    reception: 1,
    sites: [
      {
        key: "centre",
        name: "Mission Locale de Roubaix",
        address: "27 avenue Jean Lebas",
        postcode: "59100",
        commune: "Roubaix",
        access: "Métro ligne 2, station Gare Jean Lebas ; tram R, station Eurotéléport. Accès de plain-pied, ascenseur.",
      },
    ],
  },
  {
    slug: "mission-locale-dunkerquois",
    name: "Mission Locale du Dunkerquois",
    network: "missions-locales",
    roles: ["spo"],
    description: MISSION_LOCALE,
    serves: { territories: ["flandre-maritime"] },
    sites: [
      {
        key: "dunkerque",
        name: "Mission Locale du Dunkerquois — Dunkerque Centre",
        address: "8 rue de l'Amiral Ronarc'h",
        postcode: "59140",
        commune: "Dunkerque",
        access: "Bus DK'Bus (gratuits), ligne C1, arrêt Gare. Parking gratuit place de la Gare. Accès de plain-pied.",
      },
      {
        key: "grande-synthe",
        name: "Mission Locale du Dunkerquois — Grande-Synthe",
        address: "3 place François Mitterrand",
        postcode: "59760",
        commune: "Grande-Synthe",
        access: "Bus DK'Bus ligne C4, arrêt Europe. Parking gratuit. Accès de plain-pied.",
      },
    ],
  },
  {
    slug: "mission-locale-valenciennois",
    name: "Mission Locale du Valenciennois",
    network: "missions-locales",
    roles: ["spo"],
    description: MISSION_LOCALE,
    serves: { territories: ["hainaut-valenciennois"] },
    reception: 1,
    sites: [
      {
        key: "valenciennes",
        name: "Mission Locale du Valenciennois — Valenciennes",
        address: "10 rue du Quesnoy",
        postcode: "59300",
        commune: "Valenciennes",
        access: "Tram T1, station Place d'Armes ; bus Transvilles. Stationnement payant. Ascenseur.",
      },
      {
        key: "denain",
        name: "Mission Locale du Valenciennois — Denain",
        address: "5 place Baudin",
        postcode: "59220",
        commune: "Denain",
        access: "Tram T1, station Denain Centre. Parking gratuit. Accès de plain-pied.",
      },
    ],
  },
  {
    slug: "mission-locale-sambre-avesnois",
    name: "Mission Locale Sambre-Avesnois",
    network: "missions-locales",
    roles: ["spo"],
    description: MISSION_LOCALE,
    serves: { territories: ["sambre-avesnois"] },
    sites: [
      {
        key: "maubeuge",
        name: "Mission Locale Sambre-Avesnois — Maubeuge",
        address: "14 rue de la Croix",
        postcode: "59600",
        commune: "Maubeuge",
        access: "Bus Stibus ligne 1, arrêt Centre. Parking gratuit à 100 m. Accès de plain-pied.",
      },
      {
        key: "avesnes",
        name: "Mission Locale Sambre-Avesnois — Avesnes-sur-Helpe",
        address: "2 place du Général Leclerc",
        postcode: "59440",
        commune: "Avesnes-sur-Helpe",
        access: "Parking gratuit sur la place. Bureau au rez-de-chaussée.",
      },
    ],
  },
  {
    slug: "mission-locale-pays-artois",
    name: "Mission Locale en Pays d'Artois",
    network: "missions-locales",
    roles: ["spo"],
    description: MISSION_LOCALE,
    serves: { territories: ["artois-ternois"] },
    sites: [
      {
        key: "arras",
        name: "Mission Locale en Pays d'Artois — Arras",
        address: "62 avenue Winston Churchill",
        postcode: "62000",
        commune: "Arras",
        access: "Bus Artis lignes 1 et 4, arrêt Churchill. Parking gratuit. Accès de plain-pied.",
      },
      {
        key: "saint-pol",
        name: "Mission Locale en Pays d'Artois — Saint-Pol-sur-Ternoise",
        address: "9 rue d'Hesdin",
        postcode: "62130",
        commune: "Saint-Pol-sur-Ternoise",
        access: "Gare de Saint-Pol-sur-Ternoise à 10 min à pied. Parking gratuit. Rez-de-chaussée accessible.",
      },
    ],
  },
  {
    slug: "mission-locale-lens-lievin",
    name: "Mission Locale de Lens-Liévin",
    network: "missions-locales",
    roles: ["spo"],
    description: MISSION_LOCALE,
    serves: { epcis: ["246200364"] }, // CA de Lens-Liévin
    reception: 1,
    sites: [
      {
        key: "lens",
        name: "Mission Locale de Lens-Liévin — Lens",
        address: "5 boulevard Basly",
        postcode: "62300",
        commune: "Lens",
        access: "Bus Tadao Bulle 1 et Bulle 3, arrêt République. Parking gratuit. Ascenseur.",
      },
      {
        key: "lievin",
        name: "Mission Locale de Lens-Liévin — Liévin",
        address: "30 rue Émile Zola",
        postcode: "62800",
        commune: "Liévin",
        access: "Bus Tadao Bulle 3, arrêt Liévin Centre. Parking gratuit. Accès de plain-pied.",
      },
    ],
  },
  {
    slug: "mission-locale-grand-amienois",
    name: "Mission Locale du Grand Amiénois",
    network: "missions-locales",
    roles: ["spo"],
    description: MISSION_LOCALE,
    serves: { territories: ["grand-amienois"] },
    advisors: 5,
    reception: 1,
    sites: [
      {
        key: "amiens-centre",
        name: "Mission Locale du Grand Amiénois — Amiens Centre",
        address: "12 rue des Jacobins",
        postcode: "80000",
        commune: "Amiens",
        access: "Bus Ametis Nemo N1 et N2, arrêt Hôtel de Ville. Stationnement payant. Ascenseur.",
      },
      {
        key: "amiens-nord",
        name: "Mission Locale du Grand Amiénois — Amiens Nord",
        address: "18 avenue de la Paix",
        postcode: "80080",
        commune: "Amiens",
        access: "Bus Ametis Nemo N3, arrêt Amiens Nord. Parking gratuit. Accès de plain-pied.",
      },
      {
        key: "doullens",
        name: "Mission Locale du Grand Amiénois — Doullens",
        address: "4 rue du Bourg",
        postcode: "80600",
        commune: "Doullens",
        access: "Parking gratuit place de l'Hôtel de Ville. Accès de plain-pied.",
      },
    ],
  },
  {
    slug: "mission-locale-beauvaisis",
    name: "Mission Locale du Beauvaisis",
    network: "missions-locales",
    roles: ["spo"],
    description: MISSION_LOCALE,
    serves: { territories: ["beauvaisis"] },
    sites: [
      {
        key: "beauvais",
        name: "Mission Locale du Beauvaisis",
        address: "25 rue de Clermont",
        postcode: "60000",
        commune: "Beauvais",
        access: "Bus Corolis ligne 1, arrêt Clermont. Parking gratuit. Accès de plain-pied.",
      },
    ],
  },
  {
    slug: "mission-locale-saint-quentinois",
    name: "Mission Locale du Saint-Quentinois",
    network: "missions-locales",
    roles: ["spo"],
    description: MISSION_LOCALE,
    serves: { territories: ["saint-quentinois-chaunois"] },
    sites: [
      {
        key: "saint-quentin",
        name: "Mission Locale du Saint-Quentinois — Saint-Quentin",
        address: "19 rue d'Isle",
        postcode: "02100",
        commune: "Saint-Quentin",
        access: "Bus Pastel, arrêt Rue d'Isle. Parking payant à proximité. Ascenseur.",
      },
      {
        key: "chauny",
        name: "Mission Locale du Saint-Quentinois — Chauny",
        address: "8 rue de la Chaussée",
        postcode: "02300",
        commune: "Chauny",
        access: "Gare de Chauny à 10 min à pied. Parking gratuit. Accès de plain-pied.",
      },
    ],
  },
];

const INFORMATION_JEUNESSE =
  "Information gratuite, anonyme et sans rendez-vous obligatoire des jeunes : études, métiers, jobs, stages, mobilité internationale, vie quotidienne.";

export const INFORMATION_JEUNESSE_STRUCTURES: StructureDef[] = [
  {
    slug: "crij-hauts-de-france",
    name: "CRIJ Hauts-de-France",
    network: "information-jeunesse",
    roles: ["spo"],
    description: `${INFORMATION_JEUNESSE} Centre régional, à Lille et à Amiens.`,
    serves: { region: true },
    advisors: 4,
    sites: [
      {
        key: "lille",
        name: "CRIJ Hauts-de-France — Lille",
        address: "2 rue Nicolas Leblanc",
        postcode: "59000",
        commune: "Lille",
        access: "Métro ligne 1, station République – Beaux-Arts. Accès de plain-pied.",
      },
      {
        key: "amiens",
        name: "CRIJ Hauts-de-France — Amiens",
        address: "56 rue du Vivier",
        postcode: "80000",
        commune: "Amiens",
        access: "Bus Ametis Nemo N2, arrêt Saint-Leu. Stationnement payant. Ascenseur.",
      },
    ],
  },
  {
    slug: "bij-arras",
    name: "Bureau Information Jeunesse d'Arras",
    network: "information-jeunesse",
    roles: ["spo"],
    description: INFORMATION_JEUNESSE,
    serves: { epcis: ["200033579"] }, // CU d'Arras
    sites: [
      {
        key: "centre",
        name: "Bureau Information Jeunesse d'Arras",
        address: "5 rue des Capucins",
        postcode: "62000",
        commune: "Arras",
        access: "Bus Artis, arrêt Grand'Place. Parking Grand'Place. Accès de plain-pied.",
      },
    ],
  },
  {
    slug: "bij-beauvais",
    name: "Bureau Information Jeunesse de Beauvais",
    network: "information-jeunesse",
    roles: ["spo"],
    description: INFORMATION_JEUNESSE,
    serves: { epcis: ["200067999"] }, // CA du Beauvaisis
    sites: [
      {
        key: "centre",
        name: "Bureau Information Jeunesse de Beauvais",
        address: "4 rue Saint-Pierre",
        postcode: "60000",
        commune: "Beauvais",
        access: "Bus Corolis, arrêt Cathédrale. Parking Saint-Pierre. Rez-de-chaussée accessible.",
      },
    ],
  },
];

export const UNIVERSITIES: StructureDef[] = [
  {
    slug: "universite-de-lille-suaio",
    name: "Université de Lille — SUAIO",
    network: "universites",
    roles: ["spo"],
    description:
      "Service universitaire d'accompagnement, d'information et d'orientation : choix de filière, réorientation, reprise d'études et VAE.",
    serves: { departments: ["59", "62"] },
    advisors: 4,
    sites: [
      {
        key: "cite-scientifique",
        name: "SUAIO — Campus Cité scientifique",
        address: "Bâtiment A3, avenue Paul Langevin",
        postcode: "59650",
        commune: "Villeneuve-d'Ascq",
        access:
          "Métro ligne 1, station Cité Scientifique – Professeur Gabillard. Parkings du campus. Bâtiment accessible : rampe et ascenseur.",
      },
      {
        key: "pont-de-bois",
        name: "SUAIO — Campus Pont-de-Bois",
        address: "Bâtiment A, rue du Barreau",
        postcode: "59650",
        commune: "Villeneuve-d'Ascq",
        access: "Métro ligne 1, station Pont de Bois. Accès de plain-pied.",
      },
      {
        key: "moulins",
        name: "SUAIO — Campus Moulins",
        address: "1 place Déliot",
        postcode: "59000",
        commune: "Lille",
        access: "Métro ligne 2, station Porte de Douai. Ascenseur.",
      },
    ],
  },
  {
    slug: "upjv-orientation",
    name: "Université de Picardie Jules Verne — Orientation et insertion",
    network: "universites",
    roles: ["spo"],
    description:
      "Orientation, réorientation et insertion professionnelle des étudiants ; information sur la reprise d'études et la VAE.",
    serves: { departments: ["80", "02", "60"] },
    sites: [
      {
        key: "citadelle",
        name: "UPJV — Pôle universitaire Citadelle",
        address: "10 rue des Français Libres",
        postcode: "80000",
        commune: "Amiens",
        access: "Bus Ametis Nemo N1, arrêt Citadelle. Accès de plain-pied, ascenseurs.",
      },
      {
        key: "beauvais",
        name: "UPJV — Antenne universitaire de Beauvais",
        address: "52 boulevard Saint-André",
        postcode: "60000",
        commune: "Beauvais",
        access: "Bus Corolis, arrêt Saint-André. Parking du campus. Ascenseur.",
      },
    ],
  },
  {
    slug: "universite-artois-scuio",
    name: "Université d'Artois — SCUIO-IP",
    network: "universites",
    roles: ["spo"],
    description:
      "Service commun universitaire d'information, d'orientation et d'insertion professionnelle, sur les campus d'Arras, Lens et Béthune.",
    serves: { departments: ["62"] },
    sites: [
      {
        key: "arras",
        name: "SCUIO-IP — Arras",
        address: "9 rue du Temple",
        postcode: "62000",
        commune: "Arras",
        access: "Gare d'Arras à 10 min à pied ; bus Artis, arrêt Université. Ascenseur.",
      },
      {
        key: "lens",
        name: "SCUIO-IP — Lens, faculté des sciences Jean Perrin",
        address: "Rue Jean Souvraz",
        postcode: "62300",
        commune: "Lens",
        access: "Bus Tadao Bulle 2, arrêt Université. Parking du campus. Accès de plain-pied.",
      },
      {
        key: "bethune",
        name: "SCUIO-IP — Béthune",
        address: "1230 rue de l'Université",
        postcode: "62400",
        commune: "Béthune",
        access: "Bus Tadao, arrêt Université. Parking du campus. Accès de plain-pied.",
      },
    ],
  },
  {
    slug: "uphf-suio",
    name: "Université Polytechnique Hauts-de-France — SUIO",
    network: "universites",
    roles: ["spo"],
    description: "Service universitaire d'information et d'orientation : choix d'études, réorientation, alternance, VAE.",
    serves: { territories: ["hainaut-valenciennois", "cambresis", "sambre-avesnois"] },
    advisors: 2,
    sites: [
      {
        key: "mont-houy",
        name: "UPHF — Campus du Mont Houy",
        address: "Bâtiment Matisse, campus du Mont Houy",
        postcode: "59300",
        commune: "Valenciennes",
        access: "Tram T1, station Université. Parkings du campus. Ascenseur.",
      },
    ],
  },
];
