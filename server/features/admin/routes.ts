import { createRouter } from "../../http/router.ts";
import { apiTokenAdmin } from "../api-tokens/routes.ts";
import { privacySettings } from "../privacy/settings-routes.ts";
import { webhookAdmin } from "../webhooks/routes.ts";
import { auditLog } from "./audit-log.ts";
import { closureAdmin } from "./closures.ts";
import { faqAdmin } from "./faq.ts";
import { memberAdmin } from "./members.ts";
import { networkAdmin } from "./networks.ts";
import { offeringAdmin } from "./offerings.ts";
import { outboxAdmin } from "./outbox.ts";
import { routingRuleAdmin } from "./routing-rules.ts";
import { siteAdmin } from "./sites.ts";
import { structureAdmin } from "./structures.ts";
import { territoryAdmin } from "./territories.ts";
import { userAdmin } from "./users.ts";

/**
 * The directory administration. Regional admins run everything; structure admins run their
 * structures' sites, offerings, staff and closures (policy.ts says who may do what).
 */
export const admin = createRouter()
  .route("/", networkAdmin)
  .route("/", structureAdmin)
  .route("/", siteAdmin)
  .route("/", offeringAdmin)
  .route("/", memberAdmin)
  .route("/", userAdmin)
  .route("/", territoryAdmin)
  .route("/", closureAdmin)
  .route("/", faqAdmin)
  .route("/", routingRuleAdmin)
  .route("/", auditLog)
  .route("/", outboxAdmin)
  .route("/", privacySettings)
  .route("/", apiTokenAdmin)
  .route("/", webhookAdmin);

/** One client type per part: a single one for the whole administration is too large for the compiler. */
export interface AdminTypes {
  networks: typeof networkAdmin;
  structures: typeof structureAdmin;
  sites: typeof siteAdmin;
  offerings: typeof offeringAdmin;
  members: typeof memberAdmin;
  users: typeof userAdmin;
  territories: typeof territoryAdmin;
  closures: typeof closureAdmin;
  faq: typeof faqAdmin;
  routingRules: typeof routingRuleAdmin;
  audit: typeof auditLog;
  outbox: typeof outboxAdmin;
  privacy: typeof privacySettings;
  apiTokens: typeof apiTokenAdmin;
  webhooks: typeof webhookAdmin;
}
