import { z } from "@hono/zod-openapi";
import { act, whenDone } from "../../auth/http.ts";
import { createRouter } from "../../http/router.ts";
import { done, jsonBody } from "../../http/staff-routes.ts";
import { listUndelivered } from "./list-undelivered.ts";
import { resendMessage } from "./resend-message.ts";
import { adminRoute, listing } from "./route.ts";
import { IdParam } from "./schemas.ts";

const Undelivered = z.object({
  id: z.uuid(),
  type: z.string().openapi({ example: "appointment.reminder" }),
  channel: z.enum(["email", "sms"]),
  recipient: z.string().openapi({ description: "L'adresse, ou le numéro écrit à la française." }),
  status: z.enum(["failed", "retrying"]).openapi({ description: "failed : abandonné ; retrying : encore essayé." }),
  attempts: z.int(),
  lastError: z.string().nullable(),
  dueAt: z.string(),
  createdAt: z.string(),
  appointment: z
    .object({ id: z.uuid(), start: z.string(), zone: z.string(), structure: z.string(), person: z.string() })
    .nullable(),
});

const list = listing(
  "/outbox",
  "Les messages (courriels et SMS) qui ne sont pas parvenus : abandonnés, ou essayés plusieurs fois sans succès",
  z.object({ messages: z.array(Undelivered) }),
  "Du plus récent au plus ancien, 200 au plus.",
);
const resend = adminRoute({
  method: "post",
  path: "/outbox/{id}/resend",
  summary: "Renvoyer un message non parvenu, maintenant (par exemple une fois l'adresse corrigée)",
  request: { params: IdParam, body: jsonBody(z.object({}).strict()) },
  responses: done,
});

export const outboxAdmin = createRouter()
  .openapi(list, async (c) => c.json(await act(c, "directory", listUndelivered), 200))
  .openapi(resend, (c) => whenDone(c, act(c, "directory", resendMessage, c.req.valid("param"))));
