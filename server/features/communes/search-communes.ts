import MiniSearch from "minisearch";
import type { Database } from "../../db/database.ts";

export interface CommuneView {
  code: string;
  name: string;
  postcodes: string[];
  departmentCode: string;
}

export interface CommuneSearch {
  /** The communes found, best first, at most the limit asked. */
  communes: CommuneView[];
  /**
   * The commune the text names by itself, which a field may take without a choice from the list:
   * the only one with exactly that name, or the only one found at all.
   */
  match: CommuneView | null;
}

interface Indexed extends CommuneView {
  id: number;
  /** The name's words as people type them (« Villeneuve-d'Ascq » → villeneuve, dascq). */
  words: string[];
  /** The name with nothing but letters and digits: spaces, hyphens and apostrophes ignored. */
  compact: string;
  population: number;
}

const APOSTROPHES = /['’‘`´]/g;

/**
 * « Saint-Étienne-au-Mont » → "saint etienne au mont", « st omer » → "saint omer", « Œuilly » →
 * "oeuilly", « d'Ascq » → "dascq": what people type, without accents, ligatures or hyphens, and an
 * elided article glued to its word, as people often type it without the apostrophe.
 */
export function normalise(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{Diacritic}/gu, "")
    .toLowerCase()
    .replace(/œ/g, "oe")
    .replace(/æ/g, "ae")
    .replace(APOSTROPHES, "")
    .replace(/[^a-z0-9]+/g, " ")
    .trim()
    .replace(/\bst\b/g, "saint")
    .replace(/\bste\b/g, "sainte");
}

const words = (text: string): string[] => (text === "" ? [] : text.split(" "));

/**
 * How well a commune answers a text query, best first; a commune matching none is left out.
 * People type the start of words, in any order, sometimes with a typo, sometimes with words the
 * official name does not have (« Berck sur mer » for Berck, « Lille centre »).
 */
const Rank = {
  /** The name itself, give or take case, accents, ligatures, spaces, hyphens and apostrophes. */
  name: 4,
  /** Every word typed starts a word of the name (« st omer », « villeneuve d asc »). */
  words: 3,
  /** Every word typed starts a word of the name but for one typo in words of 4 letters or more. */
  typo: 2,
  /** Every word of the name is in the text, among others. */
  within: 1,
} as const;

interface Index {
  communes: Indexed[];
  byId: Map<number, Indexed>;
  search: MiniSearch<Indexed>;
}

// The region's communes (a few thousand) are read once per database and searched in memory:
// word-wise, typo-tolerant matching that PostgreSQL would need extensions for.
const indexes = new WeakMap<Database, Promise<Index>>();

function indexOf(db: Database): Promise<Index> {
  let index = indexes.get(db);
  if (!index) {
    index = db.prisma.commune
      .findMany({ select: { code: true, name: true, postcodes: true, departmentCode: true, population: true } })
      .then(buildIndex);
    index.catch(() => indexes.delete(db));
    indexes.set(db, index);
  }
  return index;
}

function buildIndex(rows: Omit<Indexed, "id" | "words" | "compact">[]): Index {
  const communes = rows.map((row, id): Indexed => {
    const key = normalise(row.name);
    return { ...row, id, words: words(key), compact: key.replaceAll(" ", "") };
  });
  // MiniSearch (BM25 over a radix tree) gives the prefix and one-typo matching of words; it
  // indexes an elided word both glued to its article and alone, so « ascq » finds it too.
  const search = new MiniSearch<Indexed>({
    fields: ["name"],
    tokenize: (name) => [...new Set([...words(normalise(name)), ...words(normalise(name.replace(APOSTROPHES, " ")))])],
    processTerm: (term) => term,
  });
  search.addAll(communes);
  return { communes, byId: new Map(communes.map((c) => [c.id, c])), search };
}

function rankByText(index: Index, text: string): Map<Indexed, number> {
  const typed = words(text);
  const compact = typed.join("");
  const ranks = new Map<Indexed, number>();
  const found = index.search.search(text, {
    combineWith: "AND",
    prefix: true,
    // Short words have too many neighbours one letter away (« lens » → « sens », « vens »…).
    fuzzy: (term) => (/^[a-z]{4,}$/.test(term) ? 1 : false),
    tokenize: words,
    processTerm: (term) => term,
  });
  for (const result of found) {
    const commune = index.byId.get(result.id as number);
    if (!commune) continue;
    const exact = typed.every((word) => commune.words.some((w) => w.startsWith(word)));
    ranks.set(commune, exact ? Rank.words : Rank.typo);
  }
  const given = new Set(typed);
  for (const commune of index.communes) {
    if (commune.compact === compact) ranks.set(commune, Rank.name);
    else if (!ranks.has(commune) && commune.words.every((word) => given.has(word))) ranks.set(commune, Rank.within);
  }
  return ranks;
}

/** A postcode names its communes; an INSEE code, its one commune; a start of postcode, many. */
function rankByCode(index: Index, digits: string): Map<Indexed, number> {
  const ranks = new Map<Indexed, number>();
  for (const commune of index.communes) {
    if (commune.postcodes.includes(digits)) ranks.set(commune, Rank.name);
    else if (commune.code === digits) ranks.set(commune, Rank.words);
    else if (commune.postcodes.some((postcode) => postcode.startsWith(digits))) ranks.set(commune, Rank.typo);
  }
  return ranks;
}

const byName = new Intl.Collator("fr");

const view = (c: Indexed): CommuneView => ({
  code: c.code,
  name: c.name,
  postcodes: c.postcodes,
  departmentCode: c.departmentCode,
});

/** Communes for a name (or part of one) or a postcode: the best matches first, then by population. */
export async function searchCommunes({
  db,
  input,
}: {
  db: Database;
  input: { q: string; limit: number };
}): Promise<CommuneSearch> {
  const text = normalise(input.q);
  if (!text) return { communes: [], match: null };
  const index = await indexOf(db);
  const ranks = /^\d+$/.test(text) ? rankByCode(index, text) : rankByText(index, text);
  const ranked = [...ranks]
    .sort(([a, ra], [b, rb]) => rb - ra || b.population - a.population || byName.compare(a.name, b.name))
    .map(([commune]) => commune);
  const named = ranked.filter((commune) => ranks.get(commune) === Rank.name);
  const match = named.length === 1 ? named[0] : named.length === 0 && ranked.length === 1 ? ranked[0] : undefined;
  return { communes: ranked.slice(0, input.limit).map(view), match: match ? view(match) : null };
}

/** One commune by its INSEE code. */
export async function getCommune({ db, code }: { db: Database; code: string }): Promise<CommuneView | undefined> {
  const c = (await indexOf(db)).communes.find((commune) => commune.code === code);
  return c && view(c);
}
