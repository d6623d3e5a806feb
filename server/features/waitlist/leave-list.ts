import { hashSecret } from "../../auth/hash-secret.ts";
import { sqlIn } from "../../db/database.ts";
import { AppError } from "../../errors.ts";
import { type LinkDeps, liveLink } from "../manage/manage-appointment.ts";
import { entrySelect, entryView } from "./entry-view.ts";
import { endWaiting } from "./pass-on.ts";

const TOKEN = /^[A-Za-z0-9_-]{22}$/;
const deadEntryLink = () => new AppError("NOT_FOUND", "Ce lien de liste d'attente n'existe pas : vérifiez qu'il est complet.");

/** « Ne plus être prévenu », through the meeting's private link: an offer it holds goes to the next person. */
export async function leaveFromMeeting({ db, clock, config }: LinkDeps, token: string) {
  const now = clock.now();
  return db.prisma.$transaction(async (tx) => {
    const link = await liveLink(tx, token, now);
    const withdrawn = await endWaiting(sqlIn(tx), { appointmentId: link.id }, "left", { now, config });
    return { left: true, offersWithdrawn: withdrawn };
  });
}

/** The place on the list of someone with no meeting, through its own link (/attente/<token>). */
export async function showEntry({ db }: LinkDeps, token: string) {
  if (!TOKEN.test(token)) throw deadEntryLink();
  const entry = await db.prisma.waitlistEntry.findUnique({ where: { tokenHash: hashSecret(token) }, select: entrySelect });
  if (!entry) throw deadEntryLink();
  return { entry: entryView(entry) };
}

/** Leaves the list through the entry's own link; leaving twice is leaving once. */
export async function leaveEntry({ db, clock, config }: LinkDeps, token: string) {
  if (!TOKEN.test(token)) throw deadEntryLink();
  const now = clock.now();
  return db.prisma.$transaction(async (tx) => {
    const found = await tx.waitlistEntry.findUnique({ where: { tokenHash: hashSecret(token) }, select: { id: true } });
    if (!found) throw deadEntryLink();
    await endWaiting(sqlIn(tx), { entryId: found.id }, "left", { now, config });
    return { entry: entryView(await tx.waitlistEntry.findUniqueOrThrow({ where: { id: found.id }, select: entrySelect })) };
  });
}
