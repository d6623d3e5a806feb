import { query } from "@solidjs/router";
import type { InferResponseType } from "hono/client";
import { api, toApiError } from "../../lib/api.ts";

/** The legal notice's texts and the accessibility contact, as the Région set them (server/features/legal). */
export type LegalNotice = InferResponseType<typeof api.legal.$get, 200>;

export const getLegalNotice = query(async (): Promise<LegalNotice> => {
  const response = await api.legal.$get();
  if (response.status !== 200) throw await toApiError(response);
  return await response.json();
}, "legalNotice");
