import { z } from "@hono/zod-openapi";
import { isMobile } from "../../domain/phone.ts";
import { emailAddress, phoneNumber } from "../../http/fields.ts";
import type { LostContact } from "./ask-for-links.ts";

const MISSING = "saisissez l'adresse électronique ou le numéro de mobile donné à la réservation.";
export const NOT_A_MOBILE =
  "Ce numéro n'est pas un mobile : saisissez l'adresse électronique donnée à la réservation, ou appelez la structure.";

/**
 * What someone who lost their link types: the e-mail address they booked with, or their mobile
 * number, read by the same fields as the booking's (fields.ts) so that it compares equal to what
 * was stored: an address in lower case, a number in E.164. A number that is no mobile is refused:
 * no SMS can carry the links there.
 */
export const LostContactSchema = z
  .string(MISSING)
  .trim()
  .min(1, MISSING)
  .max(254, "254 caractères au plus.")
  .transform((value, ctx): LostContact => {
    if (value.includes("@")) {
      const email = emailAddress.safeParse(value);
      if (email.success) return { channel: "email", to: email.data };
      ctx.addIssue({ code: "custom", message: email.error.issues[0]?.message ?? MISSING });
      return z.NEVER;
    }
    const phone = phoneNumber.safeParse(value);
    if (!phone.success) {
      ctx.addIssue({
        code: "custom",
        message: "adresse électronique ou numéro de mobile invalide, par exemple prenom.nom@exemple.fr ou 06 12 34 56 78.",
      });
      return z.NEVER;
    }
    if (!isMobile(phone.data)) {
      ctx.addIssue({ code: "custom", message: NOT_A_MOBILE });
      return z.NEVER;
    }
    return { channel: "sms", to: phone.data };
  })
  .openapi({
    description: "L'adresse électronique ou le numéro de mobile donné à la réservation.",
    example: "lea.durand@example.org",
  });
