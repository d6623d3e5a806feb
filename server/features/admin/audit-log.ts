import { z } from "@hono/zod-openapi";
import { staffDeps } from "../../auth/http.ts";
import { dateProblem } from "../../http/fields.ts";
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
    }),
  },
  responses: { 200: json(z.object({ events: z.array(Event) }), "100 événements au plus.") },
});

export const auditLog = createRouter().openapi(list, async (c) => {
  const deps = await staffDeps(c, "directory");
  return c.json(await listAuditEvents({ ...deps, input: c.req.valid("query") }), 200);
});
