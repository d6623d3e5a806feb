import * as client from "openid-client";
import type { Config } from "../../config.ts";
import { unseal } from "../../db/sealed.ts";
import { postLogoutRedirectUri, providerConfiguration } from "./provider.ts";

/**
 * Where the browser goes to end the provider's session too (RP-initiated logout), for a session
 * opened through ProConnect (its sealed ID token); undefined when there is nothing to end or the
 * provider cannot be asked: signing out here never waits on it.
 */
export async function providerSignOutUrl(config: Config, sealedIdToken: unknown): Promise<string | undefined> {
  if (!config.oidc || sealedIdToken == null) return undefined;
  try {
    const provider = await providerConfiguration(config.oidc);
    return client.buildEndSessionUrl(provider, {
      id_token_hint: unseal<string>(config.sessionSecret, sealedIdToken),
      post_logout_redirect_uri: postLogoutRedirectUri(config),
      // ProConnect asks for one; nothing comes back to check it against.
      state: client.randomState(),
    }).href;
  } catch {
    // A provider down, one that publishes no end_session_endpoint, a secret changed since: the
    // session here is closed all the same, the provider's ends with its own lifetime.
    return undefined;
  }
}
