import { randomBytes } from "node:crypto";
import { SECRET_PREFIX } from "../../domain/webhooks.ts";

/** A new signing secret: « whsec_ » and the base64 of 32 random bytes, as Standard Webhooks' libraries read it. */
export const newSigningSecret = () => `${SECRET_PREFIX}${randomBytes(32).toString("base64")}`;
