import { query } from "@solidjs/router";
import type { InferResponseType } from "hono/client";
import { api, toApiError } from "../../lib/api.ts";
import type { DirectorySearch } from "./directory-href.ts";

// « Où s'adresser ? » and « Questions / Réponses »: their calls, through the public API's client.

export type DirectoryResults = InferResponseType<typeof api.directory.$get, 200>;
export type DirectoryEntry = DirectoryResults["structures"][number];
export type DirectorySite = DirectoryEntry["sites"][number];
export type DirectoryService = DirectoryEntry["services"][number];
export type DirectoryFilters = InferResponseType<typeof api.directory.filters.$get, 200>;
export type FaqEntry = InferResponseType<typeof api.faq.$get, 200>["entries"][number];

/** The structures matching the search, one page of them. */
export const getDirectory = query(async (search: DirectorySearch): Promise<DirectoryResults> => {
  const response = await api.directory.$get({
    query: {
      ...(search.commune && { commune: search.commune }),
      ...(search.network && { network: search.network }),
      ...(search.service && { service: search.service }),
      ...(search.territory && { territory: search.territory }),
      ...(search.q && { q: search.q }),
      ...(search.page && search.page > 1 && { page: String(search.page) }),
    },
  });
  if (!response.ok) throw await toApiError(response);
  return await response.json();
}, "directory");

export const getDirectoryFilters = query(async (): Promise<DirectoryFilters> => {
  const response = await api.directory.filters.$get();
  if (!response.ok) throw await toApiError(response);
  return await response.json();
}, "directoryFilters");

/** One structure by its slug; null when there is none (404), or the address is malformed (422). */
export const getDirectoryStructure = query(async (slug: string, commune?: string): Promise<DirectoryEntry | null> => {
  const response = await api.directory[":slug"].$get({ param: { slug }, query: commune ? { commune } : {} });
  if (response.status === 404 || response.status === 422) return null;
  if (!response.ok) throw await toApiError(response);
  return (await response.json()).structure;
}, "directoryStructure");

export const getFaq = query(async (): Promise<FaqEntry[]> => {
  const response = await api.faq.$get();
  if (!response.ok) throw await toApiError(response);
  return (await response.json()).entries;
}, "faq");
