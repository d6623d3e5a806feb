import type { RenderedEmail } from "./appointment.ts";
import { day, time } from "./format.ts";
import { render } from "./layout.ts";

export interface PasswordLinkDetails {
  kind: "invitation" | "reset";
  firstName: string;
  url: string;
  expiresAt: Date;
  /** Who invited them, for an invitation. */
  invitedBy?: string;
}

const until = (date: Date) => `${day(date, "Europe/Paris")} à ${time(date, "Europe/Paris")}`;

/** To a staff member: create their password (invitation) or choose a new one (reset). */
export function passwordLinkEmail(link: PasswordLinkDetails): RenderedEmail {
  const warning = { kind: "text" as const, text: `Ce lien ne sert qu'une fois et expire le ${until(link.expiresAt)}.` };
  if (link.kind === "invitation") {
    return render("Votre accès à RDV Orientation", `Bonjour ${link.firstName}, votre compte est ouvert`, [
      {
        kind: "text",
        text: `${link.invitedBy ?? "Un administrateur"} vous a ouvert un compte personnel sur RDV Orientation. Choisissez votre mot de passe pour vous connecter.`,
      },
      { kind: "link", label: "Créer mon mot de passe", url: link.url },
      warning,
    ]);
  }
  return render("Choisir un nouveau mot de passe", `Bonjour ${link.firstName}`, [
    { kind: "text", text: "Vous avez demandé à changer le mot de passe de votre compte RDV Orientation." },
    { kind: "link", label: "Choisir un nouveau mot de passe", url: link.url },
    warning,
    {
      kind: "text",
      text: "Si vous n'êtes pas à l'origine de cette demande, ignorez ce message : votre mot de passe reste inchangé.",
    },
  ]);
}
