import { z } from "@hono/zod-openapi";
import { staffDeps } from "../../auth/http.ts";
import { dateProblem, localDate } from "../../http/fields.ts";
import { createRouter } from "../../http/router.ts";
import { json } from "../../http/staff-routes.ts";
import { listAuditEvents } from "./list-audit-events.ts";
import { adminRoute } from "./route.ts";

const Event = z.object({
  id: z.uuid(),
  at: z.string(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string().nullable(),
  details: z.unknown(),
  actor: z.object({ id: z.uuid(), firstName: z.string(), lastName: z.string() }).nullable(),
  apiToken: z
    .object({ id: z.uuid(), name: z.string() })
    .nullable()
    .openapi({ description: "Le jeton d'API par lequel l'auteur a agi, s'il n'était pas connecté lui-même." }),
  label: z.string().nullable().openapi({ description: "Le nom de l'élément aujourd'hui (null s'il n'existe plus)." }),
  structure: z.object({ id: z.uuid(), name: z.string() }).nullable(),
});

const list = adminRoute({
  method: "get",
  path: "/audit",
  summary: "Le journal des modifications, du plus récent au plus ancien (Région)",
  request: {
    query: z.object({
      entity: z.string().max(40).optional(),
      entityId: z.string().max(64).optional(),
      before: z.iso
        .datetime("date et heure ISO attendues.")
        .superRefine((v, ctx) => {
          const message = dateProblem(v.slice(0, 10));
          if (message) ctx.addIssue({ code: "custom", message });
        })
        .optional()
        .openapi({ description: "Page suivante : les événements antérieurs." }),
      actor: z.uuid("identifiant de compte attendu.").optional().openapi({ description: "Les événements d'un compte." }),
      action: z
        .string()
        .max(60, "60 caractères au plus.")
        .regex(/^[a-z_]+\.[a-z_]+$/, "action attendue, par exemple « appointment.view ».")
        .optional()
        .openapi({ description: "Les événements d'une action." }),
      from: localDate.optional().openapi({ description: "Premier jour (heure de Paris)." }),
      to: localDate.optional().openapi({ description: "Dernier jour (heure de Paris), compris." }),
    }),
  },
  responses: {
    200: json(
      z.object({
        events: z.array(Event),
        actors: z.array(z.object({ id: z.uuid(), firstName: z.string(), lastName: z.string() })).openapi({
          description: "Les comptes auteurs d'au moins un événement, à choisir pour filtrer.",
        }),
        actions: z.array(z.string()).openapi({ description: "Les actions que le journal contient, à choisir pour filtrer." }),
      }),
      "100 événements au plus.",
    ),
  },
});

export const auditLog = createRouter().openapi(list, async (c) => {
  const deps = await staffDeps(c, "directory");
  return c.json(await listAuditEvents({ ...deps, input: c.req.valid("query") }), 200);
});
