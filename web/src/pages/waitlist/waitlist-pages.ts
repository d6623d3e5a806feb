// The pages of the waiting list, reached from a message (an offer, the list-only link), and its
// panel on the private link past a button: one chunk of their own, loaded on their first visit.

export { default as EntryPage } from "./entry-page.tsx";
export { WaitlistPanel } from "./meeting-waitlist.tsx";
export { default as OfferPage } from "./offer-page.tsx";
