import { describe, expect, it } from "vitest";
import { localInstant } from "../../server/domain/time.ts";
import { OCTOBER, useDashboards } from "../helpers/dashboards.ts";

// The waiting list's figures on the dashboards, against the same counts in plain SQL over a small
// data set added to October's (tests/helpers/dashboards.ts). The clock stands on 26 November: the
// people waiting « at the end of the period » are those of 1 November, 00:00 in Paris.
const { env, figures } = useDashboards();

const END = localInstant("2026-11-01", 0, "Europe/Paris") as Date;
const IN_OCTOBER = (day: number, hour = 10) => new Date(Date.UTC(2026, 9, day, hour));

/**
 * At the PIC of Lille: 14 people joined from 10 October — 3 left before its end, 2 after, 9 still
 * wait: 11 waiting on 1 November; 11 slots offered in October (advisor, start), one to three people
 * each, every one of whom had left by the 25th: 6 accepted (gaining 2, 3, 3, 5, 8, 10 days: median
 * 4), 6 declined and 7 expired on the way, 5 slots never taken (under 5, they would mask the 6
 * taken: 11 − 6). At the CIO of Roubaix, outside the coordinator's territory: 6 waiting, 5 slots
 * all accepted (the Région sees them).
 */
async function waitlistOfOctober() {
  const p = env.db.prisma;
  const fx = env.fx;
  let n = 0;
  const entry = async (at: "pic" | "cio", createdAt: Date, endedAt: Date | null = null) => {
    const person = await p.person.create({ data: { firstName: "Malik", lastName: `Attente-${++n}` } });
    const offering = at === "pic" ? fx.offering.id : (fx.other.offerings[0]?.id as string);
    return p.waitlistEntry.create({
      data: {
        offeringId: offering,
        personId: person.id,
        otherwiseAt: new Date("2026-12-01T09:00:00Z"),
        channel: "online",
        createdAt,
        endedAt,
        endReason: endedAt ? "left" : null,
      },
    });
  };
  type Ending = { status: "accepted" | "declined" | "expired"; daysGained?: number };
  const slot = async (at: "pic" | "cio", day: number, endings: Ending[]) => {
    const startsAt = localInstant(`2026-11-${String(day).padStart(2, "0")}`, 9 * 60, "Europe/Paris") as Date;
    for (const ending of endings) {
      // Each offer to someone who joined an hour before it and had left the list by the 25th.
      const e = await entry(at, IN_OCTOBER(day, 9), IN_OCTOBER(25));
      await p.waitlistOffer.create({
        data: {
          entryId: e.id,
          offeringId: e.offeringId,
          advisorId: at === "pic" ? fx.advisor.id : fx.otherAdvisor.id,
          siteId: at === "pic" ? fx.site.id : (fx.other.sites[0]?.id as string),
          mode: "onsite",
          startsAt,
          endsAt: new Date(startsAt.getTime() + 45 * 60_000),
          tokenHash: `hash-${at}-${day}-${++n}`,
          createdAt: IN_OCTOBER(day),
          holdUntil: new Date(IN_OCTOBER(day).getTime() + 15 * 60_000),
          status: ending.status,
          answeredAt: IN_OCTOBER(day),
          daysGained: ending.daysGained ?? null,
        },
      });
    }
  };
  for (let i = 0; i < 9; i++) await entry("pic", IN_OCTOBER(10 + i));
  for (let i = 0; i < 3; i++) await entry("pic", IN_OCTOBER(10 + i), IN_OCTOBER(28));
  for (let i = 0; i < 2; i++) await entry("pic", IN_OCTOBER(10 + i), new Date("2026-11-10T10:00:00Z"));
  const accepted = (daysGained: number): Ending => ({ status: "accepted", daysGained });
  const declined: Ending = { status: "declined" };
  const expired: Ending = { status: "expired" };
  await slot("pic", 2, [accepted(2)]);
  await slot("pic", 3, [declined, accepted(3)]);
  await slot("pic", 4, [expired, declined, accepted(3)]);
  await slot("pic", 5, [expired, accepted(5)]);
  await slot("pic", 6, [accepted(8)]);
  await slot("pic", 9, [declined, expired, accepted(10)]);
  await slot("pic", 10, [expired, expired, declined]);
  await slot("pic", 11, [declined]);
  await slot("pic", 12, [expired]);
  await slot("pic", 13, [expired]);
  await slot("pic", 16, [declined]);
  for (let i = 0; i < 6; i++) await entry("cio", IN_OCTOBER(10 + i));
  for (let day = 2; day <= 6; day++) await slot("cio", day, [accepted(1)]);
}

/** The same figures in plain SQL, for the structures given. */
async function inSql(structureIds: string[]) {
  const sql = env.db.sql;
  const one = async (text: string, params: unknown[]) => (await sql.query<{ n: number | null }>(text, params))[0]?.n;
  const ofPeriod = `FROM "WaitlistOffer" w JOIN "Offering" o ON o.id = w."offeringId"
    WHERE o."structureId" = ANY($1::uuid[]) AND w."createdAt" >= '2026-09-30T22:00:00Z' AND w."createdAt" < '2026-10-31T23:00:00Z'`;
  return {
    waiting: await one(
      `SELECT count(*)::int AS n FROM "WaitlistEntry" e JOIN "Offering" o ON o.id = e."offeringId"
        WHERE o."structureId" = ANY($1::uuid[]) AND e."createdAt" < $2 AND (e."endedAt" IS NULL OR e."endedAt" > $2)`,
      [structureIds, END],
    ),
    slotsOffered: await one(`SELECT count(DISTINCT (w."advisorId", w."startsAt"))::int AS n ${ofPeriod}`, [structureIds]),
    slotsAccepted: await one(
      `SELECT count(DISTINCT (w."advisorId", w."startsAt"))::int AS n ${ofPeriod} AND w.status = 'accepted'`,
      [structureIds],
    ),
    declined: await one(`SELECT count(*)::int AS n ${ofPeriod} AND w.status = 'declined'`, [structureIds]),
    expired: await one(`SELECT count(*)::int AS n ${ofPeriod} AND w.status = 'expired'`, [structureIds]),
    medianDaysGained: await one(
      `SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY w."daysGained")::float8 AS n ${ofPeriod} AND w.status = 'accepted'`,
      [structureIds],
    ),
  };
}

describe("the waiting list's figures", () => {
  it("count who waits, the freed slots re-booked through the list, the days gained and the offers left or declined", async () => {
    await waitlistOfOctober();
    const { status, body } = await figures(`${OCTOBER}&by=structure`);
    expect(status).toBe(200);
    const sql = await inSql([env.fx.structure.id]);
    expect(sql).toEqual({ waiting: 9 + 2, slotsOffered: 11, slotsAccepted: 6, declined: 6, expired: 7, medianDaysGained: 4 });
    expect(body.waitlist).toEqual({ ...sql, rebookedRate: 0.545, rebookedRateRounded: false });

    // The Région sees the CIO of Roubaix too: its 6 waiting and its 5 slots, all taken.
    const region = (await figures(`${OCTOBER}&by=structure`, env.fx.cookies.regionalAdmin)).body.waitlist;
    const everywhere = await inSql([env.fx.structure.id, env.fx.other.id]);
    expect(everywhere).toMatchObject({ waiting: 17, slotsOffered: 16, slotsAccepted: 11 });
    expect(region).toMatchObject({ waiting: 17, slotsOffered: 16, slotsAccepted: 11, rebookedRate: 0.688 });
  });

  it("filter by structure and mask what is under 5", async () => {
    const cio = (await figures(`${OCTOBER}&structure=${env.fx.other.id}`, env.fx.cookies.regionalAdmin)).body.waitlist;
    // 5 slots, 5 accepted, 0 not: shown; no offer declined nor expired; 5 gains of 1 day.
    expect(cio).toEqual({
      waiting: 6,
      slotsOffered: 5,
      slotsAccepted: 5,
      rebookedRate: 1,
      rebookedRateRounded: false,
      medianDaysGained: 1,
      declined: 0,
      expired: 0,
    });
    // To 3 October: the 3 who then waited (offered the slots of the 2nd and 3rd), and those 2 slots, masked.
    const september = (await figures("from=2026-09-01&to=2026-10-03")).body.waitlist;
    expect(september).toMatchObject({ waiting: null, slotsOffered: null, slotsAccepted: null, rebookedRate: null });
  });

  it("export them as a CSV", async () => {
    const res = await env.app.request(`/api/dashboards/export?${OCTOBER}&table=waitlist`, {
      headers: { Cookie: env.fx.cookies.coordinator },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-disposition")).toMatch(/rdv-orientation-liste-d-attente-2026-10-01-2026-10-31.csv/);
    const lines = (await res.text()).replace(/^\uFEFF/, "").split("\r\n");
    expect(lines).toEqual([
      "Indicateur;Valeur",
      "Personnes en attente à la fin de la période;11",
      "Créneaux distincts proposés par la liste;11",
      "dont acceptés;6",
      "Créneaux libérés repris par la liste (%) : créneaux acceptés / créneaux distincts proposés;54,5",
      "Jours gagnés par offre acceptée, médiane;4",
      "Offres restées sans réponse (expirées);7",
      "Offres refusées;6",
      "",
    ]);
  });
});
