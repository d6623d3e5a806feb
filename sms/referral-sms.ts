import type { InvitationDetails } from "../emails/referral.ts";
import { field, greet, lines, shrinkToFit, stop } from "./fit.ts";
import { shortDay } from "./format.ts";
import type { SmsText } from "./segments.ts";

// The invitation of a referral as a text: who sends the person where, the link to book, and the
// printed code for whoever books on another device (typing the code beats typing the link).
// Sent from « RDV Orientation », transactional: no « STOP » (see appointment-sms.ts).

export interface InvitationSmsDetails extends InvitationDetails {
  /** The invitation's printed code, « ABCD-EFGH-JKMN », when the text should carry it. */
  code?: string | null;
}

/**
 * What goes first when the text is too long, in this order; then names are cut. The code goes
 * last of the three: it is the way in when the link is cut (the partner is told it may be missing).
 */
const DROP_ORDER = ["greeting", "service", "code"] as const;

/** Invitations end on a Paris date, as in the e-mail. */
const ZONE = "Europe/Paris";

/** To the person: book with the structure they are referred to; `reminder` for the one reminder. */
export function smsInvitation(invitation: InvitationSmsDetails, reminder = false): SmsText {
  // The page where the code is typed: the link without its token.
  const page = invitation.url.replace(/#.*$/, "");
  return shrinkToFit(DROP_ORDER, (keep, name) => {
    const first = field(invitation.firstName);
    const from = name(field(invitation.from));
    const service = field(invitation.service);
    const to = `${name(field(invitation.to))}${keep("service") && service ? ` (${name(service)})` : ""}`;
    const opening = reminder
      ? stop(`vous n'avez pas encore pris RDV avec ${to}, où vous oriente ${from}`)
      : stop(`${from} vous oriente vers ${to}`);
    const code = invitation.code && field(invitation.code);
    return lines(
      greet(keep("greeting") && first ? name(first) : null, opening),
      `Choisissez votre RDV, jusqu'au ${shortDay(invitation.expiresAt, ZONE)} : ${invitation.url}`,
      keep("code") && code && `Ou le code ${code} sur ${page}`,
    );
  });
}
