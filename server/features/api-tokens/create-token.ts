import { randomBytes } from "node:crypto";
import type { z } from "@hono/zod-openapi";
import { hashSecret } from "../../auth/hash-secret.ts";
import type { StaffDeps } from "../../context.ts";
import { audited } from "../../db/audit.ts";
import { expiryOf, shownPrefix, tokenOf } from "../../domain/api-tokens.ts";
import { AppError, validationError } from "../../errors.ts";
import { managedStructure } from "../admin/access.ts";
import type { ApiTokenInput } from "./schemas.ts";

/**
 * A new API token for a structure, made by one of its admin members: it will act as its creator,
 * in that structure only, with the permissions chosen. The Région oversees tokens (lists and
 * revokes them) but makes none: it would read what the structure's admins do. The token is returned this once; the
 * database keeps its hash and its first characters.
 */
export async function createToken(deps: StaffDeps & { input: { structureId: string } & z.infer<typeof ApiTokenInput> }) {
  const { db, clock, scope, input } = deps;
  const structure = await managedStructure(db, scope, input.structureId);
  if (!scope.issuesTokenFor(structure.id))
    throw new AppError(
      "FORBIDDEN",
      `Seul un administrateur de la structure peut créer un jeton pour elle : demandez-le à l'administration de « ${structure.name} ».`,
    );
  const now = clock.now();
  const expiry = expiryOf(input.expiresOn, now);
  if ("problem" in expiry) throw validationError({ expiresOn: expiry.problem });
  const token = tokenOf(randomBytes(32).toString("base64url"));
  const { id } = await audited(
    deps,
    { action: "api_token.create", entity: "ApiToken", details: { structureId: structure.id } },
    (tx) =>
      tx.apiToken.create({
        data: {
          structureId: structure.id,
          name: input.name,
          tokenHash: hashSecret(token),
          prefix: shownPrefix(token),
          permissions: input.permissions,
          createdById: scope.userId,
          createdAt: now,
          expiresAt: expiry.at,
        },
        select: { id: true },
      }),
  );
  return { id, token, prefix: shownPrefix(token), expiresAt: expiry.at.toISOString() };
}
