import type { Scope } from "../../auth/scope.ts";

/** Bookable by this user: their structure's offerings, and others' open to staff booking. */
export const refusalFor = (scope: Scope) => (o: { structureId: string; bookableBy: string }) =>
  scope.booksFor(o.structureId) || o.bookableBy === "public" || o.bookableBy === "staff"
    ? undefined
    : "Cette offre n'est ouverte qu'aux orientations de partenaires.";
