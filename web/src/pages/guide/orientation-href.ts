import { type AgeBand, isAgeBand, isNeed, isSituation, type Need, type Situation } from "../../lib/orientation-words.ts";

// The questionnaire keeps its answers in the address only, so that Back and a reload show the
// same page, and nothing of them is sent but the one GET that reads the table.

export const ORIENTATION_PATH = "/trouver-le-bon-interlocuteur";

export interface OrientationState {
  ageBand?: AgeBand | undefined;
  situation?: Situation | undefined;
  need?: Need | undefined;
  disability?: boolean | undefined;
  /** INSEE code. */
  commune?: string | undefined;
  /** Back to the questions, answers kept. */
  editing?: boolean | undefined;
}

const COMMUNE = /^(\d{5}|2[AB]\d{3})$/;

/** The page's address for these answers, its parameters always in the same order. */
export function orientationHref(state: OrientationState = {}): string {
  const params = new URLSearchParams();
  if (state.ageBand) params.set("age", state.ageBand);
  if (state.situation) params.set("situation", state.situation);
  if (state.need) params.set("besoin", state.need);
  if (state.disability) params.set("handicap", "oui");
  if (state.commune) params.set("commune", state.commune);
  if (state.editing) params.set("modifier", "oui");
  const search = params.toString();
  return search ? `${ORIENTATION_PATH}?${search}` : ORIENTATION_PATH;
}

/** What the address says; a malformed answer (a hand-edited link) is left out, to be asked again. */
export function readOrientationState(params: Partial<Record<string, string | string[]>>): OrientationState {
  const one = (name: string) => {
    const raw = params[name];
    return Array.isArray(raw) ? raw[0] : raw;
  };
  const [age, situation, need, commune] = [one("age"), one("situation"), one("besoin"), one("commune")];
  return {
    ageBand: isAgeBand(age) ? age : undefined,
    situation: isSituation(situation) ? situation : undefined,
    need: isNeed(need) ? need : undefined,
    disability: one("handicap") === "oui",
    commune: commune && COMMUNE.test(commune) ? commune : undefined,
    editing: one("modifier") === "oui",
  };
}
