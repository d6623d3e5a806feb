import { createRoute, z } from "@hono/zod-openapi";
import { accessibilityAids, emailAddress, localDate, phoneNumber, text } from "../../http/fields.ts";
import { createRouter, errorResponse } from "../../http/router.ts";
import { BookingAnswer, IdempotencyHeader, PersonFields } from "../bookings/schemas.ts";
import { bookWithInvitation } from "./book-with-invitation.ts";
import { listInvitationSlots } from "./list-invitation-slots.ts";
import { InvitationResponse, InvitationSlotsResponse } from "./schemas.ts";
import { showInvitation } from "./show-invitation.ts";

// The person's side of a referral: the invitation link (its token) or the printed code opens
// the target's slots for the referral's service — « referral only » offerings included — and
// books one. No account: the key is the person's proof, like an appointment's private link.

const KeyParam = z.object({
  key: z
    .string()
    .min(12, "lien ou code d'invitation invalide.")
    .max(64, "lien ou code d'invitation invalide.")
    .openapi({ description: "Le jeton du lien d'invitation, ou le code imprimé (« ABCD-EFGH-JKMN »)." }),
});
const json = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { "application/json": { schema } },
});
const Unknown = errorResponse("Lien ou code inconnu, ou remplacé par une nouvelle invitation.");

const show = createRoute({
  method: "get",
  path: "/{key}",
  tags: ["Invitations"],
  summary: "Une invitation à prendre rendez-vous : qui oriente, vers qui, pour quoi, jusqu'à quand",
  request: { params: KeyParam },
  responses: { 200: json(InvitationResponse, "L'invitation et son état (open, booked, closed)."), 404: Unknown },
});
const slots = createRoute({
  method: "get",
  path: "/{key}/slots",
  tags: ["Invitations"],
  summary: "Les premiers créneaux libres ouverts par l'invitation",
  request: {
    params: KeyParam,
    query: z.object({ from: localDate.optional() }),
  },
  responses: {
    200: json(InvitationSlotsResponse, "20 créneaux au plus, dans l'ordre."),
    404: Unknown,
    409: errorResponse("L'invitation n'est plus ouverte."),
  },
});
const book = createRoute({
  method: "post",
  path: "/{key}/booking",
  tags: ["Invitations"],
  summary: "Réserver avec son invitation",
  request: {
    params: KeyParam,
    headers: IdempotencyHeader,
    body: {
      required: true,
      content: {
        "application/json": {
          schema: z
            .object({
              slotKey: z.string().min(1, "Le créneau est obligatoire.").max(200),
              email: emailAddress.optional(),
              phone: phoneNumber.optional(),
              smsReminders: PersonFields.shape.smsReminders,
              accessibilityAids: accessibilityAids.optional(),
              accessibilityNeeds: text(500).optional(),
              noticeAccepted: z.literal(true, "Vous devez prendre connaissance de l'information sur vos données personnelles."),
            })
            .strict(),
        },
      },
    },
  },
  responses: {
    201: json(BookingAnswer, "Le rendez-vous, et le lien privé pour le déplacer ou l'annuler."),
    404: Unknown,
    409: errorResponse("L'invitation n'est plus ouverte, ou le créneau vient d'être pris."),
    422: errorResponse("Un champ est invalide ; `fields` le nomme."),
  },
});

export const invitations = createRouter()
  .openapi(show, async (c) => c.json(await showInvitation({ ...c.var.deps, input: c.req.valid("param") }), 200))
  .openapi(slots, async (c) =>
    c.json(await listInvitationSlots({ ...c.var.deps, input: { ...c.req.valid("param"), ...c.req.valid("query") } }), 200),
  )
  .openapi(book, async (c) => {
    const idempotencyKey = c.req.valid("header")["idempotency-key"];
    return c.json(
      await bookWithInvitation({ ...c.var.deps, input: { ...c.req.valid("param"), idempotencyKey, ...c.req.valid("json") } }),
      201,
    );
  });
