import { hashSecret } from "../../auth/hash-secret.ts";
import type { Database } from "../../db/database.ts";
import type { Prisma } from "../../db/generated/client.ts";
import { addDays, localDateOf, toZonedIso } from "../../domain/time.ts";
import { suits } from "../../domain/waitlist.ts";
import { AppError } from "../../errors.ts";
import { offeringSelect, toOfferingRow } from "../slots/load-availability.ts";
import { offeredSlots, toView } from "../slots/search-slots.ts";
import { encodeSlotKey, type SlotRef } from "../slots/slot-key.ts";

const TOKEN = /^[A-Za-z0-9_-]{22}$/;
export const deadOfferLink = () => new AppError("NOT_FOUND", "Ce lien de proposition n'existe pas : vérifiez qu'il est complet.");

export const offerSelect = {
  id: true,
  status: true,
  holdUntil: true,
  offeringId: true,
  advisorId: true,
  siteId: true,
  mode: true,
  startsAt: true,
  endsAt: true,
  entry: {
    select: {
      id: true,
      personId: true,
      appointmentId: true,
      referralId: true,
      otherwiseAt: true,
      halfDays: true,
      modes: true,
      appointment: { select: { startsAt: true } },
      offering: {
        select: {
          ...offeringSelect,
          service: { select: { slug: true, name: true } },
          structure: { select: { id: true, name: true, timeZone: true } },
        },
      },
    },
  },
} satisfies Prisma.WaitlistOfferSelect;

export type OfferRow = Prisma.WaitlistOfferGetPayload<{ select: typeof offerSelect }>;

/** The offer an offer link leads to (not locked): a 404 for any other link. */
export async function offerByToken(db: Database, token: string): Promise<OfferRow> {
  if (!TOKEN.test(token)) throw deadOfferLink();
  const offer = await db.prisma.waitlistOffer.findUnique({ where: { tokenHash: hashSecret(token) }, select: offerSelect });
  if (!offer) throw deadOfferLink();
  return offer;
}

/** The slot an offer holds, as a slot key names it. */
export const heldRef = (offer: OfferRow): SlotRef => ({
  offeringId: offer.offeringId,
  advisorId: offer.advisorId,
  siteId: offer.siteId,
  mode: offer.mode,
  start: offer.startsAt,
});

/** What the person had, or would have had without the list: only earlier time is offered. */
export const otherwise = (offer: OfferRow): Date => offer.entry.appointment?.startsAt ?? offer.entry.otherwiseAt;

/** Free slots, not held for anyone, earlier than what the person has and as they wished: five at most, first first. */
export async function earlierSlots(db: Database, offer: OfferRow, now: Date) {
  const offering = toOfferingRow(offer.entry.offering);
  const today = localDateOf(now, offering.timeZone);
  const last = localDateOf(otherwise(offer), offering.timeZone);
  const horizon = addDays(today, offering.horizonDays);
  // The earlier of two calendar dates, compared as text.
  const to = [last, horizon].sort()[0] ?? last;
  if (to < today) return [];
  const found = await offeredSlots(db, [offering], { from: today, to, now });
  return (
    (found.get(offering)?.slots ?? [])
      // Not the held slot's time: the same time elsewhere reads as the offer itself.
      .filter((s) => s.start < otherwise(offer) && +s.start !== +offer.startsAt && suits(offer.entry, s, offering.timeZone))
      .slice(0, 5)
      .map((s) => toView(s, offering))
  );
}

/** The offer as its page shows it. */
export async function offerView(db: Database, offer: OfferRow, now: Date) {
  const { offering } = offer.entry;
  const zone = offering.structure.timeZone;
  const open = offer.status === "open" && offer.holdUntil > now;
  const alternatives = offer.status === "accepted" ? [] : await earlierSlots(db, offer, now);
  // The places named by the held slot and the others, in one read.
  const siteIds = [...new Set([offer.siteId, ...alternatives.map((s) => s.siteId)].filter((id) => id !== null))];
  const sites = (
    await db.prisma.site.findMany({
      where: { id: { in: siteIds } },
      select: { id: true, name: true, address: true, postcode: true, commune: { select: { name: true } } },
    })
  ).map(({ commune, ...site }) => ({ ...site, commune: commune.name }));
  return {
    status: offer.status === "open" && !open ? ("expired" as const) : offer.status,
    holdUntil: toZonedIso(offer.holdUntil, zone),
    slot: {
      key: encodeSlotKey(heldRef(offer)),
      start: toZonedIso(offer.startsAt, zone),
      end: toZonedIso(offer.endsAt, zone),
      advisorId: offer.advisorId,
      structureId: offering.structure.id,
      siteId: offer.siteId,
      mode: offer.mode,
      seatsLeft: 1,
    },
    site: sites.find((site) => site.id === offer.siteId) ?? null,
    sites,
    current: offer.entry.appointment ? toZonedIso(offer.entry.appointment.startsAt, zone) : null,
    service: offering.service,
    structure: { id: offering.structure.id, name: offering.structure.name },
    alternatives,
  };
}
