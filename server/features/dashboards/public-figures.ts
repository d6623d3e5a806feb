import type { Roles } from "../../auth/policy.ts";
import type { Deps } from "../../context.ts";
import { addDays, DEFAULT_ZONE, firstOfMonthBefore, localDateOf } from "../../domain/time.ts";
import { resolveCoverage } from "./coverage.ts";
import { figuresOf } from "./figures.ts";
import { loadFacts } from "./load-facts.ts";

// The figures behind the public statistics (statistics-routes.ts), computed for the whole region
// as the Région's dashboard would, and kept a while.

const REGION: Roles = { regionalAdmin: true, memberships: [], territories: [] };

/**
 * Twelve months at most, to yesterday: from the first day of the month eleven months ago, or of
 * the first month with an appointment if later (a platform in service since May has no figures
 * for the months before, only zeros that would mislead).
 */
async function computeFigures({ db, clock }: Pick<Deps, "db" | "clock">) {
  const to = addDays(localDateOf(clock.now(), DEFAULT_ZONE), -1);
  const first = (await db.prisma.appointment.aggregate({ _min: { startsAt: true } }))._min.startsAt;
  const start = firstOfMonthBefore(to, 11);
  const firstMonth = first ? firstOfMonthBefore(localDateOf(first, DEFAULT_ZONE), 0) : start;
  const coverage = await resolveCoverage(db, REGION, { from: firstMonth > start && firstMonth <= to ? firstMonth : start, to });
  const facts = await loadFacts(db, coverage);
  return { byMonth: figuresOf(facts, coverage, "month"), byNetwork: figuresOf(facts, coverage, "network") };
}

/**
 * Anyone may ask, and the answer takes the whole region's rows: each instance keeps it ten
 * minutes (per database), so that a crowd of visitors, or a loop, costs one computation.
 */
const KEEP_MS = 10 * 60_000;
const cache = new WeakMap<object, { until: number; figures: ReturnType<typeof computeFigures> }>();
export function publicFigures(deps: Pick<Deps, "db" | "clock">) {
  const now = deps.clock.now().getTime();
  const kept = cache.get(deps.db);
  if (kept && kept.until > now) return kept.figures;
  const figures = computeFigures(deps);
  cache.set(deps.db, { until: now + KEEP_MS, figures });
  // A failure is not kept: the next visitor tries again.
  figures.catch(() => cache.delete(deps.db));
  return figures;
}
