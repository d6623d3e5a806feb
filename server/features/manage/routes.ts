import { createRoute, z } from "@hono/zod-openapi";
import { meetingMode } from "../../http/fields.ts";
import { createRouter, errorResponse } from "../../http/router.ts";
import { AppointmentSchema } from "../bookings/schemas.ts";
import { joinFromMeeting } from "../waitlist/join-from-meeting.ts";
import { leaveFromMeeting } from "../waitlist/leave-list.ts";
import { WaitlistEntrySchema, WishesInput } from "../waitlist/schemas.ts";
import { changeContactByPerson } from "./change-contact.ts";
import { cancelByPerson, getManagedAppointment, managedAppointmentIcs, rescheduleByPerson } from "./manage-appointment.ts";
import { ContactAnswer, ContactChange, ManagedPerson } from "./schemas.ts";

const params = z.object({
  token: z.string().openapi({ description: "Le dernier segment du lien privé reçu à la réservation." }),
});
const notFound = errorResponse("Lien invalide, révoqué (rendez-vous annulé) ou périmé (rendez-vous passé).");
const appointmentBody = (description: string) => ({
  description,
  content: { "application/json": { schema: z.object({ appointment: AppointmentSchema }) } },
});

const get = createRoute({
  method: "get",
  path: "/{token}",
  summary: "Le rendez-vous auquel mène un lien privé",
  request: { params },
  responses: {
    200: {
      description: "Le rendez-vous.",
      content: {
        "application/json": {
          schema: z.object({
            appointment: AppointmentSchema,
            person: ManagedPerson,
            waitlist: WaitlistEntrySchema.nullable().openapi({ description: "Sa place sur la liste d'attente, s'il y est." }),
            waitlistModes: z
              .array(meetingMode)
              .openapi({ description: "Les modes du service, que les souhaits peuvent nommer." }),
            waitlistProblem: z
              .string()
              .nullable()
              .openapi({ description: "Pourquoi ce rendez-vous ne peut pas entrer en liste d'attente ; null s'il le peut." }),
          }),
        },
      },
    },
    404: notFound,
  },
});

const ics = createRoute({
  method: "get",
  path: "/{token}/ics",
  summary: "Le rendez-vous au format iCalendar (à ajouter à un agenda)",
  request: { params },
  responses: {
    200: { description: "text/calendar; method=PUBLISH (un fichier à importer ; les courriels portent REQUEST)" },
    404: notFound,
  },
});

const cancel = createRoute({
  method: "post",
  path: "/{token}/cancel",
  summary: "Annuler le rendez-vous",
  request: {
    params,
    body: {
      required: false,
      content: {
        "application/json": {
          schema: z.object({ reason: z.string().trim().max(500, "500 caractères au plus.").optional() }).strict(),
        },
      },
    },
  },
  responses: { 200: appointmentBody("Le rendez-vous est annulé ; le lien ne sert plus."), 404: notFound },
});

const reschedule = createRoute({
  method: "post",
  path: "/{token}/reschedule",
  summary: "Déplacer le rendez-vous sur un autre créneau libre du même service",
  request: {
    params,
    body: {
      required: true,
      content: { "application/json": { schema: z.object({ slotKey: z.string().min(1).max(200) }).strict() } },
    },
  },
  responses: {
    200: appointmentBody("Le rendez-vous est déplacé."),
    404: notFound,
    409: errorResponse("Le créneau a été pris entre-temps (SLOT_TAKEN) ; `alternatives` en propose d'autres."),
    422: errorResponse("Créneau invalide ou d'un autre service."),
  },
});

const contact = createRoute({
  method: "patch",
  path: "/{token}/contact",
  summary: "Changer son adresse électronique, son numéro de téléphone ou le choix des rappels par SMS",
  description:
    "Les champs donnés remplacent ceux connus, null efface ; les rappels à venir de tous les rendez-vous de la personne partent alors aux nouvelles coordonnées.",
  request: {
    params,
    body: { required: true, content: { "application/json": { schema: ContactChange } } },
  },
  responses: {
    200: { description: "Les coordonnées enregistrées.", content: { "application/json": { schema: ContactAnswer } } },
    404: notFound,
    422: errorResponse("Un champ est invalide, ou plus aucun moyen de joindre la personne ne resterait ; `fields` le nomme."),
  },
});

const joinList = createRoute({
  method: "post",
  path: "/{token}/waitlist",
  summary: "« Me prévenir si un créneau se libère plus tôt » (rendez-vous à plus de deux jours)",
  description: "S'y inscrire à nouveau change les souhaits et garde la place dans la file.",
  request: { params, body: { required: false, content: { "application/json": { schema: WishesInput } } } },
  responses: {
    201: {
      description: "Inscrit.",
      content: { "application/json": { schema: z.object({ entry: WaitlistEntrySchema }) } },
    },
    404: notFound,
    409: errorResponse("Rendez-vous à moins de deux jours, ou séance collective."),
    422: errorResponse("Un souhait est invalide ; `fields` le nomme."),
  },
});

const leaveList = createRoute({
  method: "delete",
  path: "/{token}/waitlist",
  summary: "Ne plus être prévenu",
  request: { params },
  responses: {
    200: {
      description: "Sorti de la liste ; une proposition en cours passe à la personne suivante.",
      content: { "application/json": { schema: z.object({ left: z.boolean(), offersWithdrawn: z.int() }) } },
    },
    404: notFound,
  },
});

export const manage = createRouter()
  .openapi(get, async (c) => c.json(await getManagedAppointment(c.var.deps, c.req.valid("param").token), 200))
  .openapi(ics, async (c) => {
    const { method, content } = await managedAppointmentIcs(c.var.deps, c.req.valid("param").token);
    c.header("Content-Type", `text/calendar; charset=utf-8; method=${method}`);
    c.header("Content-Disposition", 'attachment; filename="rendez-vous.ics"');
    return c.body(content, 200);
  })
  .openapi(cancel, async (c) => {
    const body = c.req.header("content-type")?.includes("json") ? c.req.valid("json") : {};
    return c.json(await cancelByPerson(c.var.deps, c.req.valid("param").token, body.reason), 200);
  })
  .openapi(reschedule, async (c) =>
    c.json(await rescheduleByPerson(c.var.deps, c.req.valid("param").token, c.req.valid("json").slotKey), 200),
  )
  .openapi(joinList, async (c) => {
    const wishes = c.req.header("content-type")?.includes("json") ? c.req.valid("json") : {};
    return c.json(await joinFromMeeting(c.var.deps, c.req.valid("param").token, wishes), 201);
  })
  .openapi(leaveList, async (c) => c.json(await leaveFromMeeting(c.var.deps, c.req.valid("param").token), 200))
  .openapi(contact, async (c) =>
    c.json(await changeContactByPerson(c.var.deps, c.req.valid("param").token, c.req.valid("json")), 200),
  );
