import { addDays, localDateOf } from "../../domain/time.ts";
import { AppError, validationError } from "../../errors.ts";
import type { LinkDeps } from "../manage/manage-appointment.ts";
import { offeringSelect, toOfferingRow } from "../slots/load-availability.ts";
import { offeredSlots, toView } from "../slots/search-slots.ts";
import { addEntry, newJoiner } from "./add-entry.ts";
import { entrySelect, entryView, storedWishes } from "./entry-view.ts";
import type { JoinInput } from "./schemas.ts";

/**
 * « Me prévenir dès qu'un créneau s'ouvre »: someone who found no free time with a service in a
 * structure joins its list with what a booking keeps (name, contact, commune, the notice read).
 * Refused (409, with them) while slots are free: booking one is better than waiting. The person
 * gets a message with the link to see or leave the list.
 */
export async function joinWithoutMeeting({ db, clock, config }: LinkDeps, input: JoinInput) {
  const now = clock.now();
  const found = await db.prisma.offering.findFirst({
    where: {
      service: { slug: input.service },
      structureId: input.structure,
      active: true,
      bookableBy: "public",
      structure: { active: true, network: { kind: "spro" } },
    },
    select: { ...offeringSelect, service: { select: { name: true } }, structure: { select: { timeZone: true, name: true } } },
  });
  if (!found) throw validationError({ service: "Ce service n'est pas proposé en ligne par cette structure." });
  if (found.seats > 1)
    throw validationError({ service: "Une séance collective n'a pas de liste d'attente : choisissez une autre séance." });
  const offering = toOfferingRow(found);
  // The wishes checked first: a mistake in them is named before any question of free slots.
  storedWishes(input, offering, now);

  const today = localDateOf(now, offering.timeZone);
  const open = await offeredSlots(db, [offering], { from: today, to: addDays(today, offering.horizonDays), now });
  const free = open.get(offering)?.slots ?? [];
  if (free.length > 0) {
    throw new AppError("CONFLICT", "Des créneaux sont libres pour ce service : choisissez-en un plutôt que d'attendre.", {
      alternatives: free.slice(0, 3).map((s) => toView(s, offering)),
    });
  }

  return db.prisma.$transaction(async (tx) => {
    const person = await newJoiner(tx, input.person, now, true);
    const { id, url } = await addEntry(tx, { config, now }, { offering: found, person, wishes: input, channel: "online" });
    const entry = await tx.waitlistEntry.findUniqueOrThrow({ where: { id }, select: entrySelect });
    return { entry: entryView(entry), waitlistUrl: url ?? "" };
  });
}
