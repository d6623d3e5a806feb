import { createRoute, type RouteConfig, z } from "@hono/zod-openapi";
import { errorResponse } from "./router.ts";

// What every route of the staff space shares: its documented failures, JSON bodies and answers.

const FAILURES = {
  401: errorResponse("Pas de session valide."),
  403: errorResponse("Le rôle ne donne pas accès à cette action."),
  404: errorResponse("Introuvable, ou hors de votre périmètre (la réponse est la même)."),
  409: errorResponse("Un identifiant déjà pris, ou un changement qui contredit l'état actuel."),
  422: errorResponse("Un champ est invalide, ou inconnu ; `fields` le nomme."),
};

/** A route of the staff space, under a tag of the API document, with the failures every one of them may answer. */
export const staffRoute =
  (tag: string) =>
  <const R extends RouteConfig>(route: R) =>
    createRoute({ ...route, tags: [tag], responses: { ...FAILURES, ...route.responses } });

export const jsonBody = <T extends z.ZodType>(schema: T) => ({
  required: true,
  content: { "application/json": { schema } },
});
export const json = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { "application/json": { schema } },
});
export const Created = z.object({ id: z.uuid() });
export const created = (what: string) => ({ 201: json(Created, `${what} : son identifiant.`) });
export const done = { 200: json(z.object({}), "Fait.") };
