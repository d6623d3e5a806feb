// The pages of the waiting list, reached from a message (an offer, the list-only link): one chunk
// of their own, loaded on their first visit.

export { default as EntryPage } from "./entry-page.tsx";
export { default as OfferPage } from "./offer-page.tsx";
