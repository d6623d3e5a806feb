import * as client from "openid-client";
import { hashSecret } from "../../auth/hash-secret.ts";
import type { Config, OidcConfig } from "../../config.ts";
import type { Deps } from "../../context.ts";
import { seal } from "../../db/sealed.ts";
import { AppError } from "../../errors.ts";
import { discoverProvider, ProviderDown, redirectUri } from "./provider.ts";

/** How long someone has to come back from the provider. */
export const SIGN_IN_LIFETIME_MS = 10 * 60_000;

export const PROVIDER_DOWN = "ProConnect ne répond pas : connectez-vous avec votre mot de passe.";

/** ProConnect's settings; a 404 when they are unset (the button is hidden then). */
export function proConnectOf(config: Config): OidcConfig {
  if (!config.oidc) throw new AppError("NOT_FOUND", "La connexion avec ProConnect n'est pas activée sur ce service.");
  return config.oidc;
}

/**
 * Starts a ProConnect sign-in: the attempt is kept (its state's hash, its nonce, its PKCE
 * verifier sealed) and the provider's authorization address is given back, for the browser to
 * go to. The state is also given back, for the route to bind the attempt to this browser.
 */
export async function startSignIn({
  db,
  clock,
  config,
}: Pick<Deps, "db" | "clock" | "config">): Promise<{ url: string; state: string }> {
  const oidc = proConnectOf(config);
  const provider = await discoverProvider(oidc).catch((error: unknown) => {
    throw error instanceof ProviderDown ? new AppError("UNAVAILABLE", PROVIDER_DOWN) : error;
  });
  const state = client.randomState();
  const nonce = client.randomNonce();
  const verifier = client.randomPKCECodeVerifier();
  const now = clock.now();
  // Attempts live minutes: those nobody came back from go as new ones start.
  await db.prisma.oidcSignIn.deleteMany({ where: { expiresAt: { lt: now } } });
  await db.prisma.oidcSignIn.create({
    data: {
      id: hashSecret(state),
      nonce,
      codeVerifier: { ...seal(config.sessionSecret, verifier) },
      createdAt: now,
      expiresAt: new Date(now.getTime() + SIGN_IN_LIFETIME_MS),
    },
  });
  const url = client.buildAuthorizationUrl(provider, {
    redirect_uri: redirectUri(config),
    scope: oidc.scopes,
    state,
    nonce,
    code_challenge: await client.calculatePKCECodeChallenge(verifier),
    code_challenge_method: "S256",
    ...(oidc.acrValues && { acr_values: oidc.acrValues }),
  });
  return { url: url.href, state };
}
