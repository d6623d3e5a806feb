// « Trouver le bon interlocuteur »: the orientation table is data (RoutingRule rows the
// regional admin edits); this reads it. Plain functions: no database, no HTTP.

export const AGE_BANDS = ["under_16", "from_16_to_25", "from_26_to_44", "from_45"] as const;
export const SITUATIONS = [
  "pupil",
  "student",
  "neet",
  "job_seeker",
  "employee",
  "self_employed",
  "executive",
  "retired",
  "rsa_beneficiary",
  "other",
] as const;
export const NEEDS = [
  "school_orientation",
  "choose_job_or_training",
  "career_change",
  "vae",
  "find_job",
  "create_activity",
  "jobs_information",
] as const;

export type AgeBand = (typeof AGE_BANDS)[number];
export type Situation = (typeof SITUATIONS)[number];
export type Need = (typeof NEEDS)[number];

/** What the person answers. Never stored unless they book. */
export interface Answers {
  ageBand: AgeBand;
  situation: Situation;
  need: Need;
  /** They would like support adapted to a disability (never a diagnosis). */
  disability: boolean;
}

/**
 * The one rule on contradictory answers: a situation is possible only from a certain age, and
 * the young person « sans emploi ni formation » is 16 to 25 by definition. The need and the
 * disability question never contradict anything (a need is a wish, possibly for later), nor do
 * the situations open at every age (a pupil of 45 in an adult class, an apprentice of 15, a
 * student of 15). Each limit, with the reason shown to the person.
 */
const SITUATION_LIMITS: Partial<Record<Situation, { ageBands: readonly AgeBand[]; reason: string }>> = {
  neet: { ageBands: ["from_16_to_25"], reason: "cette situation concerne les jeunes de 16 à 25 ans." },
  // Compulsory schooling lasts until 16: France Travail registers job seekers from then on.
  job_seeker: {
    ageBands: ["from_16_to_25", "from_26_to_44", "from_45"],
    reason: "on peut s'inscrire comme demandeur d'emploi à partir de 16 ans.",
  },
  // A business needs an adult, or a minor emancipated, which is possible from 16.
  self_employed: {
    ageBands: ["from_16_to_25", "from_26_to_44", "from_45"],
    reason: "on peut être indépendant à partir de 16 ans.",
  },
  // Before 16, the only work contract is an apprenticeship: never an executive's.
  executive: { ageBands: ["from_16_to_25", "from_26_to_44", "from_45"], reason: "on ne peut pas être cadre avant 16 ans." },
  // The RSA is paid from 18 (from 25 but for young parents and young workers).
  rsa_beneficiary: { ageBands: ["from_16_to_25", "from_26_to_44", "from_45"], reason: "le RSA est versé à partir de 18 ans." },
  // The earliest pensions (some careers in the armed forces, after 17 years of service) start after 26.
  retired: { ageBands: ["from_26_to_44", "from_45"], reason: "on ne peut pas être retraité·e avant 26 ans." },
};

/**
 * Why these two answers cannot both be true, in French, to show beside the situation; undefined
 * when they can.
 */
export function contradiction(answers: { ageBand: AgeBand; situation: Situation }): string | undefined {
  const limit = SITUATION_LIMITS[answers.situation];
  if (!limit || limit.ageBands.includes(answers.ageBand)) return undefined;
  return `Cette situation ne correspond pas à l'âge choisi : ${limit.reason} Changez votre âge ou votre situation.`;
}

export interface RoutingRule {
  id: string;
  position: number;
  /** Empty: any. */
  ageBands: readonly AgeBand[];
  situations: readonly Situation[];
  needs: readonly Need[];
  /** true: only for someone asking for adapted support; false: only for others; null: either. */
  disability: boolean | null;
  networkId: string;
  serviceId: string | null;
  reason: string;
  fallback: boolean;
  active: boolean;
}

export interface Recommendation {
  ruleId: string;
  networkId: string;
  serviceId: string | null;
  reason: string;
}

const holds = <T>(accepted: readonly T[], value: T) => accepted.length === 0 || accepted.includes(value);

/** Whether every condition of a rule holds for these answers (the fallback holds for everyone). */
export function matches(rule: RoutingRule, answers: Answers): boolean {
  return (
    holds(rule.ageBands, answers.ageBand) &&
    holds(rule.situations, answers.situation) &&
    holds(rule.needs, answers.need) &&
    (rule.disability === null || rule.disability === answers.disability)
  );
}

/**
 * The networks (and services) to turn to, best first: every active rule that matches, in
 * `position` order, each network once (its first rule's service and reason); the fallback
 * when none does.
 */
export function recommend(answers: Answers, rules: readonly RoutingRule[], limit = 3): Recommendation[] {
  const ordered = [...rules].filter((rule) => rule.active).sort((a, b) => a.position - b.position);
  const seen = new Set<string>();
  const result: Recommendation[] = [];
  for (const rule of ordered) {
    if (rule.fallback || !matches(rule, answers)) continue;
    if (seen.has(rule.networkId)) continue;
    seen.add(rule.networkId);
    result.push({ ruleId: rule.id, networkId: rule.networkId, serviceId: rule.serviceId, reason: rule.reason });
    if (result.length === limit) break;
  }
  if (result.length > 0) return result;
  const fallback = ordered.find((rule) => rule.fallback);
  return fallback
    ? [{ ruleId: fallback.id, networkId: fallback.networkId, serviceId: fallback.serviceId, reason: fallback.reason }]
    : [];
}

/**
 * What is wrong with a table as a whole, in French, or undefined: it needs exactly one active
 * fallback, with no condition, so that every answer leads somewhere.
 */
export function tableProblem(rules: readonly RoutingRule[]): string | undefined {
  const fallbacks = rules.filter((rule) => rule.fallback);
  if (fallbacks.length === 0) return "La table doit garder une règle par défaut, qui s'applique quand aucune autre ne convient.";
  if (fallbacks.length > 1) return "La table ne peut avoir qu'une règle par défaut.";
  const [fallback] = fallbacks;
  if (
    fallback &&
    (!fallback.active ||
      fallback.ageBands.length + fallback.situations.length + fallback.needs.length > 0 ||
      fallback.disability !== null)
  ) {
    return "La règle par défaut est active et sans condition : elle s'applique à tous.";
  }
  return undefined;
}
