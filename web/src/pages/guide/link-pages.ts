// The pages a person reaches from a link or a code handed to them (an invitation, « Retrouver mon
// rendez-vous »), rarely from the guide: one chunk of their own, loaded on their first visit.

export { default as FindMeetingPage } from "../find-meeting/find-meeting-page.tsx";
export { default as InvitationPage } from "./invitation-page.tsx";
