import { z } from "@hono/zod-openapi";
import { AGE_BANDS, contradiction, NEEDS, SITUATIONS } from "../../domain/routing.ts";
import { eachOnce, requiredText } from "../../http/fields.ts";

// The questionnaire's answers (public) and the orientation table's rows (Région), validated at
// the edge with French messages that name the question.

/** A missing answer asks for it; a value outside the list names the accepted ones. */
const answer = <const T extends readonly [string, ...string[]]>(values: T, missing: string) =>
  z.enum(values, {
    error: (issue) =>
      issue.input === undefined || issue.input === "" ? missing : `${missing} Valeurs possibles : ${values.join(", ")}.`,
  });

export const AgeBand = answer(AGE_BANDS, "Choisissez votre tranche d'âge.");
export const Situation = answer(SITUATIONS, "Choisissez votre situation.");
export const Need = answer(NEEDS, "Choisissez votre besoin.");

export const OrientationQuery = z
  .object({
    ageBand: AgeBand.openapi({ description: "La tranche d'âge." }),
    situation: Situation.openapi({ description: "La situation." }),
    need: Need.openapi({ description: "Le besoin." }),
    disability: z
      .enum(["true", "false"], "Indiquez true ou false pour l'accompagnement adapté à un handicap.")
      .optional()
      .transform((value) => value === "true")
      .openapi({ description: "true : la personne souhaite un accompagnement adapté à un handicap (jamais un diagnostic)." }),
    commune: z
      .string("Choisissez votre commune.")
      .regex(
        /^(\d{5}|2[AB]\d{3})$/,
        "Choisissez votre commune : code INSEE à 5 caractères attendu, par exemple 59350 pour Lille.",
      )
      .openapi({ example: "59350", description: "Code INSEE de la commune de la personne." }),
  })
  // Answers that cannot both be true (« Moins de 16 ans » and « Cadre ») would get advice for
  // nobody: the situation is named, as the form shows it beside that question.
  .superRefine((answers, ctx) => {
    const problem = contradiction(answers);
    if (problem) ctx.addIssue({ code: "custom", path: ["situation"], message: problem });
  });
export type OrientationQuery = z.infer<typeof OrientationQuery>;

const uniqueList = <T extends z.ZodType>(item: T, what: string) =>
  z.array(item, `liste de ${what} attendue.`).refine(eachOnce, "chaque valeur ne doit figurer qu'une fois.");

const ruleFields = {
  ageBands: uniqueList(
    z.enum(AGE_BANDS, `tranche d'âge inconnue ; valeurs possibles : ${AGE_BANDS.join(", ")}.`),
    "tranches d'âge",
  ),
  situations: uniqueList(z.enum(SITUATIONS, `situation inconnue ; valeurs possibles : ${SITUATIONS.join(", ")}.`), "situations"),
  needs: uniqueList(z.enum(NEEDS, `besoin inconnu ; valeurs possibles : ${NEEDS.join(", ")}.`), "besoins"),
  disability: z.boolean("true, false ou null attendu.").nullable(),
  networkId: z.uuid("identifiant de réseau attendu."),
  serviceId: z.uuid("identifiant de service attendu.").nullable(),
  reason: requiredText("La raison", 600),
  active: z.boolean("true ou false attendu."),
};

/** A new rule; empty lists mean « tous ». Only a creation can make the fallback. */
export const RoutingRuleInput = z
  .object({
    ...ruleFields,
    ageBands: ruleFields.ageBands.optional(),
    situations: ruleFields.situations.optional(),
    needs: ruleFields.needs.optional(),
    disability: ruleFields.disability.optional(),
    serviceId: ruleFields.serviceId.optional(),
    active: ruleFields.active.optional(),
    fallback: z.boolean("true ou false attendu.").optional(),
  })
  .strict();
export type RoutingRuleInput = z.infer<typeof RoutingRuleInput>;

export const RoutingRulePatch = z.object(ruleFields).partial().strict();
export type RoutingRulePatch = z.infer<typeof RoutingRulePatch>;

/** Every rule but the fallback, in their new order (the fallback applies only when no other does). */
export const RoutingRuleOrder = z
  .object({
    ids: z
      .array(z.uuid("identifiant de règle attendu."), "liste d'identifiants de règles attendue.")
      .max(1000, "1000 règles au plus.")
      .refine((ids) => new Set(ids).size === ids.length, "chaque règle ne doit figurer qu'une fois."),
  })
  .strict();
export type RoutingRuleOrder = z.infer<typeof RoutingRuleOrder>;
