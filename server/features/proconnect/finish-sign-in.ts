import * as client from "openid-client";
import { hashSecret } from "../../auth/hash-secret.ts";
import { closeSession, openSession } from "../../auth/sessions.ts";
import type { Deps } from "../../context.ts";
import { seal, unseal } from "../../db/sealed.ts";
import { assertedEmail, type ProConnectRefusal, refusalOf } from "../../domain/proconnect.ts";
import { emailAddress } from "../../http/fields.ts";
import { forgetProvider, ProviderDown, providerConfiguration, redirectUri } from "./provider.ts";
import { proConnectOf } from "./start-sign-in.ts";

export interface FinishSignInInput {
  /** The callback's query string, as the provider wrote it (code, state, iss; or error). */
  query: string;
  /** The state this browser was given at the start (its cookie): an attempt from elsewhere is refused. */
  boundState: string | undefined;
  /** The session this browser already has, if any: it ends. */
  sessionId: string | undefined;
}

export type FinishedSignIn = { session: string; email: string } | { refused: ProConnectRefusal; email?: string; why?: string };

/** A failure to reach the provider, rather than an answer from it. */
const unreachable = (error: unknown): boolean => {
  if (error instanceof ProviderDown) return true;
  if (!(error instanceof Error)) return false;
  if (error.name === "TimeoutError" || error.name === "AbortError") return true;
  if (error instanceof TypeError && error.message === "fetch failed") return true;
  const status = (error as { status?: unknown }).status ?? (error.cause as { status?: unknown } | undefined)?.status;
  return typeof status === "number" && status >= 500;
};

/**
 * The provider's answer: the attempt is spent (once: a replayed callback is refused), the code is
 * exchanged with its PKCE verifier, the ID token checked (issuer, audience, nonce), and the
 * account found by the address the provider asserts opens a session, as a password does. The ID
 * token is kept sealed with the session, to end the provider's session at sign-out.
 */
export async function finishSignIn({
  db,
  clock,
  config,
  input: { query, boundState, sessionId },
}: Pick<Deps, "db" | "clock" | "config"> & { input: FinishSignInInput }): Promise<FinishedSignIn> {
  const oidc = proConnectOf(config);
  const params = new URLSearchParams(query);
  const state = params.get("state");
  if (!state || state !== boundState) return { refused: "expiree", why: "state" };
  const now = clock.now();
  const attempt = await db.prisma.oidcSignIn.findUnique({ where: { id: hashSecret(state) } });
  const spent = await db.prisma.oidcSignIn.updateMany({
    where: { id: hashSecret(state), usedAt: null, expiresAt: { gt: now } },
    data: { usedAt: now },
  });
  if (!attempt || spent.count === 0) return { refused: "expiree", why: attempt ? "spent or expired" : "unknown" };
  if (params.has("error")) return { refused: "erreur", why: params.get("error") ?? "error" };

  let idToken: string;
  let email: string | undefined;
  try {
    const provider = await providerConfiguration(oidc);
    const tokens = await client.authorizationCodeGrant(provider, new URL(`${redirectUri(config)}?${params}`), {
      pkceCodeVerifier: unseal<string>(config.sessionSecret, attempt.codeVerifier),
      expectedState: state,
      expectedNonce: attempt.nonce,
      idTokenExpected: true,
    });
    const claims = tokens.claims();
    if (!tokens.id_token || !claims) return { refused: "erreur", why: "no id token" };
    idToken = tokens.id_token;
    const asserted =
      assertedEmail(claims) ?? assertedEmail(await client.fetchUserInfo(provider, tokens.access_token, claims.sub));
    // As accounts keep it: lower case, the domain as written (« exämple.fr » for « xn--exmple-cua.fr »).
    email = emailAddress.safeParse(asserted).data;
  } catch (error) {
    if (!unreachable(error)) return { refused: "erreur", why: (error as { code?: string }).code ?? (error as Error).name };
    forgetProvider(oidc);
    return { refused: "indisponible" };
  }
  if (!email) return { refused: "erreur", why: "no email asserted" };

  const account = await db.prisma.staffUser.findUnique({
    where: { email },
    select: { id: true, active: true, regionalAdmin: true, _count: { select: { memberships: true, coordinates: true } } },
  });
  const refused = refusalOf(
    account
      ? {
          active: account.active,
          regionalAdmin: account.regionalAdmin,
          memberships: account._count.memberships,
          territories: account._count.coordinates,
        }
      : undefined,
  );
  if (refused || !account) return { refused: refused ?? "inconnu", email };
  if (sessionId) await closeSession(db, sessionId, now);
  const session = await openSession(db, account.id, now, seal(config.sessionSecret, idToken));
  return { session, email };
}
