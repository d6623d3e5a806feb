import { sqlIn } from "../../db/database.ts";
import { retried } from "../../db/errors.ts";
import { AppError } from "../../errors.ts";
import type { LinkDeps } from "../manage/manage-appointment.ts";
import { offerByToken, offerView } from "./offer-link.ts";
import { endWaiting, passOn } from "./pass-on.ts";

/**
 * « Ce créneau ne me convient pas »: the slot goes at once to the next person waiting, in the
 * same transaction; the person stays on the list (for a later offer, not today) unless `leave`.
 */
export async function declineOffer({ db, clock, config }: LinkDeps, token: string, leave: boolean) {
  const now = clock.now();
  const offer = await offerByToken(db, token);
  const passed = await retried(() =>
    db.prisma.$transaction(async (tx) => {
      const sql = sqlIn(tx);
      const closed = await passOn(sql, offer.id, "declined", { now, config });
      if (leave) await endWaiting(sql, { entryId: offer.entry.id }, "left", { now, config });
      return closed;
    }),
  );
  if (!passed && !leave) throw new AppError("GONE", "Cette proposition n'est plus ouverte : il n'y a rien à refuser.");
  return offerView(db, await offerByToken(db, token), now);
}
