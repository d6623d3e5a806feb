import { createRoute, z } from "@hono/zod-openapi";
import { createRouter, errorResponse } from "../../http/router.ts";

const HealthSchema = z.object({ status: z.literal("ok"), database: z.enum(["pglite", "postgresql"]) }).openapi("Health");

const route = createRoute({
  method: "get",
  path: "/",
  summary: "État du service et de sa base de données",
  responses: {
    200: { description: "Le service répond et sa base aussi.", content: { "application/json": { schema: HealthSchema } } },
    503: errorResponse("La base de données ne répond pas."),
  },
});

export const health = createRouter().openapi(route, async (c) => {
  const { db } = c.var.deps;
  // A failure here is turned into a 503 by the error handler (see app.ts).
  await db.prisma.$queryRaw`SELECT 1`;
  return c.json({ status: "ok" as const, database: db.kind }, 200);
});
