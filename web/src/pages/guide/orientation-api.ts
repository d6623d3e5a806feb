import { query } from "@solidjs/router";
import { hc, type InferResponseType } from "hono/client";
import type { OrientationType } from "../../../../server/app.ts";
import { toApiError } from "../../lib/api.ts";
import type { AgeBand, Need, Situation } from "../../lib/orientation-words.ts";

// « Trouver le bon interlocuteur »'s one call: a GET, so that nothing of the answers is stored.

const orientation = hc<OrientationType>("/api/orientation");

export type Recommendation = InferResponseType<typeof orientation.index.$get, 200>["recommendations"][number];
export type RecommendedStructure = Recommendation["structures"][number];

export interface Answers {
  ageBand: AgeBand;
  situation: Situation;
  need: Need;
  disability: boolean;
  /** INSEE code. */
  commune: string;
}

export const getRecommendations = query(async (answers: Answers): Promise<Recommendation[]> => {
  const response = await orientation.index.$get({
    query: {
      ageBand: answers.ageBand,
      situation: answers.situation,
      need: answers.need,
      disability: answers.disability ? "true" : "false",
      commune: answers.commune,
    },
  });
  if (response.status !== 200) throw await toApiError(response);
  return (await response.json()).recommendations;
}, "recommendations");
