// Referrals (orientations) between structures: the states a referral goes through and what
// each party sees. Plain functions: no database, no HTTP.

export type ReferralStatus = "sent" | "accepted" | "declined" | "redirected" | "booked" | "expired";
export type ReferralAction = "accept" | "decline" | "redirect" | "book" | "invite" | "expire" | "readdress";
export type MeetingOutcome = "honoured" | "no_show" | "excused";
/** What the referrer follows: the referral's status, or what became of its meeting. */
export type FollowedStatus = ReferralStatus | MeetingOutcome;

/** An invitation lasts this many days unless the referrer says otherwise (1 to 30). */
export const INVITATION_DAYS = 14;
/** An unused invitation is recalled to the person once, this long after it was sent. */
export const REMINDER_AFTER_DAYS = 3;
const DAY_MS = 86_400_000;

const ALLOWED: Record<ReferralAction, readonly ReferralStatus[]> = {
  accept: ["sent"],
  decline: ["sent", "accepted"],
  redirect: ["sent", "accepted"],
  book: ["sent", "accepted"],
  // A new invitation after one expired puts the referral back in the running.
  invite: ["sent", "accepted", "expired"],
  expire: ["sent", "accepted"],
  // The referrer sends a declined referral again, elsewhere: the person needs not be typed twice.
  readdress: ["declined"],
};

const NOT_NOW: Record<ReferralStatus, string> = {
  sent: "Cette orientation attend la réponse de la structure.",
  accepted: "Cette orientation est déjà acceptée.",
  declined: "Cette orientation a été refusée.",
  redirected: "Cette orientation a été réorientée vers une autre structure.",
  booked: "Un rendez-vous est déjà pris pour cette orientation.",
  expired: "L'invitation de cette orientation a expiré.",
};

/** Why an action cannot be taken in this state, in French; undefined when it can. */
export function actionProblem(status: ReferralStatus, action: ReferralAction): string | undefined {
  return ALLOWED[action].includes(status) ? undefined : NOT_NOW[status];
}

/** What of a referral an action depends on: its status, and whether its person was erased. */
export interface ReferralState {
  status: ReferralStatus;
  person: { anonymisedAt: Date | null };
}

/** Why the referral cannot take this action now, in French; undefined when it can. */
export function referralProblem(r: ReferralState, action: ReferralAction): string | undefined {
  // Once the person is erased, nobody can be invited, answered for or booked: the referral is closed.
  if (r.person.anonymisedAt) return "Les données de la personne ont été effacées : cette orientation est close.";
  return actionProblem(r.status, action);
}

/** The status a referrer follows: once booked, what became of the meeting. */
export function followedStatus(status: ReferralStatus, appointment: { outcome: MeetingOutcome | null } | null): FollowedStatus {
  return status === "booked" && appointment?.outcome ? appointment.outcome : status;
}

export interface InvitationState {
  status: ReferralStatus;
  invitationExpiresAt: Date | null;
}

/** Whether the person may still book through the invitation. */
export function invitationOpen(r: InvitationState, now: Date): boolean {
  return (r.status === "sent" || r.status === "accepted") && r.invitationExpiresAt !== null && r.invitationExpiresAt > now;
}

/**
 * When to recall an unused invitation to the person: a few days after it was sent, unless it
 * ends within the day after that (null: no reminder).
 */
export function reminderTime(invitedAt: Date, expiresAt: Date): Date | null {
  const at = new Date(invitedAt.getTime() + REMINDER_AFTER_DAYS * DAY_MS);
  return expiresAt.getTime() - at.getTime() > DAY_MS ? at : null;
}

/** An invitation past its date while the referral still waits for a meeting. */
export function expiryDue(r: InvitationState, now: Date): boolean {
  return (r.status === "sent" || r.status === "accepted") && r.invitationExpiresAt !== null && r.invitationExpiresAt <= now;
}

/** When an invitation sent now for `days` days ends. */
export const invitationEnd = (now: Date, days = INVITATION_DAYS) => new Date(now.getTime() + days * DAY_MS);
