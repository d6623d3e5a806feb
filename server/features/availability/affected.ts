import type { Tx } from "../../db/database.ts";
import { stillFits } from "../../domain/availability.ts";
import { localDateOf, toZonedIso } from "../../domain/time.ts";
import { loadAvailability, offeringSelect, toOfferingRow } from "../slots/load-availability.ts";

export interface AffectedAppointment {
  id: string;
  start: string;
  service: string;
  person: { firstName: string; lastName: string };
}

/**
 * An advisor's coming meetings that no longer fit their availability, as the transaction sees
 * it. Run before and after a change, the difference is what the change would orphan.
 */
export async function misfits(tx: Tx, advisorId: string, now: Date): Promise<AffectedAppointment[]> {
  const coming = await tx.appointment.findMany({
    where: { advisorId, status: "booked", startsAt: { gt: now } },
    orderBy: { startsAt: "asc" },
    select: {
      id: true,
      startsAt: true,
      siteId: true,
      mode: true,
      person: { select: { firstName: true, lastName: true } },
      offering: { select: { ...offeringSelect, service: { select: { name: true } } } },
    },
  });
  const byOffering = new Map<string, typeof coming>();
  for (const meeting of coming) byOffering.set(meeting.offering.id, [...(byOffering.get(meeting.offering.id) ?? []), meeting]);
  const result: AffectedAppointment[] = [];
  for (const meetings of byOffering.values()) {
    const offering = toOfferingRow(meetings[0]?.offering ?? (undefined as never));
    const dates = meetings.map((m) => localDateOf(m.startsAt, offering.timeZone));
    const from = dates[0] ?? "";
    const to = dates.at(-1) ?? from;
    const input = (await loadAvailability(tx, [offering], { from, to, now, audience: "staff" })).get(offering.id);
    meetings.forEach((m, i) => {
      const wanted = { advisorId, siteId: m.siteId, mode: m.mode, start: m.startsAt };
      if (input && stillFits(input, wanted, dates[i] ?? from)) return;
      result.push({
        id: m.id,
        start: toZonedIso(m.startsAt, offering.timeZone),
        service: m.offering.service.name,
        person: m.person,
      });
    });
  }
  return result.sort((a, b) => a.start.localeCompare(b.start));
}
