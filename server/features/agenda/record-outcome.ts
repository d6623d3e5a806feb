import type { StaffDeps } from "../../context.ts";
import { audited } from "../../db/audit.ts";
import { sqlIn } from "../../db/database.ts";
import { outcomeProblem } from "../../domain/booking.ts";
import { AppError } from "../../errors.ts";
import { emitAppointmentEvent, emitReferralEvent } from "../../webhooks/emit.ts";
import { lockForChange } from "../appointments/state-change.ts";
import { visibleAppointment } from "./visible-appointment.ts";

const OUTCOME_WORDS = { honoured: "rendez-vous honoré", no_show: "absence au rendez-vous", excused: "absence excusée" } as const;

/** Notes what became of an appointment (not before its time), and tells its referral if it has one. */
export async function recordOutcome(deps: StaffDeps & { input: { id: string; outcome: keyof typeof OUTCOME_WORDS } }) {
  const { clock, config, scope, input } = deps;
  const { id, outcome: value } = input;
  const row = await visibleAppointment(scope, id);
  const now = clock.now();
  const problem = outcomeProblem({ status: row.status, outcome: row.outcome, start: row.startsAt }, value, now);
  if (problem) throw new AppError("CONFLICT", problem);
  await audited(
    deps,
    { action: "appointment.outcome", entity: "Appointment", details: { structureId: row.structureId } },
    async (tx) => {
      // Asked again under the row's lock: a cancellation may have come meanwhile.
      await lockForChange(tx, id, value);
      // What became of a referred person's meeting flows back to the referral's timeline,
      // whether or not the user sees the referral: plain SQL, outside their scope.
      const [referral] = await sqlIn(tx).query<{ id: string }>(`SELECT id FROM "Referral" WHERE "appointmentId" = $1::uuid`, [
        id,
      ]);
      const updated = await tx.appointment.update({
        where: { id },
        data: { outcome: value, outcomeAt: now },
        select: { id: true },
      });
      const emitting = { now, secret: config.sessionSecret };
      await emitAppointmentEvent(sqlIn(tx), emitting, id, "outcome");
      if (referral) {
        await tx.referralEvent.create({
          data: { referralId: referral.id, kind: "outcome", at: now, byId: scope.user.id, detail: OUTCOME_WORDS[value] },
        });
        await emitReferralEvent(sqlIn(tx), emitting, referral.id, "outcome");
      }
      return updated;
    },
  );
  return {};
}
