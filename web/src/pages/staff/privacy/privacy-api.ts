import { action, json, query } from "@solidjs/router";
import { hc, type InferResponseType } from "hono/client";
import type { AdminTypes, PeopleType } from "../../../../../server/app.ts";
import { type Outcome, send, toApiError } from "../../../lib/api.ts";

// A person's data (export, erasure) and the Région's retention settings, typed from the server's
// routes (server/features/privacy/schemas.ts).

const people = hc<PeopleType>("/api/people");
const settings = hc<AdminTypes["privacy"]>("/api/admin");

export type PersonSummary = InferResponseType<(typeof people)[":id"]["$get"], 200>;
type Erased = InferResponseType<(typeof people)[":id"]["erase"]["$post"], 200>;
export type RetentionSettings = InferResponseType<typeof settings.settings.$get, 200>;
export type JobRun = InferResponseType<(typeof settings)["job-runs"]["$get"], 200>["runs"][number];

/** The export's address: a plain link downloads it (the answer is an attachment). */
export const exportHref = (id: string) => `/api/people/${id}/export`;

/** A person within reach; null when out of it (404: unknown, or met by none of one's structures). */
export const getPerson = query(async (id: string): Promise<PersonSummary | null> => {
  const response = await people[":id"].$get({ param: { id } });
  if (response.status === 404 || response.status === 422) return null;
  if (response.status !== 200) throw await toApiError(response);
  return await response.json();
}, "person");

/**
 * Erases what one's structures hold of the person (everywhere, for the Région). After a
 * structure's erasure it holds nothing of them any more: the page is not read again (it would
 * say « introuvable »), it says what was done.
 */
export const erasePerson = action(async (id: string) => {
  const outcome: Outcome<Erased> = await send(() => people[":id"].erase.$post({ param: { id }, json: { confirm: true } }), 200);
  return json(outcome, { revalidate: outcome.kind === "done" && outcome.value.everywhere ? [getPerson.keyFor(id)] : [] });
}, "erasePerson");

export const getRetentionSettings = query(async (): Promise<RetentionSettings> => {
  const response = await settings.settings.$get();
  if (response.status !== 200) throw await toApiError(response);
  return await response.json();
}, "retentionSettings");

export const getJobRuns = query(async (): Promise<JobRun[]> => {
  const response = await settings["job-runs"].$get();
  if (response.status !== 200) throw await toApiError(response);
  return (await response.json()).runs;
}, "jobRuns");

export const saveSettings = action(async (changes: Partial<Omit<RetentionSettings, "min" | "max">>) => {
  const outcome: Outcome<unknown> = await send(() => settings.settings.$patch({ json: changes }), 200);
  return json(outcome, { revalidate: outcome.kind === "done" ? [getRetentionSettings.key] : [] });
}, "saveSettings");

/** How many persons the next nightly run would anonymise with this period (asked before shortening it). */
export async function retentionPreview(months: number): Promise<Outcome<{ persons: number }>> {
  return send(() => settings.settings["retention-preview"].$get({ query: { months: String(months) } }), 200);
}
