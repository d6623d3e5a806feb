import type { Clock } from "../../clock.ts";
import type { Database } from "../../db/database.ts";
import { sortFrench } from "../../domain/french.ts";
import { byDistance, byProximity, type Place } from "../../domain/proximity.ts";
import { type Answers, recommend } from "../../domain/routing.ts";
import { validationError } from "../../errors.ts";
import { searchSlots } from "../slots/search-slots.ts";
import { homeOf, placeOf, sitePlaceSelect } from "../structures/places.ts";
import { loadRoutingTable } from "./routing-table.ts";

/** Structures shown per recommendation: enough to choose, few enough to read at 320 px. */
export const STRUCTURES_PER_RECOMMENDATION = 3;

export interface OrientationInput extends Answers {
  /** INSEE code of the person's commune. */
  commune: string;
}

/**
 * « Trouver le bon interlocuteur »: the networks the table recommends for these answers, each
 * with the structures of that network that serve the commune and take public bookings for the
 * service, their next free slot and the booking page's address. Reads only: the answers are
 * not stored, nor logged (the request log holds the path, not the query).
 */
export async function recommendStructures({ db, clock, input }: { db: Database; clock: Clock; input: OrientationInput }) {
  const [home, table] = await Promise.all([homeOf(db, input.commune), loadRoutingTable(db.prisma)]);
  if (!home) throw validationError({ commune: `Aucune commune de la région n'a le code INSEE ${input.commune}.` });
  const byId = new Map(table.map((rule) => [rule.id, rule]));

  const recommendations = [];
  for (const found of recommend(input, table)) {
    const rule = byId.get(found.ruleId);
    if (!rule) continue;
    recommendations.push({
      network: rule.network,
      service: rule.service,
      reason: rule.reason,
      ...(await structuresFor(db, clock, { networkId: rule.networkId, serviceId: rule.serviceId }, home)),
    });
  }
  return recommendations;
}

/**
 * The network's structures serving the commune, nearest first, with their next slot; when none
 * does, the nearest of the network that offer the service elsewhere (`nearby`), to call.
 */
async function structuresFor(db: Database, clock: Clock, rule: { networkId: string; serviceId: string | null }, home: Place) {
  const commune = home.communeCode;
  const publicOffering = { active: true, bookableBy: "public" as const, ...(rule.serviceId && { serviceId: rule.serviceId }) };
  const rows = await db.prisma.structure.findMany({
    where: { active: true, networkId: rule.networkId, offerings: { some: publicOffering } },
    select: {
      id: true,
      slug: true,
      name: true,
      phone: true,
      communes: { where: { communeCode: commune }, select: { communeCode: true } },
      sites: {
        where: { active: true },
        select: {
          name: true,
          address: true,
          postcode: true,
          ...sitePlaceSelect,
          commune: { select: { ...sitePlaceSelect.commune.select, name: true } },
        },
      },
      offerings: { where: publicOffering, select: { service: { select: { slug: true, position: true } } } },
    },
  });
  const ranked = byProximity(
    home,
    rows,
    (s) => s.sites.map(placeOf),
    (s) => s.name,
  );
  const serving = ranked.filter((r) => r.item.communes.length > 0);
  const sitesOf = (s: (typeof rows)[number]) =>
    sortFrench(
      s.sites.map(({ name, address, postcode, commune: c }) => ({
        name,
        address,
        postcode,
        commune: { code: c.code, name: c.name },
      })),
      (site) => site.name,
    );
  const nearby =
    serving.length > 0
      ? []
      : byDistance(ranked)
          .slice(0, STRUCTURES_PER_RECOMMENDATION)
          .map(({ item, closeness }) => ({
            id: item.id,
            slug: item.slug,
            name: item.name,
            phone: item.phone,
            sites: sitesOf(item),
            closeness,
          }));
  const chosen = serving.slice(0, STRUCTURES_PER_RECOMMENDATION);

  // With the rule's service, one commune-wide search gives every structure's next slot at once.
  const serviceSlug = rule.serviceId ? chosen[0]?.item.offerings[0]?.service.slug : undefined;
  const firstOfEach = serviceSlug
    ? new Map(
        (await searchSlots({ db, clock, input: { service: serviceSlug, commune, first: true } })).map((slot) => [
          slot.structureId,
          { start: slot.start, service: serviceSlug },
        ]),
      )
    : undefined;

  const structures = [];
  for (const { item: structure, closeness } of chosen) {
    // A rule naming no service leads to the structure's public service with the nearest slot.
    const services = [...structure.offerings.map((o) => o.service)].sort((a, b) => a.position - b.position).map((s) => s.slug);
    const nextSlot = firstOfEach ? firstOfEach.get(structure.id) : await firstSlot(db, clock, services, structure.id);
    structures.push({
      id: structure.id,
      slug: structure.slug,
      name: structure.name,
      sites: sitesOf(structure),
      closeness,
      nextSlot: nextSlot?.start ?? null,
      bookingHref: bookingHref({
        service: nextSlot?.service ?? serviceSlug ?? services[0] ?? "",
        commune,
        structure: structure.id,
      }),
    });
  }
  return { structures, nearby };
}

/** A structure's next free public slot among these services. */
async function firstSlot(db: Database, clock: Clock, services: string[], structure: string) {
  let first: { start: string; service: string } | undefined;
  for (const service of services) {
    const [slot] = await searchSlots({ db, clock, input: { service, structure, first: true } });
    if (slot && (!first || Date.parse(slot.start) < Date.parse(first.start))) first = { start: slot.start, service };
  }
  return first;
}

/**
 * The booking page's address, in the order web/src/pages/booking/booking-href.ts writes it
 * (service, commune, structure): the page opens on that structure's slots.
 */
export function bookingHref(state: { service: string; commune: string; structure: string }): string {
  return `/rendez-vous?${new URLSearchParams(state).toString()}`;
}
