import { query } from "@solidjs/router";
import { hc, type InferRequestType, type InferResponseType } from "hono/client";
import type { AdminTypes } from "../../../../../server/app.ts";
import { toApiError } from "../../../lib/api.ts";
import { ADMIN_BASE, change } from "./admin-api.ts";

// « Questions / Réponses » as the Région edits it: /api/admin/faq, a client of its own (AdminTypes).

const faq = hc<AdminTypes["faq"]>(ADMIN_BASE);

export type FaqAdminEntry = InferResponseType<typeof faq.faq.$get, 200>["entries"][number];
export type FaqInput = InferRequestType<typeof faq.faq.$post>["json"];
export type FaqPatch = InferRequestType<(typeof faq.faq)[":id"]["$patch"]>["json"];

/** Every entry, published or not, in the order of the public page. */
export const getFaqAdmin = query(async (): Promise<FaqAdminEntry[]> => {
  const response = await faq.faq.$get();
  if (response.status !== 200) throw await toApiError(response);
  return (await response.json()).entries;
}, "adminFaq");

const stale = () => [getFaqAdmin.key];

export const createFaqEntry = change("adminCreateFaq", stale, (input: FaqInput) => faq.faq.$post({ json: input }), 201);
export const updateFaqEntry = change("adminUpdateFaq", stale, (id: string, patch: FaqPatch) =>
  faq.faq[":id"].$patch({ param: { id }, json: patch }),
);
export const deleteFaqEntry = change("adminDeleteFaq", stale, (id: string) => faq.faq[":id"].$delete({ param: { id } }));
