import { describe, expect, it } from "vitest";
import { addDays } from "../../server/domain/time.ts";
import { recordWaitingTimes } from "../../server/features/dashboards/waiting-times.ts";
import { anonymiseExpired } from "../../server/features/privacy/retention.ts";
import { runDailyTasks } from "../../server/jobs/daily.ts";
import { testDeps } from "../helpers/app.ts";
import { OCTOBER, useDashboards } from "../helpers/dashboards.ts";

// The coordination figures against a data set built by hand (tests/helpers/dashboards.ts, every
// number worked out there). Refused filters are in dashboards.error.test.ts; who sees which
// figures, in dashboards.security.test.ts.
const { clock, at, env, figures } = useDashboards();

describe("the coordination figures", () => {
  it("count a territory's appointments, masking what is under 5", async () => {
    const { status, body } = await figures(`${OCTOBER}&by=structure`);
    expect(status).toBe(200);
    expect(body.activity.rows.map((r: { label: string }) => r.label)).toEqual([
      "CIBC de Lille",
      "Point Info Conseil VAE de Lille",
    ]);
    const pic = body.activity.rows[1];
    expect(pic).toMatchObject({
      booked: 30,
      honoured: 15,
      noShow: 6,
      excused: null,
      cancelled: 6,
      unmarked: null,
      channels: { online: 20, reception: null, referral: 5, advisor: null },
      // 6 / (15 + 6 + 2) would give the 2 excused back: no rate over a masked term.
      noShowRate: null,
      occupancy: 0.243,
      bookedHours: 18,
      offeredHours: 74,
      medianLeadDays: 6.5,
    });
    expect(body.activity.rows[0]).toMatchObject({
      booked: 0,
      offeredHours: 10,
      occupancy: 0,
      medianLeadDays: null,
      noShowRate: null,
    });
    expect(body.activity.total).toMatchObject({ booked: 30, honoured: 15, occupancy: 0.214, offeredHours: 84 });
  });

  it("break down by territory, network, service and month", async () => {
    const byTerritory = (await figures(`${OCTOBER}&by=territory`)).body;
    expect(byTerritory.activity.rows).toHaveLength(1);
    expect(byTerritory.activity.rows[0]).toMatchObject({ label: "Métropole lilloise", booked: 30, offeredHours: 84 });

    const byNetwork = (await figures(`${OCTOBER}&by=network`)).body;
    expect(byNetwork.activity.rows.map((r: { label: string; booked: number }) => [r.label, r.booked])).toEqual([
      ["CIBC", 0],
      ["Points Info Conseil VAE", 30],
    ]);

    const byService = (await figures(`${OCTOBER}&by=service`)).body.activity.rows as { label: string }[];
    expect(byService.find((r) => r.label === "Information-conseil VAE")).toMatchObject({
      booked: 30,
      offeredHours: 76,
      occupancy: 0.237,
    });
    expect(byService.find((r) => r.label === "Réunion d'information collective VAE")).toMatchObject({
      booked: 0,
      offeredHours: 8,
      occupancy: 0,
    });

    // A service chosen: only the structures that offer it have a row.
    const cep = (await figures(`${OCTOBER}&by=structure&service=cep-premier-entretien`, env.fx.cookies.regionalAdmin)).body;
    expect(cep.activity.rows.map((r: { label: string }) => r.label)).toEqual(["CIO de Roubaix"]);

    const byMonth = (await figures("from=2026-09-15&to=2026-11-10&by=month")).body.activity.rows;
    expect(byMonth.map((r: { label: string; booked: number }) => [r.label, r.booked])).toEqual([
      ["septembre 2026", 0],
      ["octobre 2026", 30],
      ["novembre 2026", 0],
    ]);
  });

  it("follow the waiting time to the first free slot, day by day", async () => {
    const whole = (await figures(`${OCTOBER}&by=month`)).body.waiting;
    expect(whole).toEqual([
      {
        service: { slug: "information-conseil-vae", name: "Information-conseil VAE" },
        group: null,
        latest: null,
        average: 2.5,
        daysWithout: 1,
        series: [
          { day: "2026-10-01", days: 1 },
          { day: "2026-10-02", days: 4 },
          { day: "2026-10-03", days: null },
        ],
      },
    ]);
    const perStructure = (await figures(`${OCTOBER}&by=structure`)).body.waiting;
    expect(
      perStructure.map((w: { group: { label: string }; average: number; daysWithout: number }) => [
        w.group.label,
        w.average,
        w.daysWithout,
      ]),
    ).toEqual([
      ["CIBC de Lille", 2.5, 1],
      ["Point Info Conseil VAE de Lille", 2.5, 2],
    ]);
    const region = (await figures(`${OCTOBER}&by=month`, env.fx.cookies.regionalAdmin)).body.waiting;
    expect(region.map((w: { service: { slug: string }; latest: number }) => [w.service.slug, w.latest])).toEqual([
      ["cep-premier-entretien", 3],
      ["information-conseil-vae", null],
    ]);
  });

  it("follow referrals: flows, acceptance, time to the first appointment, outcomes", async () => {
    const { referrals } = (await figures(OCTOBER)).body;
    expect(referrals).toMatchObject({
      total: 11,
      booked: 5,
      accepted: null,
      declined: null,
      sent: null,
      expired: null,
      // Over masked states (1 accepted, 3 declined): not given.
      acceptanceRate: null,
      medianDaysToAppointment: 6,
      honoured: null,
      noShow: null,
    });
    // 9 shown beside the total of 11 would give the masked 2 back: both flows are masked, and
    // said together on one line, with their sum — the total.
    expect(referrals.structureFlows).toEqual([{ from: "2 autres flux, masqués un à un", to: "—", count: 11 }]);
    expect(referrals.networkFlows).toEqual([{ from: "2 autres flux, masqués un à un", to: "—", count: 11 }]);
  });

  it("export the same figures as a CSV a French Excel opens", async () => {
    const res = await env.app.request(`/api/dashboards/export?${OCTOBER}&by=structure&table=activity`, {
      headers: { Cookie: env.fx.cookies.coordinator },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("content-disposition")).toMatch(
      /attachment; filename="rdv-orientation-rendez-vous-2026-10-01-2026-10-31.csv"/,
    );
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = new TextDecoder().decode(bytes.slice(3)).split("\r\n");
    expect(lines[0]?.split(";").slice(0, 7)).toEqual([
      "Structure",
      "Rendez-vous pris",
      "Honorés",
      "Absences",
      "Absences excusées",
      "Annulés",
      "Issue non renseignée",
    ]);
    expect(lines[2]).toBe("Point Info Conseil VAE de Lille;30;15;6;masqué;6;masqué;20;masqué;5;masqué;;24,3;18;74;6,5");
    expect(lines[3]?.startsWith("Total;30;15;")).toBe(true);

    const flows = await env.app.request(`/api/dashboards/export?${OCTOBER}&table=flows`, {
      headers: { Cookie: env.fx.cookies.coordinator },
    });
    expect((await flows.text()).split("\r\n").slice(0, 3)).toEqual([
      "Structure d'origine;Structure d'accueil;Orientations",
      "2 autres flux, masqués un à un;—;11",
      "",
    ]);

    // Days as in every CSV (and the appointments' export below): « jj/mm/aaaa », never ISO.
    const waiting = await env.app.request(`/api/dashboards/export?${OCTOBER}&by=month&table=waiting`, {
      headers: { Cookie: env.fx.cookies.coordinator },
    });
    expect((await waiting.text()).split("\r\n")).toEqual([
      "Service;Jour;Délai jusqu'au premier créneau libre (jours)",
      "Information-conseil VAE;01/10/2026;1",
      "Information-conseil VAE;02/10/2026;4",
      "Information-conseil VAE;03/10/2026;aucun créneau",
      "",
    ]);
  });

  it("publish the SPRO's activity over twelve months, without a name in it", async () => {
    const res = await env.app.request("/api/statistics");
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(text).not.toMatch(/Durand|Roubaix-\d|Orientée|Léa/);
    const body = JSON.parse(text);
    // From the first month with an appointment: October (twelve months at most).
    expect(body.period).toEqual({ from: "2026-10-01", to: "2026-11-25" });
    expect(body.months.map((m: { label: string }) => m.label)).toEqual(["octobre 2026", "novembre 2026"]);
    expect(body.months.find((m: { label: string }) => m.label === "octobre 2026")).toMatchObject({ booked: 37, honoured: 22 });
    expect(body.total).toMatchObject({ booked: 37, excused: null });
    expect(body.networks.map((n: { label: string; booked: number }) => [n.label, n.booked])).toEqual([
      ["CIBC", 0],
      ["CIO", 7],
      ["Points Info Conseil VAE", 30],
    ]);
    expect(body.referrals.structureFlows).toBeUndefined();
    const csv = await (await env.app.request("/api/statistics/export?by=network")).text();
    expect(csv.split("\r\n")[2]).toMatch(/^CIO;7;7;0;0;0;0;7;0;0;0;0;;/);
  });
});

describe("a structure's appointments as CSV", () => {
  it("list every appointment with the person's details", async () => {
    const res = await env.app.request(`/api/agenda/export?${OCTOBER}&structure=${env.fx.structure.id}`, {
      headers: { Cookie: env.fx.cookies.structureAdmin },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-disposition")).toBe(
      'attachment; filename="rendez-vous-pic-vae-lille-2026-10-01-2026-10-31.csv"',
    );
    const lines = (await res.text()).split("\r\n");
    expect(lines[0]).toBe(
      "Date;Début;Fin;Service;Lieu;Conseiller·ère;Nom;Prénom;Courriel;Téléphone;Canal;Statut;Issue;Pris le;Pris par;Besoins d'accessibilité",
    );
    expect(lines).toHaveLength(1 + 30 + 1);
    // Thursday 1 October, 9 h 00 in Paris: the first honoured online meeting, booked a day and an hour before.
    expect(lines[1]).toBe(
      "01/10/2026;09:00;09:45;Information-conseil VAE;Lille Centre;Claire Martin;Durand-1;Léa;;;En ligne;Réservé;Honoré;30/09/2026;La personne;",
    );
    expect(lines.filter((l) => l.includes("Annulé"))).toHaveLength(6);
    const audit = await env.db.prisma.auditEvent.findFirstOrThrow({ where: { action: "appointments.export" } });
    expect(audit).toMatchObject({ entityId: env.fx.structure.id, actorId: env.fx.users.structureAdmin.id });
    expect(JSON.stringify(audit)).not.toMatch(/Durand/);
  });
});

describe("the daily snapshot of waiting times", () => {
  it("records each public offering's first free slot once a day", async () => {
    at("2026-10-26T08:00:00Z");
    const deps = testDeps(env.db, { clock });
    const before = await env.db.prisma.waitingTimeSnapshot.count();
    const { recorded, withoutSlot } = await recordWaitingTimes(deps, clock.now());
    // PIC: VAE and the collective session; CIBC: VAE; CIO of Roubaix: CEP without any range.
    expect([recorded, withoutSlot]).toEqual([4, 1]);
    const rows = await env.db.prisma.waitingTimeSnapshot.findMany({ where: { day: new Date("2026-10-26T00:00:00Z") } });
    const pic = rows.find((r) => r.structureId === env.fx.structure.id && r.serviceId === env.fx.services.vae.id);
    // Monday 9 h 00 in Paris, two hours' notice: 11 h 00 is the first free slot.
    expect(pic?.nextSlotAt?.toISOString()).toBe("2026-10-26T10:00:00.000Z");
    expect(rows.find((r) => r.structureId === env.fx.other.id)?.nextSlotAt).toBeNull();

    const tasks = [{ name: "waiting-times-test", run: recordWaitingTimes }];
    expect(await runDailyTasks(deps, tasks, clock.now())).toHaveLength(1);
    expect(await runDailyTasks(deps, tasks, new Date(clock.now().getTime() + 3_600_000))).toHaveLength(0);
    expect(await runDailyTasks(deps, tasks, new Date(`${addDays("2026-10-26", 1)}T08:00:00Z`))).toHaveLength(1);
    expect(await env.db.prisma.waitingTimeSnapshot.count()).toBe(before + 8);
  });
});

describe("a structure with sites in two territories", () => {
  it("counts each meeting in its site's territory, a remote one at the head site's", async () => {
    const p = env.db.prisma;
    const network = await p.network.findUniqueOrThrow({ where: { slug: "cibc" } });
    const structure = await p.structure.create({
      data: {
        slug: "cibc-nord",
        name: "CIBC Nord",
        networkId: network.id,
        sites: {
          create: [
            { name: "A — Lille", address: "1 rue de Paris", postcode: "59000", communeCode: "59350" },
            { name: "B — Roubaix", address: "2 rue de Lille", postcode: "59100", communeCode: "59512" },
          ],
        },
        offerings: { create: [{ serviceId: env.fx.services.vae.id, durationMinutes: 30, modes: ["onsite", "phone"] }] },
      },
      include: { sites: { orderBy: { name: "asc" } }, offerings: true },
    });
    const advisor = await p.staffUser.create({
      data: {
        email: "cibc-nord@staff.test",
        firstName: "Nora",
        lastName: "Nord",
        memberships: { create: [{ structureId: structure.id, role: "advisor" }] },
      },
    });
    const [lille, roubaix] = structure.sites;
    const times = (n: number, siteId: string | null) => Array.from({ length: n }, () => siteId);
    const meetings = [...times(6, lille?.id ?? null), ...times(7, roubaix?.id ?? null), ...times(5, null)];
    let hour = 0;
    for (const siteId of meetings) {
      const person = await p.person.create({ data: { firstName: "Yves", lastName: "Nord" } });
      const startsAt = new Date(Date.UTC(2026, 9, 5, 6) + hour++ * 3_600_000);
      await p.appointment.create({
        data: {
          offeringId: structure.offerings[0]?.id as string,
          structureId: structure.id,
          siteId,
          mode: siteId ? "onsite" : "phone",
          advisorId: advisor.id,
          personId: person.id,
          startsAt,
          endsAt: new Date(startsAt.getTime() + 30 * 60_000),
          channel: "online",
          outcome: "honoured",
        },
      });
    }
    const row = (rows: { label: string; booked: number }[]) => rows.find((r) => r.label === "CIBC Nord")?.booked;
    // The Lille coordinator: the 6 at the Lille site and the 5 by phone (head site: « A — Lille »).
    expect(row((await figures(`${OCTOBER}&by=structure`)).body.activity.rows)).toBe(11);
    const region = (await figures(`${OCTOBER}&by=territory`, env.fx.cookies.regionalAdmin)).body.activity;
    expect(region.rows.map((r: { label: string; booked: number }) => [r.label, r.booked])).toEqual([
      ["Métropole lilloise", 30 + 11],
      ["Roubaix-Tourcoing", 7 + 7],
    ]);
    expect(region.total.booked).toBe(37 + 18);
    const roubaixOnly = (await figures(`${OCTOBER}&by=structure&territory=roubaix-tourcoing`, env.fx.cookies.regionalAdmin)).body;
    expect(row(roubaixOnly.activity.rows)).toBe(7);
  });
});

// Last: it anonymises everyone.
describe("the figures after the retention period", () => {
  it("stay the same once every person is anonymised", async () => {
    const read = async () =>
      Promise.all(
        (["structure", "month", "service"] as const).map(
          async (by) => (await figures(`${OCTOBER}&by=${by}`, env.fx.cookies.regionalAdmin)).body,
        ),
      );
    const before = await read();
    // Three years on, everyone of October 2026 is past 24 months.
    const { persons } = await anonymiseExpired(testDeps(env.db, { clock }), new Date("2029-11-26T09:00:00Z"));
    expect(persons).toBeGreaterThanOrEqual(37 + 11);
    expect(await env.db.prisma.person.count({ where: { lastName: { startsWith: "Durand" } } })).toBe(0);
    expect(await read()).toEqual(before);
  });
});
