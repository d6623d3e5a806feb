import type { CommuneIndex } from "./communes.ts";

export interface TerritoryDef {
  slug: string;
  name: string;
  /** Built from whole EPCIs, as the Région's employment-training zones are. */
  epcis: string[];
}

/**
 * The coordination zones of the demo: the region's employment areas, each a set of whole
 * EPCIs, so that together they cover every commune of the region exactly once (a
 * coordinator always knows whose a commune is).
 */
export const TERRITORIES: TerritoryDef[] = [
  // ---- Nord
  {
    slug: "metropole-lilloise",
    name: "Métropole lilloise",
    epcis: [
      "200093201", // Métropole Européenne de Lille
      "200041960", // CC Pévèle-Carembault
    ],
  },
  {
    slug: "flandre-maritime",
    name: "Flandre maritime – Dunkerquois",
    epcis: [
      "245900428", // CU de Dunkerque
      "200040954", // CC des Hauts de Flandre
    ],
  },
  {
    slug: "flandre-lys",
    name: "Flandre intérieure – Lys",
    epcis: [
      "200040947", // CA Cœur de Flandre
      "245900758", // CC Flandre Lys
    ],
  },
  {
    slug: "douaisis",
    name: "Douaisis",
    epcis: [
      "200044618", // CA Douaisis Agglo
      "245901152", // CA Cœur d'Ostrevent
    ],
  },
  {
    slug: "hainaut-valenciennois",
    name: "Hainaut – Valenciennois",
    epcis: [
      "245901160", // CA Valenciennes Métropole
      "200042190", // CA de la Porte du Hainaut
    ],
  },
  {
    slug: "cambresis",
    name: "Cambrésis",
    epcis: [
      "200068500", // CA de Cambrai
      "200030633", // CA du Caudrésis et du Catésis
      "245901038", // CC du Pays Solesmois
    ],
  },
  {
    slug: "sambre-avesnois",
    name: "Sambre-Avesnois",
    epcis: [
      "200043396", // CA Maubeuge Val de Sambre
      "200043263", // CC Cœur de l'Avesnois
      "200043321", // CC du Pays de Mormal
      "200043404", // CC du Sud Avesnois
    ],
  },
  // ---- Pas-de-Calais
  {
    slug: "artois-ternois",
    name: "Arrageois – Ternois",
    epcis: [
      "200033579", // CU d'Arras
      "200069482", // CC des Campagnes de l'Artois
      "200035442", // CC du Sud Artois
      "200044048", // CC Osartis Marquion
      "200069672", // CC du Ternois
    ],
  },
  {
    slug: "lens-lievin-henin-carvin",
    name: "Lens-Liévin – Hénin-Carvin",
    epcis: [
      "246200364", // CA de Lens-Liévin
      "246200299", // CA d'Hénin-Carvin
    ],
  },
  {
    slug: "bethune-bruay",
    name: "Béthune-Bruay – Artois-Lys",
    epcis: [
      "200072460", // CA de Béthune-Bruay, Artois-Lys Romane
    ],
  },
  {
    slug: "calaisis-boulonnais",
    name: "Côte d'Opale – Calaisis et Boulonnais",
    epcis: [
      "200090751", // CA Grand Calais Terres et Mers
      "200072478", // CC Pays d'Opale
      "246200844", // CC de la Région d'Audruicq
      "246200729", // CA du Boulonnais
      "200018083", // CC de Desvres-Samer
      "246200380", // CC de la Terre des Deux Caps
    ],
  },
  {
    slug: "audomarois-montreuillois",
    name: "Audomarois – Montreuillois",
    epcis: [
      "200069037", // CA du Pays de Saint-Omer
      "246201016", // CC du Pays de Lumbres
      "200069029", // CA des Deux Baies en Montreuillois
      "200069235", // CC du Haut Pays du Montreuillois
      "200044030", // CC des 7 Vallées
    ],
  },
  // ---- Somme
  {
    slug: "grand-amienois",
    name: "Grand Amiénois",
    epcis: [
      "248000531", // CA Amiens Métropole
      "248000499", // CC du Val de Somme
      "200071223", // CC Nièvre et Somme
      "200070951", // CC du Territoire Nord Picardie
      "200071181", // CC Somme Sud-Ouest
      "200070969", // CC Avre Luce Noye
    ],
  },
  {
    slug: "picardie-maritime",
    name: "Picardie maritime",
    epcis: [
      "200070993", // CA de la Baie de Somme
      "200070936", // CC Ponthieu-Marquenterre
      "200070944", // CC du Vimeu
      "247600588", // CC des Villes Sœurs (its Somme communes)
      "200069722", // CC interrégionale Aumale – Blangy-sur-Bresle (its Somme communes)
    ],
  },
  {
    slug: "haute-somme-santerre",
    name: "Haute-Somme – Santerre",
    epcis: [
      "200037059", // CC de la Haute Somme
      "200070928", // CC Terre de Picardie
      "200070985", // CC de l'Est de la Somme
      "200070977", // CC du Grand Roye
      "248000747", // CC du Pays du Coquelicot
    ],
  },
  // ---- Aisne
  {
    slug: "saint-quentinois-chaunois",
    name: "Saint-Quentinois – Chaunois",
    epcis: [
      "200071892", // CA du Saint-Quentinois
      "240200493", // CC du Pays du Vermandois
      "200071785", // CA Chauny Tergnier La Fère
      "200040426", // CC du Val de l'Oise
    ],
  },
  {
    slug: "thierache",
    name: "Thiérache",
    epcis: [
      "240200444", // CC de la Thiérache du Centre
      "200071983", // CC Thiérache Sambre et Oise
      "240200600", // CC des Trois Rivières
      "240200634", // CC des Portes de la Thiérache
    ],
  },
  {
    slug: "laonnois",
    name: "Laonnois",
    epcis: [
      "200043495", // CA du Pays de Laon
      "240200469", // CC du Pays de la Serre
      "240200576", // CC de la Champagne Picarde
      "240200592", // CC du Chemin des Dames
      "200071769", // CC Picardie des Châteaux
    ],
  },
  {
    slug: "soissonnais-sud-aisne",
    name: "Soissonnais – Sud de l'Aisne",
    epcis: [
      "240200477", // CA GrandSoissons Agglomération
      "240200501", // CC du Val de l'Aisne
      "240200519", // CC du Canton d'Oulchy-le-Château
      "200071991", // CC Retz en Valois
      "200072031", // CA de la Région de Château-Thierry
      "240200584", // CC du Canton de Charly-sur-Marne
    ],
  },
  // ---- Oise
  {
    slug: "beauvaisis",
    name: "Beauvaisis – Bray – Vexin",
    epcis: [
      "200067999", // CA du Beauvaisis
      "246000848", // CC de la Picardie Verte
      "246000913", // CC du Pays de Bray
      "246000707", // CC du Vexin-Thelle
      "246000582", // CC des Sablons
      "200067973", // CC Thelloise
      "200068005", // CC de l'Oise Picarde
    ],
  },
  {
    slug: "compiegnois-noyonnais",
    name: "Compiégnois – Noyonnais",
    epcis: [
      "200067965", // CA de la Région de Compiègne et de la Basse Automne
      "246000756", // CC du Pays Noyonnais
      "246000772", // CC des Deux Vallées
      "246000749", // CC des Lisières de l'Oise
      "246000897", // CC de la Plaine d'Estrées
      "246000855", // CC du Pays des Sources
      "246000566", // CC du Plateau Picard
    ],
  },
  {
    slug: "sud-oise",
    name: "Sud de l'Oise",
    epcis: [
      "200068047", // CA Creil Sud Oise
      "246000764", // CC de l'Aire Cantilienne
      "200066975", // CC Senlis Sud Oise
      "246000921", // CC des Pays d'Oise et d'Halatte
      "246000129", // CC du Liancourtois
      "246000376", // CC du Clermontois
      "246000871", // CC du Pays de Valois
    ],
  },
];

/** The INSEE codes of each territory; throws if the definitions no longer cover the region exactly once. */
export function territoryCommunes(communes: CommuneIndex): Map<string, string[]> {
  const result = new Map<string, string[]>();
  const owner = new Map<string, string>();
  for (const territory of TERRITORIES) {
    const codes = territory.epcis.flatMap((epci) => communes.inEpci(epci));
    for (const code of codes) {
      const previous = owner.get(code);
      if (previous) throw new Error(`La commune ${code} est dans deux territoires : ${previous} et ${territory.slug}`);
      owner.set(code, territory.slug);
    }
    result.set(territory.slug, codes);
  }
  // A new EPCI in a future etalab release must be placed in a territory by hand.
  const orphans = communes.all.filter((c) => !owner.has(c.code));
  if (orphans.length > 0) {
    throw new Error(
      `Communes sans territoire : ${orphans
        .slice(0, 5)
        .map((c) => `${c.code} ${c.name}`)
        .join(", ")}…`,
    );
  }
  return result;
}
