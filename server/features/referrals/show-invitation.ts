import type { Deps } from "../../context.ts";
import { invitationOpen } from "../../domain/referrals.ts";
import { toZonedIso } from "../../domain/time.ts";
import { opened } from "./opened-invitation.ts";

/** An invitation as its person sees it: who refers them, to whom, for what, until when, and its state. */
export async function showInvitation({ db, clock, input }: Pick<Deps, "db" | "clock"> & { input: { key: string } }) {
  const r = await opened(db, input.key);
  const now = clock.now();
  const contact = await db.prisma.structure.findUniqueOrThrow({
    where: { id: r.toStructureId },
    select: { phone: true, email: true },
  });
  return {
    invitation: {
      firstName: r.person.firstName,
      hasEmail: Boolean(r.person.email),
      from: { name: r.fromStructure.name },
      to: { id: r.toStructure.id, slug: r.toStructure.slug, name: r.toStructure.name, ...contact },
      service: { slug: r.service.slug, name: r.service.name },
      expiresAt: r.invitationExpiresAt && toZonedIso(r.invitationExpiresAt, r.toStructure.timeZone),
      state: r.status === "booked" ? "booked" : invitationOpen(r, now) ? "open" : "closed",
    },
  };
}
