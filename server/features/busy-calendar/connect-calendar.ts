import type { StaffDeps } from "../../context.ts";
import { audited } from "../../db/audit.ts";
import { seal } from "../../db/sealed.ts";
import { namesPrivateHost } from "../../domain/public-address.ts";
import { validationError } from "../../errors.ts";
import { requireAdvisor, statusOf } from "./calendar-status.ts";
import { calendarAddress } from "./fetch-calendar.ts";
import { type SealedAddress, syncCalendar } from "./sync-calendar.ts";

/**
 * Connects the advisor's own calendar by its published address (replacing any other, and its
 * busy times), reads it at once and says how it went. The address is kept sealed; the audit
 * says a calendar was connected, not which.
 */
export async function connectCalendar(deps: StaffDeps & { input: { url: string } }) {
  requireAdvisor(deps);
  const { clock, config, scope, input } = deps;
  const address = calendarAddress(input.url);
  if (!address)
    throw validationError({ url: "collez l'adresse publiée du calendrier : elle commence par https://, http:// ou webcal://." });
  if (!config.busyCalendars.allowPrivate && namesPrivateHost(address))
    throw validationError({
      url: "cette adresse mène à un réseau privé ou local : seul un calendrier publié sur Internet peut être lu.",
    });
  const now = clock.now();
  const calendar = await audited(deps, { action: "busy_calendar.connect", entity: "BusyCalendar" }, async (tx) => {
    // A new address starts afresh: the previous calendar's busy times go with it.
    await tx.busyCalendar.deleteMany({ where: { advisorId: scope.user.id } });
    return tx.busyCalendar.create({
      data: {
        advisorId: scope.user.id,
        url: { ...seal(config.sessionSecret, { url: address.href } satisfies SealedAddress) },
        dueAt: now,
        createdAt: now,
      },
      select: { id: true },
    });
  });
  await syncCalendar(deps, calendar.id);
  return statusOf(deps, scope.user.id, clock.now());
}
