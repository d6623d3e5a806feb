import { z } from "@hono/zod-openapi";
import { act, whenDone } from "../../auth/http.ts";
import { createRouter } from "../../http/router.ts";
import { done, json, jsonBody } from "../../http/staff-routes.ts";
import { adminRoute } from "../admin/route.ts";
import { IdParam } from "../admin/schemas.ts";
import { createEndpoint } from "./create-endpoint.ts";
import { deleteEndpoint } from "./delete-endpoint.ts";
import { listDeliveries } from "./list-deliveries.ts";
import { listEndpoints } from "./list-endpoints.ts";
import { resendDelivery } from "./resend-delivery.ts";
import { rotateSecret } from "./rotate-secret.ts";
import { Delivery, Endpoint, EndpointInput, EndpointPatch, Secret } from "./schemas.ts";
import { updateEndpoint } from "./update-endpoint.ts";

// A structure's webhooks (Standard Webhooks), run by its admins and the Région: the directory area.

const list = adminRoute({
  method: "get",
  path: "/structures/{id}/webhooks",
  summary: "Les webhooks d'une structure : adresses, événements, état",
  request: { params: IdParam },
  responses: { 200: json(z.object({ endpoints: z.array(Endpoint) }), "Du plus ancien au plus récent.") },
});
const create = adminRoute({
  method: "post",
  path: "/structures/{id}/webhooks",
  summary: "Abonner une adresse aux événements de la structure ; le secret de signature n'est montré qu'une fois",
  request: { params: IdParam, body: jsonBody(EndpointInput) },
  responses: { 201: json(Secret.extend({ id: z.uuid() }), "Le webhook et son secret (« whsec_… »).") },
});
const update = adminRoute({
  method: "patch",
  path: "/webhooks/{id}",
  summary: "Modifier un webhook (adresse, description, événements), le désactiver ou le réactiver",
  request: { params: IdParam, body: jsonBody(EndpointPatch) },
  responses: done,
});
const remove = adminRoute({
  method: "delete",
  path: "/webhooks/{id}",
  summary: "Supprimer un webhook et son journal",
  request: { params: IdParam },
  responses: done,
});
const rotate = adminRoute({
  method: "post",
  path: "/webhooks/{id}/secret",
  summary: "Changer le secret de signature : le nouveau est montré une fois, l'ancien signe aussi pendant 24 heures",
  request: { params: IdParam, body: jsonBody(z.object({}).strict()) },
  responses: { 200: json(Secret, "Le nouveau secret.") },
});
const deliveries = adminRoute({
  method: "get",
  path: "/webhooks/{id}/deliveries",
  summary: "Le journal des livraisons d'un webhook : les 50 dernières, leurs essais et les codes HTTP répondus",
  request: { params: IdParam },
  responses: { 200: json(z.object({ deliveries: z.array(Delivery) }), "De la plus récente à la plus ancienne.") },
});
const resend = adminRoute({
  method: "post",
  path: "/webhook-deliveries/{id}/resend",
  summary: "Renvoyer une livraison maintenant, sous le même webhook-id",
  request: { params: IdParam, body: jsonBody(z.object({}).strict()) },
  responses: done,
});

export const webhookAdmin = createRouter()
  .openapi(list, async (c) => c.json(await act(c, "directory", listEndpoints, c.req.valid("param")), 200))
  .openapi(create, async (c) =>
    c.json(await act(c, "directory", createEndpoint, { ...c.req.valid("json"), structureId: c.req.valid("param").id }), 201),
  )
  .openapi(update, (c) => whenDone(c, act(c, "directory", updateEndpoint, { ...c.req.valid("json"), ...c.req.valid("param") })))
  .openapi(remove, (c) => whenDone(c, act(c, "directory", deleteEndpoint, c.req.valid("param"))))
  .openapi(rotate, async (c) => c.json(await act(c, "directory", rotateSecret, c.req.valid("param")), 200))
  .openapi(deliveries, async (c) => c.json(await act(c, "directory", listDeliveries, c.req.valid("param")), 200))
  .openapi(resend, (c) => whenDone(c, act(c, "directory", resendDelivery, c.req.valid("param"))));
