import type { WebhookDelivery, WebhookEndpoint } from "./webhooks-api.ts";

// The webhooks in words, for the « Webhooks » tab of a structure.

type Event = WebhookEndpoint["events"][number];

/** Each event a structure may subscribe to, in the order the form offers them. */
export const WEBHOOK_EVENT_WORDS: Record<Event, string> = {
  appointment_booked: "Rendez-vous pris",
  appointment_moved: "Rendez-vous déplacé",
  appointment_cancelled: "Rendez-vous annulé",
  appointment_outcome: "Issue d'un rendez-vous notée",
  referral_created: "Orientation reçue",
  referral_answered: "Réponse à une orientation envoyée",
  referral_outcome: "Issue du rendez-vous d'une orientation envoyée",
  availability_changed: "Disponibilités d'un conseiller modifiées",
};

const STATUS: Record<WebhookDelivery["status"], string> = {
  pending: "en attente",
  delivered: "livré",
  failed: "échec",
};

/** Where a delivery stands: « livré », « échec », « en attente ». */
export const deliveryStatus = (delivery: Pick<WebhookDelivery, "status">) => STATUS[delivery.status];

/** An attempt as the log says it: the HTTP code answered, or why none came. */
export const attemptWords = (attempt: WebhookDelivery["tries"][number]) =>
  attempt.status === null ? (attempt.error ?? "pas de réponse") : String(attempt.status);
