import { z } from "@hono/zod-openapi";

export const SlotSchema = z
  .object({
    key: z.string().openapi({ description: "Identifiant opaque du créneau, à donner à POST /api/bookings." }),
    start: z
      .string()
      .openapi({ example: "2026-03-30T09:00:00+02:00", description: "ISO 8601 avec le décalage de la structure." }),
    end: z.string().openapi({ example: "2026-03-30T09:45:00+02:00" }),
    advisorId: z.uuid(),
    structureId: z.uuid(),
    siteId: z.uuid().nullable().openapi({ description: "Null pour un rendez-vous à distance." }),
    mode: z.enum(["onsite", "phone", "video"]),
    seatsLeft: z.number().int().openapi({ description: "Places restantes (1 pour un entretien individuel)." }),
  })
  .openapi("Slot");
