import { createRoute, z } from "@hono/zod-openapi";
import { createRouter } from "../../http/router.ts";
import { listServices } from "./list-services.ts";

export const ServiceSchema = z
  .object({
    id: z.uuid(),
    slug: z.string().openapi({ example: "information-conseil-vae" }),
    name: z.string().openapi({ example: "Information-conseil VAE" }),
    description: z.string(),
  })
  .openapi("Service");

const route = createRoute({
  method: "get",
  path: "/",
  summary: "Les services (motifs de rendez-vous) proposés dans le SPRO",
  responses: {
    200: {
      description: "Les services, dans l'ordre d'affichage.",
      content: { "application/json": { schema: z.object({ services: z.array(ServiceSchema) }) } },
    },
  },
});

export const services = createRouter().openapi(route, async (c) => {
  return c.json({ services: await listServices({ db: c.var.deps.db }) }, 200);
});
