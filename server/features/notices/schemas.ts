import { z } from "@hono/zod-openapi";

// A staff user's e-mail notices, kind by kind (prisma: NoticeChoice; the kinds in mail/outbox.ts's rows).

export const NoticeKind = z
  .enum(["agenda_booked", "agenda_changed", "referral_answered", "referral_followed"], "type de courriel inconnu.")
  .openapi({
    description:
      "agenda_booked : un rendez-vous pris dans son agenda · agenda_changed : un rendez-vous de son agenda déplacé ou annulé · " +
      "referral_answered : une orientation envoyée, refusée ou réorientée · referral_followed : une orientation envoyée, " +
      "son rendez-vous annulé par la structure ou son invitation expirée.",
  });
export const NoticeDelivery = z
  .enum(["every", "digest", "none"], "« every » (chaque courriel), « digest » (un résumé par jour) ou « none » (aucun).")
  .openapi({ description: "every : chaque courriel · digest : un résumé par jour · none : aucun." });

export const NoticeChoices = z.object({
  choices: z.array(z.object({ kind: NoticeKind, delivery: NoticeDelivery }).strict()).openapi({
    description: "Un choix par type de courriel, dans l'ordre ; sans choix enregistré, chaque courriel.",
  }),
});
