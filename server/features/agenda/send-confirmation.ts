import { hashSecret } from "../../auth/hash-secret.ts";
import type { StaffDeps } from "../../context.ts";
import { audited } from "../../db/audit.ts";
import { sqlIn } from "../../db/database.ts";
import { AppError, notFound, validationError } from "../../errors.ts";
import { enqueueAppointmentMessages } from "../../mail/outbox.ts";
import { loadAppointment, toDetails } from "../appointments/details.ts";
import { newManageToken } from "../appointments/manage-token.ts";

/**
 * Sends (or sends again) an appointment's confirmation to the person, with the .ics and the
 * reminders: to the address they give, else the one known; with the private link handed over
 * at booking when the page still holds it, else a new one that replaces it.
 */
export async function sendConfirmation(
  deps: StaffDeps & { input: { id: string; email?: string | undefined; manageToken?: string | undefined } },
) {
  const { db, clock, config, scope, input } = deps;
  const { id, ...body } = input;
  const select = {
    structureId: true,
    status: true,
    endsAt: true,
    manageTokenHash: true,
    personId: true,
    person: { select: { email: true } },
    offering: { select: { reminderPlan: true } },
  } as const;
  const seen = await scope.prisma.appointment.findUnique({ where: { id }, select });
  // The desk may book in a partner's offering: whoever booked it may send its confirmation
  // while they hold its private link (just booked), as the person could with it — not later.
  const held =
    !seen && body.manageToken
      ? await db.prisma.appointment.findFirst({
          where: { id, bookedById: scope.userId, manageTokenHash: hashSecret(body.manageToken) },
          select,
        })
      : null;
  const row = seen ?? held;
  if (!row) throw notFound("Rendez-vous");
  const kept = body.manageToken && hashSecret(body.manageToken) === row.manageTokenHash ? body.manageToken : undefined;
  const now = clock.now();
  if (row.status !== "booked") throw new AppError("CONFLICT", "Ce rendez-vous est annulé : aucune confirmation à envoyer.");
  // A walk-in may be booked for the very hour: only a meeting over has nothing to confirm.
  if (row.endsAt <= now) throw new AppError("CONFLICT", "Ce rendez-vous est terminé : aucune confirmation à envoyer.");
  const email = body.email ?? row.person.email;
  if (!email) throw validationError({ email: "Indiquez l'adresse électronique de la personne." });
  // The private link is never stored in clear: the one handed over at the desk is reused when
  // the page still holds it; otherwise a new one replaces it.
  const link = kept ? { token: kept, hash: row.manageTokenHash } : newManageToken();
  const fields = [...(email !== row.person.email ? ["email"] : []), ...(kept ? [] : ["manageToken"])];
  await audited(
    deps,
    { action: "appointment.confirmation", entity: "Appointment", details: { structureId: row.structureId, fields } },
    async (tx) => {
      if (email !== row.person.email) await tx.person.update({ where: { id: row.personId }, data: { email } });
      if (!kept) await tx.appointment.update({ where: { id }, data: { manageTokenHash: link.hash } });
      const details = toDetails(await loadAppointment(sqlIn(tx), id), `${config.publicUrl}/rdv/${link.token}`);
      await enqueueAppointmentMessages(
        sqlIn(tx),
        details,
        { kind: "confirmed" },
        { now, reminderPlan: row.offering.reminderPlan, secret: config.sessionSecret },
      );
      return { id };
    },
    // Outside the user's scope only for the appointment they hold the link of.
    held ? db.prisma : undefined,
  );
  return { sentTo: email, manageUrl: `${config.publicUrl}/rdv/${link.token}`, newLink: !kept };
}
