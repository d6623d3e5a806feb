import type { RenderedEmail } from "./appointment.ts";
import { render } from "./layout.ts";

/**
 * To a structure's admins: the platform stopped sending events to one of its webhook URLs.
 * The URL and why, and where to switch it back on; no event nor person in it.
 */
export function webhookDisabledEmail(disabled: {
  structure: string;
  url: string;
  reason: string;
  settingsUrl: string;
}): RenderedEmail {
  return render(`Webhook désactivé : ${disabled.structure}`, "Bonjour", [
    {
      kind: "text",
      text: `Les événements ne sont plus envoyés à ${disabled.url} : ${disabled.reason}. Ceux qui restaient à livrer attendent.`,
    },
    {
      kind: "text",
      text: "Une fois le serveur qui les reçoit rétabli, réactivez l'adresse : les événements en attente partiront alors dans l'ordre, et le journal des livraisons permet de renvoyer ceux qui ont échoué.",
    },
    { kind: "link", label: "Voir les webhooks de la structure", url: disabled.settingsUrl },
  ]);
}
