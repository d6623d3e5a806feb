import { lookup } from "node:dns/promises";
import { isIP } from "node:net";
import type { Config } from "../../config.ts";
import { isPublicAddress } from "../../domain/public-address.ts";
import { webhookUrlProblem } from "../../domain/webhooks.ts";
import { validationError } from "../../errors.ts";

/**
 * A URL a structure may subscribe, or a 422 naming `url`: the rule (domain/webhooks.ts), then
 * what its name resolves to now. Each delivery checks the address again as it connects (a name
 * may resolve elsewhere tomorrow): this check is for a clear answer at once.
 */
export async function checkEndpointUrl(config: Pick<Config, "publicUrl" | "webhookAllowPrivate">, url: string): Promise<string> {
  const rules = { httpsOnly: config.publicUrl.startsWith("https://"), allowPrivate: config.webhookAllowPrivate };
  const problem = webhookUrlProblem(url, rules);
  if (problem) throw validationError({ url: `${problem}.` });
  const host = new URL(url).hostname.replace(/^\[|\]$/g, "");
  if (rules.allowPrivate || isIP(host)) return url;
  const addresses = await lookup(host, { all: true }).catch(() => null);
  if (!addresses?.length) throw validationError({ url: `le nom ${host} est introuvable.` });
  if (addresses.some((a) => !isPublicAddress(a.address))) {
    throw validationError({ url: "adresse privée ou locale refusée : le serveur doit être public." });
  }
  return url;
}
