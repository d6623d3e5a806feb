import * as client from "openid-client";
import { hashSecret } from "../../auth/hash-secret.ts";
import { countRequest } from "../../auth/throttle.ts";
import type { Config, OidcConfig } from "../../config.ts";
import type { Deps } from "../../context.ts";
import { seal } from "../../db/sealed.ts";
import { AppError } from "../../errors.ts";
import { discoverProvider, ProviderDown, redirectUri } from "./provider.ts";

/** How long someone has to come back from the provider. */
export const SIGN_IN_LIFETIME_MS = 10 * 60_000;

export const PROVIDER_DOWN = "ProConnect ne répond pas : connectez-vous avec votre mot de passe.";

/**
 * Starts let through from one client address in a quarter of an hour: a team behind one
 * address signs in a few times a day; past it, a script making us call the provider and
 * keep attempts gets a 429.
 */
export const STARTS_PER_ADDRESS = { requests: 30, windowMs: 15 * 60_000 } as const;

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
  input: { address },
}: Pick<Deps, "db" | "clock" | "config"> & { input: { address: string } }): Promise<{ url: string; state: string }> {
  const oidc = proConnectOf(config);
  if ((await countRequest(db, `proconnect:${address}`, clock.now(), STARTS_PER_ADDRESS.windowMs)) > STARTS_PER_ADDRESS.requests) {
    throw new AppError(
      "RATE_LIMITED",
      "Trop de connexions avec ProConnect commencées depuis cette connexion : réessayez dans un quart d'heure.",
    );
  }
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
