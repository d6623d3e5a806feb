import type { z } from "@hono/zod-openapi";
import { created, done, json, jsonBody, staffRoute } from "../../http/staff-routes.ts";
import { IdParam } from "./schemas.ts";

export const adminRoute = staffRoute("Administration de l'annuaire");

// The directory's records are listed, created, changed and removed alike: one declaration each.

export const listing = <P extends string, T extends z.ZodType>(path: P, summary: string, answer: T, description: string) =>
  adminRoute({ method: "get", path, summary, responses: { 200: json(answer, description) } });

export const creation = <P extends string, B extends z.ZodType>(path: P, summary: string, body: B, what: string) =>
  adminRoute({ method: "post", path, summary, request: { body: jsonBody(body) }, responses: created(what) });

/** A record created inside another (`/structures/{id}/sites`). */
export const creationIn = <P extends string, B extends z.ZodType>(path: P, summary: string, body: B, what: string) =>
  adminRoute({ method: "post", path, summary, request: { params: IdParam, body: jsonBody(body) }, responses: created(what) });

export const change = <P extends string, B extends z.ZodType>(path: P, summary: string, body: B) =>
  adminRoute({ method: "patch", path, summary, request: { params: IdParam, body: jsonBody(body) }, responses: done });

export const removal = <P extends string>(path: P, summary: string) =>
  adminRoute({ method: "delete", path, summary, request: { params: IdParam }, responses: done });
