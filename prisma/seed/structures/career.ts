import type { StructureDef } from "./types.ts";

const CIBC = "Bilans de compétences, information-conseil et accompagnement VAE, conseil en évolution professionnelle.";
const PIC_VAE =
  "Point Info Conseil VAE : information gratuite sur la validation des acquis de l'expérience, choix de la certification, " +
  "financement et orientation vers un accompagnateur.";

export const CIBC_STRUCTURES: StructureDef[] = [
  {
    slug: "cibc-hainaut",
    name: "CIBC du Hainaut",
    network: "cibc",
    roles: ["pic_vae"],
    description: CIBC,
    serves: { territories: ["hainaut-valenciennois", "cambresis", "sambre-avesnois"] },
    advisors: 4,
    sites: [
      {
        key: "valenciennes",
        name: "CIBC du Hainaut — Valenciennes",
        address: "28 boulevard Watteau",
        postcode: "59300",
        commune: "Valenciennes",
        access: "Tram T1, station Hôtel de Ville. Parking gratuit dans la cour. Salle de réunion au rez-de-chaussée.",
      },
      {
        key: "maubeuge",
        name: "CIBC du Hainaut — Maubeuge",
        address: "5 place des Nations",
        postcode: "59600",
        commune: "Maubeuge",
        access: "Bus Stibus, arrêt Place des Nations. Parking gratuit. Ascenseur.",
      },
    ],
  },
  {
    slug: "cibc-artois",
    name: "CIBC Artois",
    network: "cibc",
    roles: ["pic_vae"],
    description: CIBC,
    serves: { territories: ["artois-ternois", "lens-lievin-henin-carvin", "bethune-bruay"] },
    sites: [
      {
        key: "arras",
        name: "CIBC Artois — Arras",
        address: "18 rue Émile Legrelle",
        postcode: "62000",
        commune: "Arras",
        access: "Gare d'Arras à 5 min à pied. Parking de la gare. Ascenseur.",
      },
      {
        key: "bethune",
        name: "CIBC Artois — Béthune",
        address: "10 boulevard Victor Hugo",
        postcode: "62400",
        commune: "Béthune",
        access: "Bus Tadao Bulle 2, arrêt Victor Hugo. Parking gratuit. Accès de plain-pied.",
      },
    ],
  },
  {
    slug: "cibc-oise",
    name: "CIBC de l'Oise",
    network: "cibc",
    roles: ["pic_vae"],
    description: CIBC,
    serves: { departments: ["60"] },
    sites: [
      {
        key: "beauvais",
        name: "CIBC de l'Oise — Beauvais",
        address: "6 rue Gambetta",
        postcode: "60000",
        commune: "Beauvais",
        access: "Bus Corolis, arrêt Hôtel de Ville. Parking Hôtel de Ville. Ascenseur.",
      },
      {
        key: "compiegne",
        name: "CIBC de l'Oise — Compiègne",
        address: "4 cours Guynemer",
        postcode: "60200",
        commune: "Compiègne",
        access: "Gare de Compiègne à 10 min à pied ; bus TIC (gratuits). Stationnement payant. Accès de plain-pied.",
      },
    ],
  },
];

export const PIC_VAE_STRUCTURES: StructureDef[] = [
  {
    slug: "pic-vae-nord",
    name: "PIC VAE Nord",
    network: "pic-vae",
    roles: ["pic_vae"],
    description: PIC_VAE,
    serves: { departments: ["59"] },
    advisors: 3,
    sites: [
      {
        key: "lille",
        name: "PIC VAE Nord — Lille",
        address: "8 rue Faidherbe",
        postcode: "59000",
        commune: "Lille",
        access: "Métro lignes 1 et 2, station Gare Lille-Flandres (2 min à pied) ; tram R et T. Ascenseur.",
      },
      {
        key: "douai",
        name: "PIC VAE Nord — Douai",
        address: "3 place d'Armes",
        postcode: "59500",
        commune: "Douai",
        access: "Bus Évéole ligne A, arrêt Place d'Armes. Parking souterrain. Ascenseur.",
      },
    ],
  },
  {
    slug: "pic-vae-pas-de-calais",
    name: "PIC VAE Pas-de-Calais",
    network: "pic-vae",
    roles: ["pic_vae"],
    description: PIC_VAE,
    serves: { departments: ["62"] },
    advisors: 3,
    sites: [
      {
        key: "arras",
        name: "PIC VAE Pas-de-Calais — Arras",
        address: "2 place du Théâtre",
        postcode: "62000",
        commune: "Arras",
        access: "Bus Artis, arrêt Théâtre. Parking Grand'Place. Salle au 1er étage, avec ascenseur.",
      },
      {
        key: "boulogne",
        name: "PIC VAE Pas-de-Calais — Boulogne-sur-Mer",
        address: "25 rue Nationale",
        postcode: "62200",
        commune: "Boulogne-sur-Mer",
        access: "Bus Marinéo, arrêt Nationale. Stationnement payant. Accès de plain-pied.",
      },
    ],
  },
  {
    slug: "pic-vae-somme",
    name: "PIC VAE Somme",
    network: "pic-vae",
    roles: ["pic_vae"],
    description: PIC_VAE,
    serves: { departments: ["80"] },
    sites: [
      {
        key: "amiens",
        name: "PIC VAE Somme",
        address: "9 place Gambetta",
        postcode: "80000",
        commune: "Amiens",
        access: "Bus Ametis Nemo N1 et N2, arrêt Gambetta. Stationnement payant. Ascenseur.",
      },
    ],
  },
  {
    slug: "pic-vae-oise",
    name: "PIC VAE Oise",
    network: "pic-vae",
    roles: ["pic_vae"],
    description: PIC_VAE,
    serves: { departments: ["60"] },
    sites: [
      {
        key: "beauvais",
        name: "PIC VAE Oise — Beauvais",
        address: "11 rue Desgroux",
        postcode: "60000",
        commune: "Beauvais",
        access: "Bus Corolis, arrêt Desgroux. Parking gratuit. Accès de plain-pied.",
      },
      {
        key: "creil",
        name: "PIC VAE Oise — Creil",
        address: "1 place Carnot",
        postcode: "60100",
        commune: "Creil",
        access: "Gare de Creil à 5 min à pied (TER et RER D). Parking gratuit. Ascenseur.",
      },
    ],
  },
  {
    slug: "pic-vae-aisne",
    name: "PIC VAE Aisne",
    network: "pic-vae",
    roles: ["pic_vae"],
    description: PIC_VAE,
    serves: { departments: ["02"] },
    sites: [
      {
        key: "laon",
        name: "PIC VAE Aisne — Laon",
        address: "3 rue du Bourg",
        postcode: "02000",
        commune: "Laon",
        access: "Ville haute : bus TUL ligne 1, arrêt Hôtel de Ville. Parking gratuit. Accès de plain-pied.",
      },
      {
        key: "soissons",
        name: "PIC VAE Aisne — Soissons",
        address: "18 avenue de Reims",
        postcode: "02200",
        commune: "Soissons",
        access: "Bus TUS, arrêt Avenue de Reims. Parking gratuit. Accès de plain-pied.",
      },
    ],
  },
];

export const TRANSITIONS_AND_OPACIF: StructureDef[] = [
  {
    slug: "transitions-pro-hauts-de-france",
    name: "Transitions Pro Hauts-de-France",
    network: "transitions-pro",
    roles: ["spo"],
    description:
      "Association paritaire régionale : information des salariés sur le projet de transition professionnelle, instruction et financement des dossiers.",
    serves: { region: true },
    advisors: 4,
    sites: [
      {
        key: "lille",
        name: "Transitions Pro Hauts-de-France — Lille",
        address: "18 rue de Paris",
        postcode: "59000",
        commune: "Lille",
        access: "Métro ligne 1, station Rihour ; métro ligne 2, station Gare Lille-Flandres. Ascenseur.",
      },
      {
        key: "amiens",
        name: "Transitions Pro Hauts-de-France — Amiens",
        address: "12 rue Delambre",
        postcode: "80000",
        commune: "Amiens",
        access: "Gare d'Amiens à 10 min à pied ; bus Ametis Nemo N2. Stationnement payant. Ascenseur.",
      },
    ],
  },
  {
    slug: "opacif-hauts-de-france",
    name: "Opacif — délégation Hauts-de-France",
    network: "opacif",
    roles: ["cep"],
    description:
      "Conseil en évolution professionnelle des salariés des branches adhérentes ; information sur le bilan de compétences.",
    serves: { region: true },
    advisors: 2,
    sites: [
      {
        key: "marcq",
        name: "Opacif — Marcq-en-Barœul",
        address: "310 avenue de la Marne",
        postcode: "59700",
        commune: "Marcq-en-Barœul",
        access: "Tram R et T, station Croisé Laroche. Parking visiteurs. Ascenseur.",
      },
    ],
  },
];

const EIF =
  "Espace Info Formation : information de proximité sur les métiers, les formations et leur financement, ateliers collectifs.";

export const EIF_STRUCTURES: StructureDef[] = [
  {
    slug: "eif-douaisis",
    name: "Espace Info Formation du Douaisis",
    network: "eif",
    roles: ["spo"],
    description: EIF,
    serves: { territories: ["douaisis"] },
    sites: [
      {
        key: "douai",
        name: "Espace Info Formation — Douai",
        address: "22 rue Saint-Jacques",
        postcode: "59500",
        commune: "Douai",
        access: "Bus Évéole ligne B, arrêt Saint-Jacques. Parking gratuit. Accès de plain-pied.",
      },
      {
        key: "somain",
        name: "Espace Info Formation — permanence de Somain",
        address: "11 rue Pasteur",
        postcode: "59490",
        commune: "Somain",
        access: "Gare de Somain à 5 min à pied. Parking gratuit. Accès de plain-pied.",
      },
    ],
  },
  {
    slug: "eif-calaisis",
    name: "Espace Info Formation du Calaisis",
    network: "eif",
    roles: ["spo"],
    description: EIF,
    serves: {
      epcis: [
        "200090751", // CA Grand Calais Terres et Mers
        "200072478", // CC Pays d'Opale
        "246200844", // CC de la Région d'Audruicq
      ],
    },
    sites: [
      {
        key: "calais",
        name: "Espace Info Formation — Calais",
        address: "16 rue Royale",
        postcode: "62100",
        commune: "Calais",
        access: "Bus Imag'in (gratuits), arrêt Place d'Armes. Parking gratuit à 200 m. Accès de plain-pied.",
      },
    ],
  },
  {
    slug: "eif-lens-lievin",
    name: "Espace Info Formation de Lens-Liévin",
    network: "eif",
    roles: ["spo"],
    description: EIF,
    serves: { territories: ["lens-lievin-henin-carvin"] },
    sites: [
      {
        key: "lievin",
        name: "Espace Info Formation — Liévin",
        address: "3 place Gambetta",
        postcode: "62800",
        commune: "Liévin",
        access: "Bus Tadao Bulle 3, arrêt Liévin Centre. Parking gratuit. Ascenseur.",
      },
    ],
  },
];
