import { action, json, query } from "@solidjs/router";
import { hc, type InferRequestType, type InferResponseType } from "hono/client";
import type { AdminTypes } from "../../../../../server/app.ts";
import { type Outcome, send, toApiError } from "../../../lib/api.ts";

// The directory administration's calls. One client per part of /api/admin: a single client
// type for the whole administration is too large for the compiler.

export const ADMIN_BASE = "/api/admin";
const networks = hc<AdminTypes["networks"]>(ADMIN_BASE);
const structures = hc<AdminTypes["structures"]>(ADMIN_BASE);
const sites = hc<AdminTypes["sites"]>(ADMIN_BASE);
const offerings = hc<AdminTypes["offerings"]>(ADMIN_BASE);
const members = hc<AdminTypes["members"]>(ADMIN_BASE);
const users = hc<AdminTypes["users"]>(ADMIN_BASE);
const territories = hc<AdminTypes["territories"]>(ADMIN_BASE);
const closures = hc<AdminTypes["closures"]>(ADMIN_BASE);
const audit = hc<AdminTypes["audit"]>(ADMIN_BASE);
const outbox = hc<AdminTypes["outbox"]>(ADMIN_BASE);
const apiTokens = hc<AdminTypes["apiTokens"]>(ADMIN_BASE);

export type Network = InferResponseType<typeof networks.networks.$get, 200>["networks"][number];
export type NetworkInput = InferRequestType<typeof networks.networks.$post>["json"];
export type StructureSummary = InferResponseType<typeof structures.structures.$get, 200>["structures"][number];
export type StructureDetail = InferResponseType<(typeof structures.structures)[":id"]["$get"], 200>["structure"];
export type StructureInput = InferRequestType<typeof structures.structures.$post>["json"];
export type StructurePatch = InferRequestType<(typeof structures.structures)[":id"]["$patch"]>["json"];
export type AdminSite = StructureDetail["sites"][number];
export type SiteInput = InferRequestType<(typeof sites.structures)[":id"]["sites"]["$post"]>["json"];
export type SitePatch = InferRequestType<(typeof sites.sites)[":id"]["$patch"]>["json"];
export type AdminOffering = StructureDetail["offerings"][number];
export type OfferingInput = InferRequestType<(typeof offerings.structures)[":id"]["offerings"]["$post"]>["json"];
export type OfferingPatch = InferRequestType<(typeof offerings.offerings)[":id"]["$patch"]>["json"];
export type Member = StructureDetail["members"][number];
export type PendingInvitation = StructureDetail["invitations"][number];
export type MemberInvite = InferRequestType<(typeof members.structures)[":id"]["members"]["$post"]>["json"];
export type Account = InferResponseType<typeof users.users.$get, 200>["users"][number];
export type AccountInvite = InferRequestType<typeof users.users.$post>["json"];
export type AccountPatch = InferRequestType<(typeof users.users)[":id"]["$patch"]>["json"];
export type Territory = InferResponseType<typeof territories.territories.$get, 200>["territories"][number];
export type TerritoryInput = InferRequestType<typeof territories.territories.$post>["json"];
export type ClosureInput = InferRequestType<(typeof closures.structures)[":id"]["closures"]["$post"]>["json"];
export type AuditEvent = InferResponseType<typeof audit.audit.$get, 200>["events"][number];
export type UndeliveredMessage = InferResponseType<typeof outbox.outbox.$get, 200>["messages"][number];
const structureTokens = apiTokens.structures[":id"]["api-tokens"];
export type ApiToken = InferResponseType<typeof structureTokens.$get, 200>["tokens"][number];
export type ApiTokenInput = InferRequestType<typeof structureTokens.$post>["json"];
type NewApiToken = InferResponseType<typeof structureTokens.$post, 201>;

export const getAdminStructures = query(async (): Promise<StructureSummary[]> => {
  const response = await structures.structures.$get();
  if (response.status !== 200) throw await toApiError(response);
  return (await response.json()).structures;
}, "adminStructures");

/** One structure with everything the directory says of it; null when it is out of reach (404: unknown, or not one's own). */
export const getAdminStructure = query(async (id: string): Promise<StructureDetail | null> => {
  const response = await structures.structures[":id"].$get({ param: { id } });
  if (response.status === 404 || response.status === 422) return null;
  if (response.status !== 200) throw await toApiError(response);
  return (await response.json()).structure;
}, "adminStructure");

export const getNetworks = query(async (): Promise<Network[]> => {
  const response = await networks.networks.$get();
  if (response.status !== 200) throw await toApiError(response);
  return (await response.json()).networks;
}, "adminNetworks");

export const getTerritories = query(async (): Promise<Territory[]> => {
  const response = await territories.territories.$get();
  if (response.status !== 200) throw await toApiError(response);
  return (await response.json()).territories;
}, "adminTerritories");

/** Accounts whose name or address contains `q` (all of them when empty), 200 at most. */
export const getAccounts = query(async (q: string): Promise<Account[]> => {
  const response = await users.users.$get({ query: q ? { q } : {} });
  if (response.status !== 200) throw await toApiError(response);
  return (await response.json()).users;
}, "adminAccounts");

/** One page of the change log, newest first: the events before `before` (an ISO instant) when given. */
export type AuditQuery = InferRequestType<typeof audit.audit.$get>["query"];
export type AuditLogPage = InferResponseType<typeof audit.audit.$get, 200>;

/** A page of the audit log (100 events), filtered, with the authors and actions to filter by. */
export async function getAuditPage(query: AuditQuery): Promise<AuditLogPage> {
  const response = await audit.audit.$get({ query });
  if (response.status !== 200) throw await toApiError(response);
  return response.json();
}

/** The e-mails and SMS that did not reach their person, of one's structures (all of them for the Région), the latest first. */
export const getUndeliveredMessages = query(async (): Promise<UndeliveredMessage[]> => {
  const response = await outbox.outbox.$get();
  if (response.status !== 200) throw await toApiError(response);
  return (await response.json()).messages;
}, "adminOutbox");

/** A structure's API tokens, live and revoked, the newest first. */
export const getApiTokens = query(async (structureId: string): Promise<ApiToken[]> => {
  const response = await structureTokens.$get({ param: { id: structureId } });
  if (response.status !== 200) throw await toApiError(response);
  return (await response.json()).tokens;
}, "adminApiTokens");

/** A new API token: the answer holds the token itself, this once. */
export const createApiToken = action(async (structureId: string, input: ApiTokenInput) => {
  const outcome = await send<NewApiToken>(() => structureTokens.$post({ param: { id: structureId }, json: input }), 201);
  return json(outcome, { revalidate: outcome.kind === "done" ? [getApiTokens.key] : [] });
}, "adminCreateApiToken");

/**
 * A change, then the queries it makes stale read again (only on success: a refused form keeps
 * what is on screen). The router runs it in a transition, so the page stays while they load.
 */
export function change<Args extends unknown[]>(
  name: string,
  stale: () => string[],
  request: (...args: Args) => Promise<{ status: number; ok: boolean; json(): Promise<unknown> }>,
  success = 200,
) {
  return action(async (...args: Args) => {
    const outcome: Outcome<unknown> = await send(() => request(...args), success);
    return json(outcome, { revalidate: outcome.kind === "done" ? stale() : [] });
  }, name);
}

const structureKeys = () => [getAdminStructure.key, getAdminStructures.key];
const accountKeys = () => [getAccounts.key, getAdminStructure.key, getTerritories.key];

export const createNetwork = change(
  "adminCreateNetwork",
  () => [getNetworks.key],
  (input: NetworkInput) => networks.networks.$post({ json: input }),
  201,
);
export const updateNetwork = change(
  "adminUpdateNetwork",
  () => [getNetworks.key, getAdminStructures.key],
  (id: string, patch: Partial<NetworkInput>) => networks.networks[":id"].$patch({ param: { id }, json: patch }),
);

export const createStructure = action(async (input: StructureInput) => {
  const outcome: Outcome<{ id: string }> = await send(() => structures.structures.$post({ json: input }), 201);
  return json(outcome, { revalidate: outcome.kind === "done" ? [getAdminStructures.key, getNetworks.key] : [] });
}, "adminCreateStructure");
export const updateStructure = change("adminUpdateStructure", structureKeys, (id: string, patch: StructurePatch) =>
  structures.structures[":id"].$patch({ param: { id }, json: patch }),
);

export const createSite = change(
  "adminCreateSite",
  structureKeys,
  (structureId: string, input: SiteInput) => sites.structures[":id"].sites.$post({ param: { id: structureId }, json: input }),
  201,
);
export const updateSite = change("adminUpdateSite", structureKeys, (id: string, patch: SitePatch) =>
  sites.sites[":id"].$patch({ param: { id }, json: patch }),
);

export const createOffering = change(
  "adminCreateOffering",
  structureKeys,
  (structureId: string, input: OfferingInput) =>
    offerings.structures[":id"].offerings.$post({ param: { id: structureId }, json: input }),
  201,
);
export const updateOffering = change("adminUpdateOffering", structureKeys, (id: string, patch: OfferingPatch) =>
  offerings.offerings[":id"].$patch({ param: { id }, json: patch }),
);

export const inviteMember = change(
  "adminInviteMember",
  accountKeys,
  (structureId: string, input: MemberInvite) =>
    members.structures[":id"].members.$post({ param: { id: structureId }, json: input }),
  201,
);
export const withdrawInvitation = change("adminWithdrawInvitation", accountKeys, (id: string) =>
  members.invitations[":id"].$delete({ param: { id } }),
);
export const changeMemberRole = change("adminChangeMemberRole", accountKeys, (id: string, role: Member["role"]) =>
  members.memberships[":id"].$patch({ param: { id }, json: { role } }),
);
export const removeMember = change("adminRemoveMember", accountKeys, (id: string) =>
  members.memberships[":id"].$delete({ param: { id } }),
);

export const inviteAccount = change(
  "adminInviteAccount",
  accountKeys,
  (input: AccountInvite) => users.users.$post({ json: input }),
  201,
);
export const updateAccount = change("adminUpdateAccount", accountKeys, (id: string, patch: AccountPatch) =>
  users.users[":id"].$patch({ param: { id }, json: patch }),
);
export const resendInvitation = change("adminResendInvitation", accountKeys, (id: string) =>
  users.users[":id"].invitation.$post({ param: { id }, json: {} }),
);

export const createTerritory = change(
  "adminCreateTerritory",
  () => [getTerritories.key],
  (input: TerritoryInput) => territories.territories.$post({ json: input }),
  201,
);
export const updateTerritory = change(
  "adminUpdateTerritory",
  () => [getTerritories.key],
  (id: string, patch: Partial<Omit<TerritoryInput, "slug">>) =>
    territories.territories[":id"].$patch({ param: { id }, json: patch }),
);

export const revokeApiToken = change(
  "adminRevokeApiToken",
  () => [getApiTokens.key],
  (id: string) => apiTokens["api-tokens"][":id"].revoke.$post({ param: { id }, json: {} }),
);

export const deleteClosure = change("adminDeleteClosure", structureKeys, (id: string) =>
  closures.closures[":id"].$delete({ param: { id } }),
);

/**
 * Sends an undelivered message again, now. Nothing is read again: the list would drop the
 * message at once (it is pending again), and the page says it was sent again where it was.
 * `gone` when the server no longer holds it as undelivered — sent meanwhile, or out of reach
 * (404), or just sent (409) — so that asking again is pointless.
 */
export const resendMessage = action(async (id: string) => {
  let status = 0;
  const outcome: Outcome<unknown> = await send(async () => {
    const response = await outbox.outbox[":id"].resend.$post({ param: { id }, json: {} });
    status = response.status;
    return response;
  }, 200);
  return json({ ...outcome, gone: status === 404 || status === 409 }, { revalidate: [] });
}, "adminResendMessage");
