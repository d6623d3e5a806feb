import type { LinkDeps } from "../manage/manage-appointment.ts";
import { offerByToken, offerView } from "./offer-link.ts";

/** The page of an offer (/offre/<token>): the held slot, till when, and other earlier free ones. */
export async function showOffer({ db, clock }: LinkDeps, token: string) {
  return offerView(db, await offerByToken(db, token), clock.now());
}
