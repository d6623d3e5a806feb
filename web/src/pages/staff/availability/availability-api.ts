import { action, json, query } from "@solidjs/router";
import { hc, type InferRequestType, type InferResponseType } from "hono/client";
import type { AdminTypes, AvailabilityType } from "../../../../../server/app.ts";
import { type Outcome, send, toApiError } from "../../../lib/api.ts";
import { getAdminStructure, getAdminStructures } from "../directory/admin-api.ts";

// The availability editor's calls (server/features/availability/routes.ts), and a structure's
// closure, which changes availability too; typed from the server's routes
// (server/features/availability/schemas.ts).

const availability = hc<AvailabilityType>("/api/availability");
const closures = hc<AdminTypes["closures"]>("/api/admin");

type Declared = InferResponseType<typeof availability.index.$get, 200>;
/**
 * A range always has its first day; the server's date helper also takes a null, and the
 * answer is declared as it types it (server/features/availability/schemas.ts).
 */
export type AvailabilityRule = Omit<Declared["rules"][number], "validFrom"> & { validFrom: string };
export type Availability = Omit<Declared, "rules"> & { rules: AvailabilityRule[] };

export type RuleInput = Omit<InferRequestType<typeof availability.rules.$post>["json"], "onBooked">;
export type RulePatch = Omit<InferRequestType<(typeof availability.rules)[":id"]["$patch"]>["json"], "onBooked">;
export type AbsenceInput = Omit<InferRequestType<typeof availability.absences.$post>["json"], "onBooked">;
export type ClosureInput = Omit<InferRequestType<(typeof closures.structures)[":id"]["closures"]["$post"]>["json"], "onBooked">;

/** What to do with the booked meetings a change leaves outside the availability. */
export type OnBooked = "keep" | "cancel";

/** A booked meeting a change would leave outside the availability (`details.affected` of the 409). */
export interface AffectedAppointment {
  id: string;
  /** Zoned ISO instant. */
  start: string;
  service: string;
  person: { firstName: string; lastName: string };
}

/**
 * What the server answered: 201/200 say how many meetings were concerned and how many were
 * cancelled (which, and how their people were told), and which meetings of the advisor's other
 * structures stay in the absence.
 */
export type Changed = InferResponseType<typeof availability.rules.$post, 201>;
/** A meeting of the advisor in another of their structures, in an absence's way: when, nothing more. */
export type Conflict = Changed["conflicts"][number];
/** A meeting the change cancelled, with how its person hears of it, or the number to call. */
export type CancelledMeeting = Changed["cancelledMeetings"][number];

/**
 * An answer to a change of availability: the usual outcomes, or « booked » — the 409 that lists
 * the meetings it would leave outside, where nothing was written until someone decides.
 */
export type ChangeOutcome =
  | Outcome<Changed>
  | { kind: "booked"; message: string; affected: AffectedAppointment[]; conflicts: Conflict[] };

interface Answer {
  status: number;
  ok: boolean;
  json(): Promise<unknown>;
}

/** `send`, reading first whether a 409 lists booked meetings (its body is read once, then handed on). */
async function sendChange(request: () => Promise<Answer>, success: number): Promise<ChangeOutcome> {
  let booked: { message: string; affected: AffectedAppointment[]; conflicts: Conflict[] } | undefined;
  const outcome = await send<Changed>(async () => {
    const response = await request();
    const body = await response.json().catch(() => undefined);
    const error = (body as { error?: { message?: unknown; affected?: unknown; conflicts?: unknown } } | undefined)?.error;
    if (response.status === 409 && Array.isArray(error?.affected)) {
      booked = {
        message: String(error.message ?? ""),
        affected: error.affected as AffectedAppointment[],
        conflicts: Array.isArray(error.conflicts) ? (error.conflicts as Conflict[]) : [],
      };
    }
    return { status: response.status, ok: response.ok, json: async () => body };
  }, success);
  return booked ? { kind: "booked", ...booked } : outcome;
}

/** An advisor's ranges, single dates and coming absences in a structure, with its sites and offerings to choose from. */
export const getAvailability = query(async (advisor: string, structure: string): Promise<Availability | null> => {
  const response = await availability.index.$get({ query: { advisor, structure } });
  if (response.status === 404 || response.status === 422) return null;
  if (response.status !== 200) throw await toApiError(response);
  return response.json();
}, "availability");

/** A change, then the queries it makes stale read again (only when it was made). */
function change<Args extends unknown[]>(
  name: string,
  stale: () => string[],
  request: (...args: Args) => Promise<Answer>,
  success = 200,
) {
  return action(async (...args: Args) => {
    const outcome = await sendChange(() => request(...args), success);
    return json(outcome, { revalidate: outcome.kind === "done" ? stale() : [] });
  }, name);
}

const availabilityKeys = () => [getAvailability.key];
const decided = (onBooked: OnBooked | undefined) => (onBooked ? { onBooked } : {});

export const createRule = change(
  "availabilityCreateRule",
  availabilityKeys,
  (input: RuleInput, onBooked?: OnBooked) => availability.rules.$post({ json: { ...input, ...decided(onBooked) } }),
  201,
);
export const updateRule = change(
  "availabilityUpdateRule",
  availabilityKeys,
  (id: string, patch: RulePatch, onBooked?: OnBooked) =>
    availability.rules[":id"].$patch({ param: { id }, json: { ...patch, ...decided(onBooked) } }),
);
export const deleteRule = change("availabilityDeleteRule", availabilityKeys, (id: string, onBooked?: OnBooked) =>
  availability.rules[":id"].$delete({ param: { id }, query: decided(onBooked) }),
);
export const createAbsence = change(
  "availabilityCreateAbsence",
  availabilityKeys,
  (input: AbsenceInput, onBooked?: OnBooked) => availability.absences.$post({ json: { ...input, ...decided(onBooked) } }),
  201,
);
export const deleteAbsence = change("availabilityDeleteAbsence", availabilityKeys, (id: string) =>
  availability.absences[":id"].$delete({ param: { id } }),
);

/** A structure's closure (the directory's « Fermetures »): it may leave booked meetings outside, as a range may. */
export const createClosure = change(
  "availabilityCreateClosure",
  () => [getAdminStructure.key, getAdminStructures.key],
  (structureId: string, input: ClosureInput, onBooked?: OnBooked) =>
    closures.structures[":id"].closures.$post({ param: { id: structureId }, json: { ...input, ...decided(onBooked) } }),
  201,
);
