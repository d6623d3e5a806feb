import { createRoute, type OpenAPIHono, type RouteConfig, z } from "@hono/zod-openapi";
import { tokenPermissionAt } from "../auth/policy.ts";
import { API_PERMISSIONS } from "../domain/api-permissions.ts";
import { errorResponse } from "./router.ts";

// What every route of the staff space shares: its documented failures, JSON bodies and answers.

const FAILURES = {
  401: errorResponse("Pas de session valide, ou un jeton d'API qui ne fonctionne pas (WWW-Authenticate le dit)."),
  403: errorResponse("Le rôle ne donne pas accès à cette action."),
  404: errorResponse("Introuvable, ou hors de votre périmètre (la réponse est la même)."),
  409: errorResponse("Un identifiant déjà pris, ou un changement qui contredit l'état actuel."),
  422: errorResponse("Un champ est invalide, ou inconnu ; `fields` le nomme."),
  429: errorResponse("Un jeton d'API a fait trop de requêtes dans la minute : attendre le temps dit (Retry-After, en secondes)."),
};

/**
 * A route of the staff space, under a tag of the API document, with the failures every one of
 * them may answer, and its credentials: a session, and an API token for the routes a token may
 * call (`documentCredentials`, once the API is whole).
 */
export const staffRoute =
  (tag: string) =>
  <const R extends RouteConfig>(route: R) =>
    createRoute({ ...route, tags: [tag], security: SESSION_ONLY, responses: { ...FAILURES, ...route.responses } });

const SESSION_ONLY = [{ sessionCookie: [] }];

/**
 * Declares the API's two credentials, and on each staff route the API token's, with the
 * permission it needs as its scope — or none, for a route no token opens. Run on the whole API:
 * a route's path is known only once its router is mounted.
 */
export function documentCredentials(registry: OpenAPIHono["openAPIRegistry"]) {
  registry.registerComponent("securitySchemes", "sessionCookie", {
    type: "apiKey",
    in: "cookie",
    name: "rdv-session",
    description: "La session d'une personne connectée (« __Host-rdv-session » en HTTPS), posée par POST /api/auth/login.",
  });
  registry.registerComponent("securitySchemes", "bearerAuth", {
    type: "http",
    scheme: "bearer",
    bearerFormat: "rdv_…",
    description:
      "Un jeton d'API d'une structure (« Authorization: Bearer rdv_… »), créé par son administration. Il agit avec les " +
      "droits de son auteur, dans cette structure seulement. Chaque route dit la permission qu'il lui faut (" +
      `${API_PERMISSIONS.join(", ")} ; écrire permet aussi de lire). Au-delà du débit permis : 429 et Retry-After.`,
  });
  for (const definition of registry.definitions) {
    if (definition.type !== "route" || definition.route.security !== SESSION_ONLY) continue;
    const { path, method } = definition.route;
    const verb = method.toUpperCase();
    const needed = tokenPermissionAt(`/api${path}`, verb);
    Object.assign(definition.route, { security: [...SESSION_ONLY, ...(needed ? [{ bearerAuth: [needed] }] : [])] });
  }
}

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
