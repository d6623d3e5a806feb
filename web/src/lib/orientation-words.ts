import type { AgeBand, Need, Situation } from "../../../server/domain/routing.ts";

// The questionnaire's answers in French, in the order they are offered: one module for the
// public questionnaire and the Région's editor of the orientation table, so both say the same.

export type { AgeBand, Need, Situation };

export const AGE_BAND_WORDS = {
  under_16: "Moins de 16 ans",
  from_16_to_25: "16 à 25 ans",
  from_26_to_44: "26 à 44 ans",
  from_45: "45 ans et plus",
} as const satisfies Record<AgeBand, string>;

export const SITUATION_WORDS = {
  pupil: "Collégien·ne ou lycéen·ne",
  student: "Étudiant·e",
  neet: "Jeune de 16 à 25 ans sans emploi ni formation",
  job_seeker: "Demandeur·se d'emploi",
  employee: "Salarié·e",
  self_employed: "Indépendant·e, artisan, commerçant·e",
  executive: "Cadre",
  retired: "Retraité·e",
  rsa_beneficiary: "Bénéficiaire du RSA",
  other: "Autre situation",
} as const satisfies Record<Situation, string>;

export const NEED_WORDS = {
  school_orientation: "Choisir mon orientation scolaire",
  choose_job_or_training: "Choisir un métier ou une formation",
  career_change: "Changer de métier",
  vae: "Faire valider mon expérience (VAE)",
  find_job: "Trouver un emploi",
  create_activity: "Créer une activité",
  jobs_information: "M'informer sur les métiers et les formations",
} as const satisfies Record<Need, string>;

const keys = <K extends string>(words: Record<K, string>) => Object.keys(words) as K[];
export const AGE_BANDS = keys(AGE_BAND_WORDS);
export const SITUATIONS = keys(SITUATION_WORDS);
export const NEEDS = keys(NEED_WORDS);

export const isAgeBand = (value: string | undefined): value is AgeBand => value !== undefined && value in AGE_BAND_WORDS;
export const isSituation = (value: string | undefined): value is Situation => value !== undefined && value in SITUATION_WORDS;
export const isNeed = (value: string | undefined): value is Need => value !== undefined && value in NEED_WORDS;

export const options = <K extends string>(words: Record<K, string>) =>
  keys(words).map((value) => ({ value, label: words[value] }));

/** The answer about support adapted to a disability, as a rule asks it. */
export function disabilityWords(disability: boolean | null): string | undefined {
  if (disability === null) return undefined;
  return disability ? "Accompagnement adapté à un handicap" : "Sans demande d'accompagnement adapté";
}

/**
 * A rule's conditions in words: « Salarié·e · Changer de métier », « Tout public » when it has
 * none. Within a condition the values are alternatives (« ou »).
 */
export function conditionWords(rule: {
  ageBands: readonly AgeBand[];
  situations: readonly Situation[];
  needs: readonly Need[];
  disability: boolean | null;
}): string {
  const either = (values: string[]) => values.join(" ou ");
  const parts = [
    either(rule.ageBands.map((value) => AGE_BAND_WORDS[value])),
    either(rule.situations.map((value) => SITUATION_WORDS[value])),
    either(rule.needs.map((value) => NEED_WORDS[value])),
    disabilityWords(rule.disability) ?? "",
  ].filter(Boolean);
  return parts.length > 0 ? parts.join(" · ") : "Tout public";
}
