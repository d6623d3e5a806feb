import type { Database } from "../../db/database.ts";

export interface CommuneView {
  code: string;
  name: string;
  postcodes: string[];
  departmentCode: string;
}

interface Indexed extends CommuneView {
  key: string;
  population: number;
}

/** "Saint-Étienne-au-Mont" → "saint etienne au mont": what people type, without accents or hyphens. */
export function normalise(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{Diacritic}/gu, "")
    .toLowerCase()
    .replace(/\bst\b/g, "saint")
    .replace(/\bste\b/g, "sainte")
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

// The region's communes (a few thousand) are read once per database and searched in memory:
// accent-insensitive matching that PostgreSQL would need an extension for.
const indexes = new WeakMap<Database, Promise<Indexed[]>>();

function indexOf(db: Database): Promise<Indexed[]> {
  let index = indexes.get(db);
  if (!index) {
    index = db.prisma.commune
      .findMany({ select: { code: true, name: true, postcodes: true, departmentCode: true, population: true } })
      .then((rows) => rows.map((c) => ({ ...c, key: normalise(c.name) })));
    index.catch(() => indexes.delete(db));
    indexes.set(db, index);
  }
  return index;
}

/** Communes whose name or postcode starts like the query: exact names first, then by population. */
export async function searchCommunes({
  db,
  input,
}: {
  db: Database;
  input: { q: string; limit: number };
}): Promise<CommuneView[]> {
  const q = normalise(input.q);
  if (!q) return [];
  const index = await indexOf(db);
  const rank = (c: Indexed): number => {
    if (/^\d+$/.test(q)) return c.postcodes.some((p) => p.startsWith(q)) || c.code === q ? 1 : 0;
    if (c.key === q) return 3;
    if (c.key.startsWith(q)) return 2;
    return c.key.includes(` ${q}`) ? 1 : 0;
  };
  return index
    .map((c) => ({ c, r: rank(c) }))
    .filter((x) => x.r > 0)
    .sort((a, b) => b.r - a.r || b.c.population - a.c.population || a.c.name.localeCompare(b.c.name, "fr"))
    .slice(0, input.limit)
    .map(({ c }) => ({ code: c.code, name: c.name, postcodes: c.postcodes, departmentCode: c.departmentCode }));
}

/** One commune by its INSEE code. */
export async function getCommune({ db, code }: { db: Database; code: string }): Promise<CommuneView | undefined> {
  const c = (await indexOf(db)).find((commune) => commune.code === code);
  return c && { code: c.code, name: c.name, postcodes: c.postcodes, departmentCode: c.departmentCode };
}
