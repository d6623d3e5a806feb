import { createRequire } from "node:module";

/** Hauts-de-France: INSEE region 32 and its five départements. */
export const REGION_CODE = "32";
export const DEPARTMENT_CODES = ["02", "59", "60", "62", "80"] as const;

export interface RegionCommune {
  code: string;
  name: string;
  departmentCode: string;
  epciCode: string | null;
  arrondissementCode: string | null;
  postcodes: string[];
  population: number;
  latitude: number | null;
  longitude: number | null;
}

interface EtalabCommune {
  code: string;
  nom: string;
  type: string;
  region?: string;
  departement?: string;
  arrondissement?: string;
  codesPostaux?: string[];
  population?: number;
}

interface EtalabEpci {
  code: string;
  nom: string;
  membres: { code: string }[];
}

/** The region's communes with ways to find them by name, EPCI or département. */
export interface CommuneIndex {
  all: RegionCommune[];
  byCode: ReadonlyMap<string, RegionCommune>;
  epciNames: ReadonlyMap<string, string>;
  inEpci(epciCode: string): string[];
  inDepartment(departmentCode: string): string[];
  /** INSEE code of "Arras", or of "Senlis (60)" when the name exists in several départements. */
  codeOf(name: string): string;
}

// Read through require: the files are large (12 MB) and a JSON import would make the
// type checker infer a type for each of their 38 000 entries.
const require = createRequire(import.meta.url);

let cached: CommuneIndex | undefined;

/** Latitude and longitude by INSEE code. */
type Positions = Record<string, [number, number] | undefined>;

/** The communes actuelles of the region (not the communes déléguées or associées, which are parts of one). */
export function loadCommunes(): CommuneIndex {
  // Derived from a gazetteer once (commune-positions.ts), so that a start reads 100 kB, not 17 MB.
  cached ??= readCommunes(require("./commune-positions.json") as Positions);
  return cached;
}

/** The region's communes placed with these positions (none, while the positions are being derived). */
export function readCommunes(positions: Positions): CommuneIndex {
  return buildIndex(
    require("@etalab/decoupage-administratif/data/communes.json") as EtalabCommune[],
    require("@etalab/decoupage-administratif/data/epci.json") as EtalabEpci[],
    positions,
  );
}

function buildIndex(communes: EtalabCommune[], epcis: EtalabEpci[], positions: Positions): CommuneIndex {
  const regional = communes.filter((c) => c.region === REGION_CODE && c.type === "commune-actuelle");
  const codes = new Set(regional.map((c) => c.code));
  const epciOf = new Map<string, string>();
  const epciNames = new Map<string, string>();
  for (const epci of epcis) {
    // Some EPCIs straddle two regions (CC des Villes Sœurs): keep only their members here.
    const members = epci.membres.filter((m) => codes.has(m.code));
    if (members.length === 0) continue;
    epciNames.set(epci.code, epci.nom);
    for (const member of members) epciOf.set(member.code, epci.code);
  }

  const located = regional.map((c) => ({
    code: c.code,
    name: c.nom,
    departmentCode: c.departement ?? c.code.slice(0, 2),
    epciCode: epciOf.get(c.code) ?? null,
    arrondissementCode: c.arrondissement ?? null,
  }));
  const all: RegionCommune[] = located.map((c, i) => ({
    ...c,
    postcodes: [...(regional[i]?.codesPostaux ?? [])].sort(),
    population: regional[i]?.population ?? 0,
    latitude: positions[c.code]?.[0] ?? null,
    longitude: positions[c.code]?.[1] ?? null,
  }));
  all.sort((a, b) => a.code.localeCompare(b.code));

  const byCode = new Map(all.map((c) => [c.code, c]));
  const groupBy = (key: (c: RegionCommune) => string | null) => {
    const groups = new Map<string, string[]>();
    for (const c of all) {
      const k = key(c);
      if (k === null) continue;
      const group = groups.get(k) ?? [];
      group.push(c.code);
      groups.set(k, group);
    }
    return groups;
  };
  const byEpci = groupBy((c) => c.epciCode);
  const byDepartment = groupBy((c) => c.departmentCode);
  const byName = groupBy((c) => c.name);

  return {
    all,
    byCode,
    epciNames,
    inEpci: (epciCode) => {
      const found = byEpci.get(epciCode);
      if (!found) throw new Error(`EPCI inconnu dans la région ${REGION_CODE} : ${epciCode}`);
      return found;
    },
    inDepartment: (departmentCode) => {
      const found = byDepartment.get(departmentCode);
      if (!found) throw new Error(`Département inconnu dans la région ${REGION_CODE} : ${departmentCode}`);
      return found;
    },
    codeOf: (label) => {
      const match = /^(.*?)(?: \((\d{2})\))?$/.exec(label);
      const name = match?.[1] ?? label;
      const department = match?.[2];
      const candidates = (byName.get(name) ?? []).filter(
        (code) => !department || byCode.get(code)?.departmentCode === department,
      );
      if (candidates.length === 0) throw new Error(`Commune introuvable dans la région ${REGION_CODE} : « ${label} »`);
      if (candidates.length > 1)
        throw new Error(`Commune ambiguë « ${label} » : précisez le département, par exemple « ${name} (59) »`);
      return candidates[0] as string;
    },
  };
}
