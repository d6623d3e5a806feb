// The directory's search lives in the address, so that a search can be shared and Back returns
// to the previous one. Small and free of components, like booking-href.ts.

export interface DirectorySearch {
  /** INSEE code. */
  commune?: string | undefined;
  /** Network slug. */
  network?: string | undefined;
  /** Service slug. */
  service?: string | undefined;
  /** Territory slug. */
  territory?: string | undefined;
  /** Words of the structure's name. */
  q?: string | undefined;
  page?: number | undefined;
}

export const DIRECTORY_PATH = "/ou-s-adresser";

const SLUG = /^[a-z0-9-]{1,80}$/;
const VALID = {
  commune: (value: string) => /^(\d{5}|2[AB]\d{3})$/.test(value),
  network: (value: string) => SLUG.test(value),
  service: (value: string) => SLUG.test(value),
  territory: (value: string) => SLUG.test(value),
  q: (value: string) => value.trim().length > 0 && value.length <= 100,
} as const;
const ORDER = ["commune", "network", "service", "territory", "q"] as const;

/** The directory's address for `search`, its parameters always in the same order. */
export function directoryHref(search: DirectorySearch = {}): string {
  const params = new URLSearchParams();
  for (const name of ORDER) {
    const value = search[name]?.trim();
    if (value) params.set(name, value);
  }
  if (search.page && search.page > 1) params.set("page", String(search.page));
  const query = params.toString();
  return query ? `${DIRECTORY_PATH}?${query}` : DIRECTORY_PATH;
}

/** The search the address describes; a malformed parameter (a hand-edited link) is left out rather than sent. */
export function readDirectorySearch(params: Partial<Record<string, string | string[]>>): DirectorySearch {
  const search: DirectorySearch = {};
  const first = (name: string) => {
    const raw = params[name];
    return Array.isArray(raw) ? raw[0] : raw;
  };
  for (const name of ORDER) {
    const value = first(name);
    if (value && VALID[name](value)) search[name] = name === "q" ? value.trim() : value;
  }
  const page = first("page");
  if (page && /^[1-9]\d{0,3}$/.test(page)) search.page = Number(page);
  return search;
}

/** A structure's page; with the person's commune, its booking links go straight to its slots. */
export function structureHref(path: string, commune?: string | undefined): string {
  return commune ? `${path}?commune=${commune}` : path;
}
