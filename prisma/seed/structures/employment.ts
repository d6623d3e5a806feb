import { ROUBAIX_SECTOR } from "./cio.ts";
import type { StructureDef } from "./types.ts";

/** France Travail Lille Vauban's sector: Lille and the communes west and north of it. */
const LILLE_VAUBAN_SECTOR = [
  "Lille",
  "Lambersart",
  "La Madeleine",
  "Saint-André-lez-Lille",
  "Marquette-lez-Lille",
  "Wambrechies",
  "Loos",
  "Haubourdin",
  "Lompret",
  "Verlinghem",
  "Pérenchies",
  "Prémesques",
  "Capinghem",
  "Sequedin",
  "Englos",
  "Hallennes-lez-Haubourdin",
  "Santes",
];

export const APEC: StructureDef[] = [
  {
    slug: "apec-lille",
    name: "APEC Lille",
    network: "apec",
    roles: ["cep"],
    description:
      "Centre APEC de Lille : conseil en évolution professionnelle des cadres et des jeunes diplômés du Nord et du Pas-de-Calais.",
    serves: { departments: ["59", "62"] },
    advisors: 4,
    sites: [
      {
        key: "euralille",
        name: "APEC Lille — Euralille",
        address: "25 avenue Willy Brandt",
        postcode: "59777",
        commune: "Lille",
        access:
          "Gares Lille-Flandres et Lille-Europe à 5 min à pied ; métro lignes 1 et 2, tram R et T. Parking Euralille. Bâtiment accessible, ascenseurs.",
      },
      {
        key: "valenciennes",
        name: "APEC — permanence de Valenciennes",
        address: "14 place d'Armes",
        postcode: "59300",
        commune: "Valenciennes",
        access: "Tram T1, station Place d'Armes. Parking souterrain Place d'Armes. Ascenseur.",
      },
    ],
  },
  {
    slug: "apec-amiens",
    name: "APEC Amiens",
    network: "apec",
    roles: ["cep"],
    description:
      "Centre APEC d'Amiens : conseil en évolution professionnelle des cadres et des jeunes diplômés de la Somme, de l'Oise et de l'Aisne.",
    serves: { departments: ["80", "60", "02"] },
    sites: [
      {
        key: "amiens",
        name: "APEC Amiens",
        address: "8 rue de la République",
        postcode: "80000",
        commune: "Amiens",
        access: "Gare d'Amiens à 10 min à pied ; bus Ametis Nemo N1 à N4. Stationnement payant. Ascenseur.",
      },
    ],
  },
];

const CAP_EMPLOI =
  "Organisme de placement spécialisé : accompagnement vers l'emploi des personnes en situation de handicap, maintien dans l'emploi " +
  "et conseil en évolution professionnelle.";

export const CAP_EMPLOI_STRUCTURES: StructureDef[] = [
  {
    slug: "cap-emploi-nord",
    name: "Cap Emploi Nord",
    network: "cap-emploi",
    roles: ["spo", "cep"],
    description: CAP_EMPLOI,
    serves: { departments: ["59"] },
    advisors: 6,
    reception: 1,
    sites: [
      {
        key: "lille",
        name: "Cap Emploi Nord — Lille",
        address: "12 rue de Tournai",
        postcode: "59000",
        commune: "Lille",
        access:
          "Métro lignes 1 et 2, station Gare Lille-Flandres (3 min à pied). Deux places de stationnement réservées devant l'entrée. " +
          "Accès de plain-pied, ascenseur, boucle magnétique, toilettes adaptées.",
      },
      {
        key: "valenciennes",
        name: "Cap Emploi Nord — Valenciennes",
        address: "3 rue de Famars",
        postcode: "59300",
        commune: "Valenciennes",
        access: "Tram T1, station Hôtel de Ville. Places de stationnement réservées. Accès de plain-pied, toilettes adaptées.",
      },
      {
        key: "dunkerque",
        name: "Cap Emploi Nord — Dunkerque",
        address: "22 rue Poincaré",
        postcode: "59140",
        commune: "Dunkerque",
        access: "Bus DK'Bus (gratuits), ligne C1, arrêt Poincaré. Places de stationnement réservées. Ascenseur.",
      },
    ],
  },
  {
    slug: "cap-emploi-pas-de-calais",
    name: "Cap Emploi Pas-de-Calais",
    network: "cap-emploi",
    roles: ["spo", "cep"],
    description: `${CAP_EMPLOI} Premier rendez-vous sur orientation de France Travail, d'une Mission Locale ou d'un référent RSA.`,
    serves: { departments: ["62"] },
    advisors: 5,
    // Here the first meeting follows a referral, as the department's agreement provides.
    offerings: { "accompagnement-handicap-emploi": { bookableBy: "referral" } },
    sites: [
      {
        key: "arras",
        name: "Cap Emploi Pas-de-Calais — Arras",
        address: "11 rue Saint-Aubert",
        postcode: "62000",
        commune: "Arras",
        access: "Bus Artis, arrêt Saint-Aubert. Places de stationnement réservées. Accès de plain-pied.",
      },
      {
        key: "lens",
        name: "Cap Emploi Pas-de-Calais — Lens",
        address: "45 boulevard Basly",
        postcode: "62300",
        commune: "Lens",
        access: "Bus Tadao Bulle 1, arrêt République. Parking gratuit. Ascenseur, toilettes adaptées.",
      },
      {
        key: "boulogne",
        name: "Cap Emploi Pas-de-Calais — Boulogne-sur-Mer",
        address: "8 rue Victor Hugo",
        postcode: "62200",
        commune: "Boulogne-sur-Mer",
        access: "Bus Marinéo, arrêt Victor Hugo. Stationnement payant. Ascenseur.",
      },
    ],
  },
  {
    slug: "cap-emploi-somme",
    name: "Cap Emploi Somme",
    network: "cap-emploi",
    roles: ["spo", "cep"],
    description: CAP_EMPLOI,
    serves: { departments: ["80"] },
    sites: [
      {
        key: "amiens",
        name: "Cap Emploi Somme",
        address: "14 rue Jules Barni",
        postcode: "80000",
        commune: "Amiens",
        access: "Bus Ametis Nemo N1, arrêt Jules Barni. Places de stationnement réservées. Accès de plain-pied.",
      },
    ],
  },
  {
    slug: "cap-emploi-oise",
    name: "Cap Emploi Oise",
    network: "cap-emploi",
    roles: ["spo", "cep"],
    description: CAP_EMPLOI,
    serves: { departments: ["60"] },
    sites: [
      {
        key: "beauvais",
        name: "Cap Emploi Oise — Beauvais",
        address: "3 rue Jean Racine",
        postcode: "60000",
        commune: "Beauvais",
        access: "Bus Corolis, arrêt Jean Racine. Parking gratuit. Accès de plain-pied.",
      },
      {
        key: "nogent",
        name: "Cap Emploi Oise — Nogent-sur-Oise",
        address: "12 rue du Général de Gaulle",
        postcode: "60180",
        commune: "Nogent-sur-Oise",
        access: "Gare de Creil à 15 min à pied ; bus AXO. Parking gratuit. Ascenseur.",
      },
    ],
  },
  {
    slug: "cap-emploi-aisne",
    name: "Cap Emploi Aisne",
    network: "cap-emploi",
    roles: ["spo", "cep"],
    description: CAP_EMPLOI,
    serves: { departments: ["02"] },
    sites: [
      {
        key: "laon",
        name: "Cap Emploi Aisne — Laon",
        address: "5 rue Sérurier",
        postcode: "02000",
        commune: "Laon",
        access: "Bus TUL, arrêt Hôtel de Ville. Parking gratuit. Accès de plain-pied.",
      },
      {
        key: "saint-quentin",
        name: "Cap Emploi Aisne — Saint-Quentin",
        address: "40 boulevard Victor Hugo",
        postcode: "02100",
        commune: "Saint-Quentin",
        access: "Bus Pastel, arrêt Victor Hugo. Parking gratuit. Ascenseur.",
      },
    ],
  },
];

const FRANCE_TRAVAIL =
  "Agence France Travail : inscription, indemnisation et accompagnement des demandeurs d'emploi ; conseil en évolution professionnelle.";

/** One agency, one site: France Travail agencies are where their name says. */
function agency(
  slug: string,
  name: string,
  serves: StructureDef["serves"],
  site: Omit<StructureDef["sites"][number], "key" | "name">,
): StructureDef {
  return {
    slug,
    name,
    network: "france-travail",
    roles: ["spo", "cep"],
    description: FRANCE_TRAVAIL,
    serves,
    reception: 1,
    sites: [{ key: "agence", name, ...site }],
  };
}

export const FRANCE_TRAVAIL_AGENCIES: StructureDef[] = [
  agency(
    "france-travail-lille-vauban",
    "France Travail Lille Vauban",
    { communes: LILLE_VAUBAN_SECTOR },
    {
      address: "78 boulevard Vauban",
      postcode: "59000",
      commune: "Lille",
      access: "Bus Citadine et ligne 18, arrêt Vauban ; métro ligne 1, station Gambetta à 10 min. Accès de plain-pied.",
    },
  ),
  agency(
    "france-travail-roubaix",
    "France Travail Roubaix",
    { communes: ROUBAIX_SECTOR },
    {
      address: "15 rue du Grand Chemin",
      postcode: "59100",
      commune: "Roubaix",
      access: "Métro ligne 2, station Roubaix Grand-Place. Parking Grand-Place. Accès de plain-pied.",
    },
  ),
  agency(
    "france-travail-dunkerque",
    "France Travail Dunkerque",
    { territories: ["flandre-maritime"] },
    {
      address: "41 boulevard Alexandre III",
      postcode: "59140",
      commune: "Dunkerque",
      access: "Bus DK'Bus (gratuits), ligne C2, arrêt Alexandre III. Parking gratuit. Accès de plain-pied.",
    },
  ),
  agency(
    "france-travail-lens",
    "France Travail Lens",
    { epcis: ["246200364"] }, // CA de Lens-Liévin
    {
      address: "12 rue Casimir Beugnet",
      postcode: "62300",
      commune: "Lens",
      access: "Bus Tadao Bulle 1, arrêt Gare de Lens. Parking gratuit. Accès de plain-pied.",
    },
  ),
  agency(
    "france-travail-amiens-nord",
    "France Travail Amiens Nord",
    { epcis: ["248000531"] }, // CA Amiens Métropole
    {
      address: "2 rue du Colonel Fabien",
      postcode: "80080",
      commune: "Amiens",
      access: "Bus Ametis Nemo N3, arrêt Amiens Nord. Parking gratuit. Accès de plain-pied.",
    },
  ),
  agency(
    "france-travail-beauvais",
    "France Travail Beauvais",
    { territories: ["beauvaisis"] },
    {
      address: "17 avenue Blaise Pascal",
      postcode: "60000",
      commune: "Beauvais",
      access: "Bus Corolis ligne 6, arrêt Blaise Pascal. Parking gratuit. Accès de plain-pied.",
    },
  ),
  agency(
    "france-travail-laon",
    "France Travail Laon",
    { territories: ["laonnois"] },
    {
      address: "10 avenue Pierre Mendès France",
      postcode: "02000",
      commune: "Laon",
      access: "Bus TUL ligne 2, arrêt Mendès France. Parking gratuit. Accès de plain-pied.",
    },
  ),
];
