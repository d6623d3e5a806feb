import type { Mode } from "../../server/db/generated/client.ts";
import type { AdvisorPost } from "./advisors.ts";
import { isCollective, type ResolvedOffering } from "./offerings.ts";
import { type Random, randomFor } from "./random.ts";
import type { ServiceSlug } from "./services.ts";
import type { StructureDef } from "./structures/index.ts";

/** A weekly range before it gets ids: dates are "YYYY-MM-DD", times local "HH:mm". */
export interface RuleDraft {
  /** Stable within the advisor's post: part of the rule's id. */
  key: string;
  /** Null for a remote range (phone or video only). */
  siteKey: string | null;
  modes: Mode[];
  weekdays: number[];
  startTime: string;
  endTime: string;
  validFrom: string;
  validUntil: string | null;
  everyWeeks: number;
  services: ServiceSlug[];
}

/** Most rules start on the first Monday of 2026; Mondays, because they anchor the "every N weeks" cycle. */
const VALID_FROM = { start: "2026-01-05", spring: "2026-03-02", schoolYear: "2026-08-31" };
/** End of a fixed-term contract: the end of the school year, or just before Christmas. */
const VALID_UNTIL = { schoolYear: "2027-07-02", christmas: "2026-12-18" };

interface HalfDays {
  am: readonly [string, string];
  pm: readonly [string, string];
}

/** Each structure keeps its own opening hours; its advisors' ranges follow them. */
const HOUSE_HOURS: readonly HalfDays[] = [
  { am: ["09:00", "12:00"], pm: ["13:30", "17:00"] },
  { am: ["08:30", "12:00"], pm: ["13:30", "17:00"] },
  { am: ["09:00", "12:30"], pm: ["14:00", "17:30"] },
  { am: ["08:45", "12:15"], pm: ["13:45", "17:00"] },
];

type Pattern = "fullDays" | "mornings" | "twoSites" | "everyOtherWeek" | "remotePhone" | "remoteVideo" | "partTime";

interface Context {
  random: Random;
  hours: HalfDays;
  home: string;
  other: string | undefined;
  days: number[];
  onsiteModes: Mode[];
}

type Range = Omit<RuleDraft, "key" | "services" | "validFrom" | "validUntil"> & { validUntil?: string };

/** How an advisor's week is laid out: the shapes the slot engine must handle, in realistic proportions. */
const PATTERNS: Record<Pattern, (c: Context) => Range[]> = {
  fullDays: (c) => [onsite(c, c.home, c.days, c.hours.am), onsite(c, c.home, c.days, c.hours.pm)],
  mornings: (c) => [onsite(c, c.home, c.days, ["08:30", "12:30"])],
  twoSites: (c) => {
    const split = Math.ceil(c.days.length / 2);
    const [first, second] = [c.days.slice(0, split), c.days.slice(split)];
    const ranges = [onsite(c, c.home, first, c.hours.am), onsite(c, c.home, first, c.hours.pm)];
    if (c.other && second.length > 0) ranges.push(onsite(c, c.other, second, c.hours.am), onsite(c, c.other, second, c.hours.pm));
    return ranges;
  },
  // A permanence one week in two, typically in a smaller town of the sector.
  everyOtherWeek: (c) => {
    const regular = c.days.slice(0, -1);
    const alternate = c.days.slice(-1);
    const site = c.other ?? c.home;
    return [
      ...(regular.length > 0 ? [onsite(c, c.home, regular, c.hours.am), onsite(c, c.home, regular, c.hours.pm)] : []),
      { ...onsite(c, site, alternate, c.hours.am), everyWeeks: 2 },
      { ...onsite(c, site, alternate, c.hours.pm), everyWeeks: 2 },
    ];
  },
  // Mornings at the desk, two afternoons of phone appointments from wherever the advisor is.
  remotePhone: (c) => [
    onsite(c, c.home, c.days, c.hours.am),
    remote(sorted(c.random.sample(c.days, Math.min(2, c.days.length))), ["phone"], ["14:00", "17:00"]),
  ],
  remoteVideo: (c) => {
    const split = Math.ceil(c.days.length / 2);
    const [atDesk, atHome] = [c.days.slice(0, split), c.days.slice(split)];
    return [
      onsite(c, c.home, atDesk, c.hours.am),
      onsite(c, c.home, atDesk, c.hours.pm),
      ...(atHome.length > 0
        ? [remote(atHome, ["video", "phone"], ["09:30", "12:30"]), remote(atHome, ["video", "phone"], ["14:00", "17:30"])]
        : []),
    ];
  },
  partTime: (c) => {
    const days = sorted(c.random.sample(c.days, Math.min(3, c.days.length)));
    return [
      { ...onsite(c, c.home, days, c.hours.am), validUntil: VALID_UNTIL.schoolYear },
      { ...onsite(c, c.home, days, c.hours.pm), validUntil: VALID_UNTIL.schoolYear },
    ];
  },
};

const WEIGHTS: [Pattern, number][] = [
  ["fullDays", 4],
  ["mornings", 1],
  ["twoSites", 2],
  ["everyOtherWeek", 2],
  ["remotePhone", 2],
  ["remoteVideo", 1],
  ["partTime", 1],
];

/** The weekly ranges of one advisor in one structure, each opening at least one of the structure's offerings. */
export function rulesFor(post: AdvisorPost, structure: StructureDef, offerings: ResolvedOffering[]): RuleDraft[] {
  const random = randomFor(`rules:${post.email}:${structure.slug}`);
  const individual = offerings.filter((o) => !isCollective(o));
  const sessions = post.index === 0 ? sessionRules(structure, offerings) : [];
  const sessionDays = new Set(sessions.flatMap((s) => s.weekdays));
  const days = post.weekdays.filter((d) => !sessionDays.has(d));
  const siteKeys = structure.sites.map((s) => s.key);
  // Advisors are spread over the sites; a guest from another structure lands anywhere.
  const home = siteKeys[(post.index >= 0 ? post.index : random.int(0, siteKeys.length - 1)) % siteKeys.length] as string;
  const context: Context = {
    random,
    hours: randomFor(`hours:${structure.slug}`).pick(HOUSE_HOURS),
    home,
    other: siteKeys.find((k) => k !== home),
    days,
    onsiteModes: random.chance(0.3) && supports(individual, "phone") ? ["onsite", "phone"] : ["onsite"],
  };

  const pattern = pickPattern(random, context, individual);
  const ranges = [...PATTERNS[pattern](context)];
  if (structure.network === "cio" && post.index === 0) {
    // Many CIOs open on Saturday mornings, for families; one advisor takes it every other week.
    ranges.push({ ...onsite(context, home, [6], ["09:00", "12:00"]), everyWeeks: 2 });
  }

  // Most advisors were there in January; a few arrived in spring or at the start of the school year.
  const validFrom = random.chance(0.85) ? VALID_FROM.start : random.pick([VALID_FROM.spring, VALID_FROM.schoolYear]);
  const leaves = random.chance(0.08);
  const rules: RuleDraft[] = [];
  for (const range of ranges) {
    const services = linkedServices(random, individual, range.modes);
    if (services.length === 0) continue; // e.g. a phone range where every offering is on site only
    rules.push({
      ...range,
      key: `r${rules.length + 1}`,
      validFrom,
      validUntil: range.validUntil ?? (leaves ? VALID_UNTIL.christmas : null),
      services,
    });
  }
  for (const session of sessions) rules.push({ ...session, key: `session-${session.services[0]}` });
  if (rules.length === 0) throw new Error(`Aucune plage pour ${post.email} à ${structure.slug}`);
  return rules;
}

/** The host's fixed slot for each collective session: same day, same time, on the main site. */
function sessionRules(structure: StructureDef, offerings: ResolvedOffering[]): Omit<RuleDraft, "key">[] {
  const random = randomFor(`sessions:${structure.slug}`);
  const site = structure.sites[0]?.key;
  if (!site) return [];
  return offerings.filter(isCollective).map((offering) => {
    const vae = offering.serviceSlug === "reunion-information-vae";
    const startTime = vae ? random.pick(["09:30", "14:00"]) : "14:00";
    return {
      siteKey: site,
      modes: ["onsite"],
      weekdays: [vae ? random.pick([2, 4]) : 3],
      startTime,
      endTime: addMinutes(startTime, offering.durationMinutes),
      validFrom: VALID_FROM.start,
      validUntil: null,
      // VAE information meetings run every fortnight; workshops every Wednesday.
      everyWeeks: vae ? 2 : 1,
      services: [offering.serviceSlug],
    };
  });
}

function pickPattern(random: Random, c: Context, offerings: ResolvedOffering[]): Pattern {
  const possible = WEIGHTS.filter(([pattern]) => {
    if (pattern === "twoSites") return c.other !== undefined && c.days.length >= 2;
    if (pattern === "remotePhone") return supports(offerings, "phone");
    if (pattern === "remoteVideo") return supports(offerings, "video") && c.days.length >= 2;
    if (pattern === "everyOtherWeek") return c.days.length >= 2;
    return true;
  });
  let roll = random.next() * possible.reduce((sum, [, weight]) => sum + weight, 0);
  for (const [pattern, weight] of possible) {
    roll -= weight;
    if (roll < 0) return pattern;
  }
  return "fullDays";
}

/** The individual offerings a range opens: those it has a mode for; sometimes an advisor specialises in fewer. */
function linkedServices(random: Random, offerings: ResolvedOffering[], modes: Mode[]): ServiceSlug[] {
  const compatible = offerings.filter((o) => o.modes.some((m) => modes.includes(m))).map((o) => o.serviceSlug);
  if (compatible.length >= 2 && random.chance(0.2)) return random.sample(compatible, compatible.length - 1).sort();
  return compatible;
}

function onsite(c: Context, siteKey: string, weekdays: number[], [startTime, endTime]: readonly [string, string]): Range {
  return { siteKey, modes: c.onsiteModes, weekdays, startTime, endTime, everyWeeks: 1 };
}

function remote(weekdays: number[], modes: Mode[], [startTime, endTime]: readonly [string, string]): Range {
  return { siteKey: null, modes, weekdays, startTime, endTime, everyWeeks: 1 };
}

const supports = (offerings: ResolvedOffering[], mode: Mode) => offerings.some((o) => o.modes.includes(mode));
const sorted = (days: number[]) => [...days].sort((a, b) => a - b);

function addMinutes(time: string, minutes: number): string {
  const [h, m] = time.split(":").map(Number) as [number, number];
  const total = h * 60 + m + minutes;
  return `${String(Math.floor(total / 60)).padStart(2, "0")}:${String(total % 60).padStart(2, "0")}`;
}
