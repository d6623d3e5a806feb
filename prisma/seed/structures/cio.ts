import type { SiteDef, StructureDef } from "./types.ts";

/** Served by the CIO of Roubaix, not by Lille Centre. */
export const ROUBAIX_SECTOR = [
  "Roubaix",
  "Wattrelos",
  "Croix",
  "Hem",
  "Lys-lez-Lannoy",
  "Lannoy",
  "Leers",
  "Toufflers",
  "Sailly-lez-Lannoy",
  "Forest-sur-Marque",
  "Willems",
  "Wasquehal",
];

/** Served by the CIO of Tourcoing, not by Lille Centre. */
export const TOURCOING_SECTOR = [
  "Tourcoing",
  "Mouvaux",
  "Neuville-en-Ferrain",
  "Roncq",
  "Halluin",
  "Bondues",
  "Linselles",
  "Bousbecque",
  "Wervicq-Sud",
  "Comines",
];

const DESCRIPTION =
  "Centre d'information et d'orientation de l'Éducation nationale : des psychologues de l'Éducation nationale reçoivent " +
  "gratuitement collégiens, lycéens, étudiants, adultes et familles pour construire un projet d'études ou de formation.";

/** Every CIO shares its network's description and offerings; only the name, sector and sites differ. */
function cio(slug: string, name: string, serves: StructureDef["serves"], sites: SiteDef[], advisors?: number): StructureDef {
  return {
    slug,
    name,
    network: "cio",
    roles: ["spo"],
    description: DESCRIPTION,
    serves,
    sites,
    ...(advisors ? { advisors } : {}),
  };
}

export const CIO_STRUCTURES: StructureDef[] = [
  cio(
    "cio-lille-centre",
    "CIO de Lille Centre",
    { territories: ["metropole-lilloise"], except: [...ROUBAIX_SECTOR, ...TOURCOING_SECTOR] },
    [
      {
        key: "centre",
        name: "CIO de Lille Centre",
        address: "36 rue d'Inkermann",
        postcode: "59000",
        commune: "Lille",
        access:
          "Métro ligne 1, station République – Beaux-Arts (5 min à pied) ; bus Citadine. Pas de parking dédié : parking public République. " +
          "Accès de plain-pied, ascenseur, boucle magnétique à l'accueil.",
      },
      {
        key: "lomme",
        name: "CIO de Lille Centre — antenne de Lomme",
        address: "12 avenue de Dunkerque",
        postcode: "59160",
        commune: "Lille",
        access: "Métro ligne 2, station Maison des Enfants ; bus 18. Parking gratuit devant le bâtiment. Accès de plain-pied.",
      },
    ],
    5,
  ),
  cio(
    "cio-roubaix",
    "CIO de Roubaix",
    { communes: ROUBAIX_SECTOR },
    [
      {
        key: "centre",
        name: "CIO de Roubaix",
        address: "51 boulevard du Général Leclerc",
        postcode: "59100",
        commune: "Roubaix",
        access:
          "Métro ligne 2, station Roubaix Grand-Place ; tram R, station Eurotéléport. Parking Grand-Place à 300 m. Bâtiment accessible : rampe et ascenseur.",
      },
    ],
    4,
  ),
  cio("cio-tourcoing", "CIO de Tourcoing", { communes: TOURCOING_SECTOR }, [
    {
      key: "centre",
      name: "CIO de Tourcoing",
      address: "24 rue de Gand",
      postcode: "59200",
      commune: "Tourcoing",
      access:
        "Métro ligne 2 et tram T, station Tourcoing Centre (3 min à pied). Stationnement payant en surface. Accès de plain-pied.",
    },
  ]),
  cio("cio-dunkerque", "CIO de Dunkerque", { territories: ["flandre-maritime", "flandre-lys"] }, [
    {
      key: "centre",
      name: "CIO de Dunkerque",
      address: "19 boulevard Sainte-Barbe",
      postcode: "59140",
      commune: "Dunkerque",
      access: "Bus DK'Bus (gratuits), lignes C1 et C3, arrêt Sainte-Barbe. Parking gratuit à 100 m. Ascenseur.",
    },
    {
      key: "hazebrouck",
      name: "CIO de Dunkerque — antenne d'Hazebrouck",
      address: "3 place du Général de Gaulle",
      postcode: "59190",
      commune: "Hazebrouck",
      access: "Gare d'Hazebrouck à 10 min à pied. Parking gratuit sur la place. Rez-de-chaussée accessible en fauteuil roulant.",
    },
  ]),
  cio("cio-douai", "CIO de Douai", { territories: ["douaisis"] }, [
    {
      key: "centre",
      name: "CIO de Douai",
      address: "12 rue de la Fonderie",
      postcode: "59500",
      commune: "Douai",
      access: "Bus Évéole lignes A et B, arrêt Gare de Douai (5 min à pied). Parking de la gare. Accès de plain-pied.",
    },
  ]),
  cio("cio-valenciennes", "CIO de Valenciennes", { territories: ["hainaut-valenciennois"] }, [
    {
      key: "centre",
      name: "CIO de Valenciennes",
      address: "5 avenue de Liège",
      postcode: "59300",
      commune: "Valenciennes",
      access:
        "Tram T1, station Hôtel de Ville ; bus Transvilles. Parking Saint-Nicolas à 200 m. Ascenseur et toilettes adaptées.",
    },
    {
      key: "denain",
      name: "CIO de Valenciennes — antenne de Denain",
      address: "40 rue de Villars",
      postcode: "59220",
      commune: "Denain",
      access: "Tram T1, station Denain Centre. Parking gratuit à l'arrière du bâtiment. Accès de plain-pied.",
    },
  ]),
  cio("cio-cambrai", "CIO de Cambrai", { territories: ["cambresis"] }, [
    {
      key: "centre",
      name: "CIO de Cambrai",
      address: "9 rue Saint-Georges",
      postcode: "59400",
      commune: "Cambrai",
      access:
        "Bus TUC, arrêt Place Aristide Briand ; gare de Cambrai à 10 min à pied. Stationnement gratuit dans la rue. Entrée par une rampe.",
    },
  ]),
  cio("cio-maubeuge", "CIO de Maubeuge", { territories: ["sambre-avesnois"] }, [
    {
      key: "centre",
      name: "CIO de Maubeuge",
      address: "22 avenue de France",
      postcode: "59600",
      commune: "Maubeuge",
      access: "Bus Stibus lignes 1 et 2, arrêt Avenue de France. Parking gratuit. Accès de plain-pied.",
    },
    {
      key: "fourmies",
      name: "CIO de Maubeuge — permanence de Fourmies",
      address: "7 rue Saint-Louis",
      postcode: "59610",
      commune: "Fourmies",
      access: "Dans les locaux de la mairie annexe, au rez-de-chaussée. Gare de Fourmies à 800 m. Parking gratuit.",
    },
  ]),
  cio("cio-arras", "CIO d'Arras", { territories: ["artois-ternois"] }, [
    {
      key: "centre",
      name: "CIO d'Arras",
      address: "44 boulevard Carnot",
      postcode: "62000",
      commune: "Arras",
      access: "À 5 min à pied de la gare d'Arras ; bus Artis, arrêt Gare. Parking de la gare. Ascenseur.",
    },
  ]),
  cio("cio-lens", "CIO de Lens", { territories: ["lens-lievin-henin-carvin"] }, [
    {
      key: "centre",
      name: "CIO de Lens",
      address: "17 rue de Paris",
      postcode: "62300",
      commune: "Lens",
      access:
        "Bus Tadao Bulle 1, arrêt Gare de Lens (3 min à pied). Parking gratuit à 150 m. Accès de plain-pied, sonnette à l'entrée.",
    },
    {
      key: "henin",
      name: "CIO de Lens — antenne d'Hénin-Beaumont",
      address: "2 place Jean Jaurès",
      postcode: "62110",
      commune: "Hénin-Beaumont",
      access: "Bus Tadao Bulle 4, arrêt Hénin Centre. Parking gratuit sur la place. Ascenseur.",
    },
  ]),
  cio("cio-bethune", "CIO de Béthune", { territories: ["bethune-bruay"] }, [
    {
      key: "centre",
      name: "CIO de Béthune",
      address: "31 rue d'Arras",
      postcode: "62400",
      commune: "Béthune",
      access: "Gare de Béthune à 10 min à pied ; bus Tadao Bulle 2, arrêt Béthune Centre. Parking gratuit. Accès de plain-pied.",
    },
  ]),
  cio(
    "cio-boulogne-sur-mer",
    "CIO de Boulogne-sur-Mer",
    {
      epcis: [
        "246200729", // CA du Boulonnais
        "200018083", // CC de Desvres-Samer
        "246200380", // CC de la Terre des Deux Caps
      ],
    },
    [
      {
        key: "centre",
        name: "CIO de Boulogne-sur-Mer",
        address: "12 boulevard Daunou",
        postcode: "62200",
        commune: "Boulogne-sur-Mer",
        access: "Bus Marinéo, arrêt Daunou. Stationnement payant dans la rue. Ascenseur.",
      },
    ],
  ),
  cio(
    "cio-calais",
    "CIO de Calais",
    {
      epcis: [
        "200090751", // CA Grand Calais Terres et Mers
        "200072478", // CC Pays d'Opale
        "246200844", // CC de la Région d'Audruicq
      ],
    },
    [
      {
        key: "centre",
        name: "CIO de Calais",
        address: "38 boulevard Jacquard",
        postcode: "62100",
        commune: "Calais",
        access: "Bus Imag'in (gratuits), arrêt Hôtel de Ville. Parking gratuit place Crèvecœur. Accès de plain-pied.",
      },
    ],
  ),
  cio("cio-saint-omer", "CIO de Saint-Omer", { territories: ["audomarois-montreuillois"] }, [
    {
      key: "centre",
      name: "CIO de Saint-Omer",
      address: "10 rue de Dunkerque",
      postcode: "62500",
      commune: "Saint-Omer",
      access: "Bus Mouvéo, arrêt Place Foch. Parking gratuit à 200 m. Ascenseur.",
    },
    {
      key: "berck",
      name: "CIO de Saint-Omer — antenne de Berck",
      address: "5 rue Carnot",
      postcode: "62600",
      commune: "Berck",
      access: "Bus de l'agglomération, arrêt Mairie. Parking gratuit. Accès de plain-pied.",
    },
  ]),
  cio(
    "cio-amiens",
    "CIO d'Amiens",
    { territories: ["grand-amienois", "haute-somme-santerre"] },
    [
      {
        key: "centre",
        name: "CIO d'Amiens",
        address: "31 boulevard Alsace-Lorraine",
        postcode: "80000",
        commune: "Amiens",
        access: "Bus Ametis Nemo N1 à N4, arrêt Gare du Nord (5 min à pied). Parking de la gare. Ascenseur, toilettes adaptées.",
      },
      {
        key: "peronne",
        name: "CIO d'Amiens — antenne de Péronne",
        address: "4 rue Saint-Fursy",
        postcode: "80200",
        commune: "Péronne",
        access: "Parking gratuit place du marché. Accès de plain-pied par l'entrée latérale.",
      },
    ],
    4,
  ),
  cio("cio-abbeville", "CIO d'Abbeville", { territories: ["picardie-maritime"] }, [
    {
      key: "centre",
      name: "CIO d'Abbeville",
      address: "16 boulevard Vauban",
      postcode: "80100",
      commune: "Abbeville",
      access: "Bus Baaltic, arrêt Gare ; gare d'Abbeville à 5 min à pied. Parking gratuit. Accès de plain-pied.",
    },
  ]),
  cio("cio-beauvais", "CIO de Beauvais", { territories: ["beauvaisis"] }, [
    {
      key: "centre",
      name: "CIO de Beauvais",
      address: "8 rue de Malherbe",
      postcode: "60000",
      commune: "Beauvais",
      access: "Bus Corolis, arrêt Hôtel de Ville. Parking Hôtel-Dieu à 200 m. Ascenseur.",
    },
  ]),
  cio("cio-compiegne", "CIO de Compiègne", { territories: ["compiegnois-noyonnais"] }, [
    {
      key: "centre",
      name: "CIO de Compiègne",
      address: "15 rue Solférino",
      postcode: "60200",
      commune: "Compiègne",
      access: "Bus TIC (gratuits), arrêt Hôtel de Ville. Stationnement payant. Accès de plain-pied.",
    },
    {
      key: "noyon",
      name: "CIO de Compiègne — antenne de Noyon",
      address: "12 rue de Paris",
      postcode: "60400",
      commune: "Noyon",
      access: "Gare de Noyon à 10 min à pied. Parking gratuit. Salle au 1er étage, avec ascenseur.",
    },
  ]),
  cio("cio-creil", "CIO de Creil", { territories: ["sud-oise"] }, [
    {
      key: "centre",
      name: "CIO de Creil",
      address: "2 rue de la République",
      postcode: "60100",
      commune: "Creil",
      access: "Gare de Creil à 5 min à pied (TER et RER D) ; bus AXO. Parking gratuit. Ascenseur.",
    },
  ]),
  cio("cio-laon", "CIO de Laon", { territories: ["laonnois", "thierache"] }, [
    {
      key: "centre",
      name: "CIO de Laon",
      address: "28 avenue Charles de Gaulle",
      postcode: "02000",
      commune: "Laon",
      access: "Bus TUL lignes 1 et 2, arrêt Gare. Parking gratuit. Accès de plain-pied.",
    },
    {
      key: "hirson",
      name: "CIO de Laon — antenne d'Hirson",
      address: "6 rue Charles de Gaulle",
      postcode: "02500",
      commune: "Hirson",
      access: "Gare d'Hirson à 10 min à pied. Parking gratuit. Rez-de-chaussée accessible.",
    },
  ]),
  cio("cio-saint-quentin", "CIO de Saint-Quentin", { territories: ["saint-quentinois-chaunois"] }, [
    {
      key: "centre",
      name: "CIO de Saint-Quentin",
      address: "14 rue de la Sellerie",
      postcode: "02100",
      commune: "Saint-Quentin",
      access: "Bus Pastel, arrêt Hôtel de Ville. Parking payant à proximité. Ascenseur.",
    },
  ]),
  cio("cio-soissons", "CIO de Soissons", { territories: ["soissonnais-sud-aisne"] }, [
    {
      key: "centre",
      name: "CIO de Soissons",
      address: "5 rue Saint-Martin",
      postcode: "02200",
      commune: "Soissons",
      access: "Bus TUS, arrêt Mail. Parking gratuit. Accès de plain-pied.",
    },
    {
      key: "chateau-thierry",
      name: "CIO de Soissons — antenne de Château-Thierry",
      address: "48 Grande Rue",
      postcode: "02400",
      commune: "Château-Thierry",
      access: "Gare de Château-Thierry à 15 min à pied ; bus Fablio. Parking gratuit. Accès de plain-pied.",
    },
  ]),
];
