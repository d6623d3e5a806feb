import type { RenderedEmail } from "./appointment.ts";
import { day, time } from "./format.ts";
import { render } from "./layout.ts";

export type MembershipRole = "advisor" | "reception" | "structure_admin" | "referrer";

/** A role in a structure, as people say it. */
export const ROLE_WORDS: Record<MembershipRole, string> = {
  advisor: "conseiller·ère",
  reception: "chargé·e d'accueil",
  structure_admin: "administrateur·rice de la structure",
  referrer: "prescripteur·rice (orientations)",
};

export interface MembershipInvitationDetails {
  firstName: string;
  structure: string;
  role: MembershipRole;
  invitedBy: string;
  url: string;
  expiresAt: Date;
}

/**
 * To whoever holds an address: an invitation to take a role in a structure. Nothing happens
 * until they accept — whether or not they already have an account, which the message does not
 * presume.
 */
export function membershipInvitationEmail(invitation: MembershipInvitationDetails): RenderedEmail {
  const until = `${day(invitation.expiresAt, "Europe/Paris")} à ${time(invitation.expiresAt, "Europe/Paris")}`;
  return render(
    `Invitation à rejoindre ${invitation.structure} sur RDV Orientation`,
    `Bonjour ${invitation.firstName}, vous êtes invité·e à rejoindre ${invitation.structure}`,
    [
      {
        kind: "text",
        text: `${invitation.invitedBy} vous propose le rôle de ${ROLE_WORDS[invitation.role]} dans ${invitation.structure}, sur RDV Orientation. Vous verrez alors les rendez-vous et les personnes que cette structure vous confie.`,
      },
      { kind: "link", label: "Voir l'invitation et l'accepter", url: invitation.url },
      {
        kind: "text",
        text: `Rien ne change tant que vous n'avez pas accepté. Ce lien ne sert qu'une fois et expire le ${until}.`,
      },
      {
        kind: "text",
        text: "Si vous ne connaissez pas cette structure ou ne souhaitez pas la rejoindre, ignorez ce message.",
      },
    ],
  );
}
