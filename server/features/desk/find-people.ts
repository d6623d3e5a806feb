import type { StaffDeps } from "../../context.ts";
import { literally } from "../../db/database.ts";
import { PHONE_SHAPES } from "../../domain/phone.ts";
import { toZonedIso } from "../../domain/time.ts";
import { notFound } from "../../errors.ts";
import { contactFields, contactForStaff } from "../agenda/selects.ts";

/** Someone who came to the structure before, or waits on its list, by name, address or phone: 20 at most, the most recently seen first. */
export async function findPeople({
  scope,
  clock,
  input: { structure, q },
}: StaffDeps & { input: { structure: string; q: string } }) {
  if (!scope.seesPeopleOf(structure)) throw notFound("Structure");
  // Phones are stored in E.164 (« +33612345678 », « +262692123456 »): a number as people say it
  // (« 06.12… », « +33 6 12… », « 0692… ») is looked for without its prefix, « 612… », « 692… ».
  // A name may come whole (« Léa Martin »): each word must be found in the name or the address.
  const digits = q
    .replace(PHONE_SHAPES.separators, "")
    .replace(/^(?:\+|00)33/, "")
    .replace(/^(?:\+|00?)/, "");
  const words = q.split(/\s+/).filter(Boolean).map(literally);
  const byPhone = /^\d{2,}$/.test(digits) ? [{ phone: { contains: literally(digits) } }] : [];
  const byWords = {
    AND: words.map((word) => ({
      OR: [
        { lastName: { contains: word, mode: "insensitive" as const } },
        { firstName: { contains: word, mode: "insensitive" as const } },
        { email: { contains: word, mode: "insensitive" as const } },
      ],
    })),
  };
  const here = { structureId: structure };
  const found = await scope.prisma.person.findMany({
    // An erased person is nobody to find: every one of them is « Personne anonymisée ».
    // Met here, or waiting on one of its lists (added at the desk, with no meeting yet).
    where: {
      anonymisedAt: null,
      AND: [
        { OR: [{ appointments: { some: here } }, { waitlist: { some: { offering: here } } }] },
        { OR: [byWords, ...byPhone] },
      ],
    },
    orderBy: { lastActivityAt: "desc" },
    take: 50,
    select: {
      ...contactFields,
      // When they last came here: what they did elsewhere is another structure's business.
      appointments: { where: here, orderBy: { startsAt: "desc" }, take: 1, select: { startsAt: true } },
    },
  });
  // Their meetings here still to come (or under way), so that a caller's is found in one search.
  const upcoming = await scope.prisma.appointment.findMany({
    where: {
      ...here,
      personId: { in: found.map((p) => p.id) },
      status: "booked",
      outcome: null,
      endsAt: { gt: clock.now() },
    },
    orderBy: { startsAt: "asc" },
    select: {
      id: true,
      personId: true,
      startsAt: true,
      mode: true,
      offering: { select: { service: { select: { name: true } } } },
      advisor: { select: { firstName: true, lastName: true } },
      structure: { select: { timeZone: true } },
    },
  });
  const people = found
    .map(({ appointments, ...p }) => ({
      ...contactForStaff(p),
      lastSeen: appointments[0]?.startsAt.toISOString() ?? null,
      upcoming: upcoming
        .filter((a) => a.personId === p.id)
        .slice(0, 5)
        .map((a) => ({
          id: a.id,
          start: toZonedIso(a.startsAt, a.structure.timeZone),
          mode: a.mode,
          service: a.offering.service.name,
          advisor: a.advisor,
        })),
    }))
    .sort((a, b) => (b.lastSeen ?? "").localeCompare(a.lastSeen ?? ""))
    .slice(0, 20);
  return { people };
}
