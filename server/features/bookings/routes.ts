import { createRoute, z } from "@hono/zod-openapi";
import { createRouter, errorResponse } from "../../http/router.ts";
import { SlotSchema } from "../slots/schemas.ts";
import { createBooking } from "./create-booking.ts";
import { BookingAnswer, CreateBookingInput, IdempotencyHeader } from "./schemas.ts";

const route = createRoute({
  method: "post",
  path: "/",
  summary: "Réserver un créneau (sans compte)",
  request: {
    headers: IdempotencyHeader,
    body: { required: true, content: { "application/json": { schema: CreateBookingInput } } },
  },
  responses: {
    201: {
      description: "Le rendez-vous est réservé ; `manageUrl` est le lien privé pour le déplacer ou l'annuler.",
      content: { "application/json": { schema: BookingAnswer } },
    },
    409: {
      description: "Le créneau a été pris entre-temps (code SLOT_TAKEN) ; `alternatives` propose trois autres créneaux.",
      content: {
        "application/json": {
          schema: z.object({
            error: z.object({ code: z.literal("SLOT_TAKEN"), message: z.string(), alternatives: z.array(SlotSchema) }),
          }),
        },
      },
    },
    422: errorResponse("Un champ est invalide ; `fields` le nomme."),
  },
});

export const bookings = createRouter().openapi(route, async (c) => {
  const { db, clock, config } = c.var.deps;
  const body = await createBooking({
    db,
    clock,
    config,
    input: c.req.valid("json"),
    idempotencyKey: c.req.valid("header")["idempotency-key"],
  });
  return c.json(body, 201);
});
