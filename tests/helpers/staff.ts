import { afterAll, beforeAll } from "vitest";
import { openSession } from "../../server/auth/sessions.ts";
import type { Clock } from "../../server/clock.ts";
import type { Database } from "../../server/db/database.ts";
import { testApp } from "./app.ts";
import { createTestDatabase } from "./db.ts";
import { atFixture, bookableDirectory } from "./fixtures.ts";

export const ROLES = [
  "regionalAdmin",
  "coordinator",
  "structureAdmin",
  "advisor",
  "reception",
  "referrer",
  "sharedAdvisor",
] as const;
export type Role = (typeof ROLES)[number];

/**
 * `bookableDirectory` plus a second SPRO structure (the "other" one, with its own site, offering,
 * closure and staff), a territory, spare services, and one signed-in account per role. The
 * structure admin, advisor and reception desk work in the PIC VAE of Lille ("own"); the
 * referrer in the CCAS of Roubaix; the shared advisor in both the PIC VAE and the CIO of
 * Roubaix (no hours: a test that needs them gives them).
 */
export async function staffDirectory(db: Database, now: Date) {
  const fx = await bookableDirectory(db);
  const p = db.prisma;
  const cio = await p.network.create({ data: { slug: "cio", name: "CIO" } });
  const other = await p.structure.create({
    data: {
      slug: "cio-roubaix",
      name: "CIO de Roubaix",
      networkId: cio.id,
      communes: { create: [{ communeCode: "59512" }] },
      sites: { create: [{ name: "Roubaix Gare", address: "1 place de la Gare", postcode: "59100", communeCode: "59512" }] },
      offerings: { create: [{ serviceId: fx.services.cep.id, durationMinutes: 60, modes: ["onsite"] }] },
      closures: { create: [{ startDate: new Date("2026-12-24"), endDate: new Date("2026-12-26"), reason: "Noël" }] },
    },
    include: { sites: true, offerings: true, closures: true },
  });
  const territory = await p.territory.create({
    data: { slug: "metropole-lilloise", name: "Métropole lilloise", communes: { create: [{ communeCode: "59350" }] } },
  });
  const spareServices = await Promise.all(
    Array.from({ length: 12 }, (_, i) =>
      p.service.create({ data: { slug: `service-${i}`, name: `Service ${i}`, position: 10 + i } }),
    ),
  );
  const account = (key: string, data: object) =>
    p.staffUser.create({
      data: { email: `${key}@staff.test`, firstName: "Prénom", lastName: key, passwordHash: "$argon2id$unused", ...data },
    });
  const own = fx.structure;
  const users = {
    regionalAdmin: await account("region", { regionalAdmin: true }),
    coordinator: await account("coordination", { coordinates: { create: [{ territoryId: territory.id }] } }),
    structureAdmin: await account("admin-structure", {
      memberships: { create: [{ structureId: own.id, role: "structure_admin" }] },
    }),
    advisor: await account("conseil", { memberships: { create: [{ structureId: own.id, role: "advisor" }] } }),
    reception: await account("accueil", { memberships: { create: [{ structureId: own.id, role: "reception" }] } }),
    referrer: await account("orienteur", { memberships: { create: [{ structureId: fx.partner.id, role: "referrer" }] } }),
    sharedAdvisor: await account("conseil-partage", {
      memberships: {
        create: [
          { structureId: own.id, role: "advisor" },
          { structureId: other.id, role: "advisor" },
        ],
      },
    }),
  } satisfies Record<Role, { id: string }>;
  const otherAdvisor = await account("conseil-autre", { memberships: { create: [{ structureId: other.id, role: "advisor" }] } });
  const cookies = {} as Record<Role, string>;
  for (const role of ROLES) cookies[role] = `rdv-session=${await openSession(db, users[role].id, now)}`;
  return { ...fx, other, territory, spareServices, users, otherAdvisor, cookies };
}

/**
 * For a test file of the admin API: a migrated database with `staffDirectory` and the app on it,
 * made before the file's tests and dropped after them. Read its fields inside tests.
 */
export function useStaffApp(clock: Clock) {
  const env = {} as { db: Database; fx: Awaited<ReturnType<typeof staffDirectory>>; app: ReturnType<typeof testApp> };
  beforeAll(async () => {
    env.db = await createTestDatabase();
    env.fx = await staffDirectory(env.db, clock.now());
    env.app = testApp(env.db, { clock });
  });
  afterAll(() => env.db.close());
  return env;
}

/** A JSON request as a signed-in user (the cookie of one of `fx.cookies`, or "" for nobody). */
export function sender(env: { app: ReturnType<typeof testApp> }) {
  return async (method: string, path: string, cookie: string, body?: unknown) => {
    const res = await env.app.request(`/api${path}`, {
      method,
      headers: { Cookie: cookie, "Content-Type": "application/json" },
      ...(body !== undefined && { body: JSON.stringify(body) }),
    });
    return { status: res.status, body: await res.json(), headers: res.headers };
  };
}

type StaffEnv = ReturnType<typeof useStaffApp>;

/**
 * A 45-minute meeting with the PIC VAE's advisor (who works Mon–Fri 9 h–12 h on site), booked
 * online by Léa Durand. `start` is an ISO instant.
 */
export async function meetingAt(env: StaffEnv, start: string) {
  const person = await env.db.prisma.person.create({
    data: { firstName: "Léa", lastName: "Durand", email: "lea.durand@example.org", phone: "+33612345678" },
  });
  return env.db.prisma.appointment.create({
    data: {
      ...atFixture(env.fx),
      personId: person.id,
      startsAt: new Date(start),
      endsAt: new Date(new Date(start).getTime() + 45 * 60_000),
      channel: "online",
    },
  });
}

/** A session cookie for the PIC VAE's advisor, the one with ranges. */
export const advisorCookie = async (env: StaffEnv, now: Date) =>
  `rdv-session=${await openSession(env.db, env.fx.advisor.id, now)}`;
