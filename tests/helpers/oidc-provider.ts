import { createServer, type Server } from "node:http";
import Provider, { type OidcContext } from "oidc-provider";
import { freePort } from "./net.ts";

// A real OpenID Connect provider on 127.0.0.1, standing in for ProConnect: authorization code
// with PKCE required, claims at userinfo only (as ProConnect gives them), RP-initiated logout.
// Its development login page takes any login, which becomes the asserted e-mail address.

export const CLIENT_ID = "rdv-orientation";
const CLIENT_SECRET = "proconnect-test-secret-0123456789";
const SCOPES = "openid email given_name usual_name";

export interface TestProvider {
  issuer: string;
  /** The OIDC_* settings that point the app at this provider. */
  env: Record<string, string>;
  stop(): Promise<void>;
}

/** The OIDC_* settings that point the app at the provider listening on `port`. */
export const providerEnv = (port: number) => ({
  OIDC_ISSUER: `http://127.0.0.1:${port}`,
  OIDC_CLIENT_ID: CLIENT_ID,
  OIDC_CLIENT_SECRET: CLIENT_SECRET,
});

/**
 * Starts the provider for an app served at `publicUrl`, on `port` when given (a test that must
 * know the issuer before the app's address).
 */
export async function startOidcProvider(publicUrl: string, options: { port?: number } = {}): Promise<TestProvider> {
  const port = options.port ?? (await freePort());
  const issuer = `http://127.0.0.1:${port}`;
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: CLIENT_ID,
        client_secret: CLIENT_SECRET,
        redirect_uris: [`${publicUrl}/api/auth/oidc/callback`],
        post_logout_redirect_uris: [`${publicUrl}/connexion`],
        token_endpoint_auth_method: "client_secret_post",
        grant_types: ["authorization_code"],
        response_types: ["code"],
      },
    ],
    scopes: SCOPES.split(" "),
    claims: { openid: ["sub"], email: ["email"], given_name: ["given_name"], usual_name: ["usual_name"] },
    findAccount: (_ctx: unknown, sub: string) => ({
      accountId: sub,
      claims: () => ({ sub, email: sub, given_name: "Agent", usual_name: "Public" }),
    }),
    features: {
      devInteractions: { enabled: true },
      rpInitiatedLogout: {
        enabled: true,
        logoutSource: (ctx: { body: string }, form: string) => {
          ctx.body = `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Déconnexion</title></head>
            <body><main><h1>Se déconnecter du fournisseur ?</h1>${form}
            <button type="submit" form="op.logoutForm" name="logout" value="yes">Oui, me déconnecter</button></main></body></html>`;
        },
      },
    },
    ttl: { Interaction: 600, Session: 3600, Grant: 3600, AccessToken: 600, IdToken: 600, AuthorizationCode: 60 },
    pkce: { required: () => true },
    cookies: { keys: ["test-provider-cookie-key-0123456789"] },
    // ProConnect asks no consent of agents for a service they use: neither does this one.
    loadExistingGrant: async (ctx: OidcContext) => {
      const { provider: op, client, session, result } = ctx.oidc;
      const grantId = result?.consent?.grantId ?? session.grantIdFor(client.clientId);
      if (grantId) return op.Grant.find(grantId);
      const grant = new op.Grant({ clientId: client.clientId, accountId: session.accountId });
      grant.addOIDCScope(SCOPES);
      await grant.save();
      return grant;
    },
  });
  const server: Server = createServer(provider.callback());
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  return {
    issuer,
    env: providerEnv(port),
    async stop() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
