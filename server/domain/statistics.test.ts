import { describe, expect, it } from "vitest";
import { openTime, type Rule } from "./availability.ts";
import {
  type Activity,
  emptyActivity,
  flows,
  median,
  rate,
  shownActivityTable,
  shownReferrals,
  shownWaitlist,
  summariseActivity,
  summariseWaitlist,
  suppress,
  waitingSeries,
  waitingSummary,
} from "./statistics.ts";

describe("masking", () => {
  it("hides counts from 1 to 4, shows 0 and 5 up", () => {
    expect(suppress([0, 1, 4, 5, 120], [])).toEqual([false, true, true, false, false]);
  });
  it("gives no rate nor median on fewer than 5", () => {
    expect(rate(1, 4)).toBeNull();
    expect(rate(2, 3, 1)).toBe(0.667);
    expect(rate(5, 5)).toBe(1);
    expect(median(new Map([[3, 4]]))).toBeNull();
    expect(median(new Map([[3, 5]]))).toBe(3);
  });
});

describe("secondary masking", () => {
  it("masks a second part where a sum would give a masked one back", () => {
    // 10 = 7 + 3: the 3 is masked, so the 7 must be too.
    expect(suppress([10, 7, 3], [{ whole: 0, parts: [1, 2] }])).toEqual([false, true, true]);
    // Two masked parts already: nothing to add; zeros are never worth masking.
    expect(suppress([10, 4, 3, 3, 0], [{ whole: 0, parts: [1, 2, 3, 4] }])).toEqual([false, true, true, true, false]);
    expect(suppress([10, 7, 3, 0], [{ whole: 0, parts: [1, 2, 3] }])).toEqual([false, true, true, false]);
  });
  it("goes on until no sum has a single masked cell, across rows and columns", () => {
    // Two rows (a, b) and their total; each row is split in x + y, each column adds up.
    //        whole  x   y
    // a        12    9   3      a.y masked → a.x masked → total.x (9 + 8 = 17) has one masked part → b.x masked
    // b        20    8  12      → b.y then (b = 8 + 12 with one masked) → total.y (3 + 12) …
    // total    32   17  15
    const cells = [12, 9, 3, 20, 8, 12, 32, 17, 15];
    const rows = [0, 3, 6].map((w) => ({ whole: w, parts: [w + 1, w + 2] }));
    const columns = [0, 1, 2].map((c) => ({ whole: 6 + c, parts: [c, 3 + c] }));
    const hidden = suppress(cells, [...rows, ...columns]);
    for (const { whole, parts } of [...rows, ...columns]) {
      expect([whole, ...parts].filter((i) => hidden[i])).not.toHaveLength(1);
    }
    expect(hidden[2]).toBe(true);
    expect(hidden[0]).toBe(false);
  });
});

describe("a table of activity as shown", () => {
  const activity = (over: Partial<Activity>): Activity => ({ ...emptyActivity(), ...over });
  it("gives rates only over shown terms", () => {
    const twenty = activity({
      booked: 20,
      honoured: 10,
      noShow: 5,
      excused: 5,
      channels: { online: 20, reception: 0, referral: 0, advisor: 0 },
    });
    const shown = shownActivityTable(twenty, [{ rows: [twenty], splitTotal: true }]);
    expect(shown.total).toMatchObject({ booked: 20, noShow: 5, noShowRate: 0.25 });
    const small = shownActivityTable(
      activity({ booked: 12, honoured: 10, noShow: 2, channels: { online: 12, reception: 0, referral: 0, advisor: 0 } }),
      [],
    );
    expect(small.total).toMatchObject({ booked: 12, honoured: null, noShow: null, noShowRate: null, channels: { online: 12 } });
  });
  it("masks down the columns when the rows split the total, not when they overlap", () => {
    const row = (booked: number) =>
      activity({ booked, honoured: booked, channels: { online: booked, reception: 0, referral: 0, advisor: 0 } });
    const split = shownActivityTable(row(12), [{ rows: [row(3), row(9)], splitTotal: true }]);
    expect(split.breakdowns[0]?.map((r) => r.booked)).toEqual([null, null]);
    expect(split.total.booked).toBe(12);
    const overlapping = shownActivityTable(row(9), [{ rows: [row(3), row(9)], splitTotal: false }]);
    expect(overlapping.breakdowns[0]?.map((r) => r.booked)).toEqual([null, 9]);
  });
});

describe("referrals as shown", () => {
  it("masks the states and the flows together, and gives the acceptance rate over shown states", () => {
    const figures = {
      total: 30,
      byStatus: { sent: 0, accepted: 5, declined: 5, redirected: 0, booked: 20, expired: 0 },
      daysToAppointment: new Map([[6, 20]]),
      outcomes: { honoured: 15, no_show: 5, excused: 0 },
    };
    const { figures: shown, flowCounts } = shownReferrals(figures, [[27, 3]]);
    expect(shown).toMatchObject({ total: 30, booked: 20, acceptanceRate: 0.833, medianDaysToAppointment: 6, honoured: 15 });
    expect(flowCounts).toEqual([[null, null]]);
  });
});

describe("median of a histogram", () => {
  it("reads the middle value, or the mean of the two middle ones", () => {
    expect(
      median(
        new Map([
          [1, 2],
          [10, 1],
          [4, 2],
        ]),
      ),
    ).toBe(4);
    expect(
      median(
        new Map([
          [1, 3],
          [7, 3],
        ]),
      ),
    ).toBe(4);
    expect(
      median(
        new Map([
          [0, 5],
          [30, 1],
        ]),
      ),
    ).toBe(0);
  });
});

describe("summariseActivity", () => {
  const place = { structureId: "s", siteId: null, serviceId: "vae", month: "2026-10" };
  it("counts cancelled meetings as booked but not their lead time nor outcome", () => {
    const groups = summariseActivity(
      {
        appointments: [
          { ...place, cancelled: true, outcome: null, channel: "online", leadDays: 40, count: 2 },
          { ...place, cancelled: false, outcome: "honoured", channel: "reception", leadDays: 1, count: 3 },
          { ...place, cancelled: false, outcome: null, channel: "online", leadDays: 2, count: 1 },
        ],
        bookedMinutes: [{ structureId: "s", siteId: null, serviceId: null, month: "2026-10", minutes: 180 }],
        offeredMinutes: [
          { structureId: "s", siteId: null, serviceId: null, month: "2026-10", minutes: 600 },
          { structureId: "s", siteId: null, serviceId: "vae", month: "2026-10", minutes: 500 },
        ],
      },
      () => ["all"],
      false,
    );
    const all = groups.get("all");
    expect(all).toMatchObject({ booked: 6, cancelled: 2, honoured: 3, unmarked: 1, bookedMinutes: 180, offeredMinutes: 600 });
    expect(all?.channels).toEqual({ online: 3, reception: 3, referral: 0, advisor: 0 });
    expect([...(all?.leadDays ?? [])]).toEqual([
      [1, 3],
      [2, 1],
    ]);
  });
});

describe("waiting time", () => {
  const at = (iso: string) => new Date(iso);
  it("takes the earliest slot among a group's structures each day; none when none had one", () => {
    const series = waitingSeries(
      [
        { day: "2026-10-02", structureId: "a", serviceId: "x", takenAt: at("2026-10-02T00:00Z"), nextSlotAt: null },
        {
          day: "2026-10-01",
          structureId: "a",
          serviceId: "x",
          takenAt: at("2026-10-01T00:00Z"),
          nextSlotAt: at("2026-10-04T12:00Z"),
        },
        {
          day: "2026-10-01",
          structureId: "b",
          serviceId: "x",
          takenAt: at("2026-10-01T00:00Z"),
          nextSlotAt: at("2026-10-02T00:00Z"),
        },
      ],
      () => ["t"],
    );
    expect(series.get("t")).toEqual([
      { day: "2026-10-01", days: 1 },
      { day: "2026-10-02", days: null },
    ]);
    expect(waitingSummary(series.get("t") ?? [])).toEqual({ latest: null, average: 1, daysWithout: 1 });
  });
});

describe("flows", () => {
  it("counts pairs, largest first", () => {
    const f = (from: string, to: string) => ({
      fromStructureId: from,
      toStructureId: to,
      status: "sent" as const,
      daysToAppointment: null,
      outcome: null,
    });
    const facts = [...Array.from({ length: 6 }, () => f("a", "b")), f("b", "a"), f("a", "c")];
    expect(flows(facts, (id) => (id === "c" ? undefined : id.toUpperCase()))).toEqual([
      { from: "A", to: "B", count: 6 },
      { from: "B", to: "A", count: 1 },
    ]);
  });
});

describe("openTime", () => {
  const rule = (over: Partial<Rule>): Rule => ({
    id: "r",
    advisorId: "adv",
    siteId: "site",
    modes: ["onsite"],
    weekdays: [1, 2, 3, 4, 5, 6, 7],
    startTime: "01:00",
    endTime: "04:00",
    validFrom: "2026-01-05",
    validUntil: null,
    everyWeeks: 1,
    onHolidays: false,
    ...over,
  });
  const base = { zone: "Europe/Paris", absences: [], closures: [], holidays: new Set<string>() };
  it("counts the hours the clocks skip or repeat: 2 h on the last Sunday of March, 4 h on the last of October", () => {
    const open = (date: string) => openTime({ ...base, rules: [rule({})], from: date, to: date }).map((o) => o.minutes);
    expect(open("2026-03-28")).toEqual([180]);
    expect(open("2026-03-29")).toEqual([120]);
    expect(open("2026-10-25")).toEqual([240]);
  });
  it("leaves out holidays, closures, absences and the weeks off of an every-other-week range", () => {
    const mondays = { startTime: "09:00", endTime: "12:00", weekdays: [1] };
    const october = { from: "2026-10-01", to: "2026-10-31" };
    const open = openTime({
      ...base,
      ...october,
      rules: [rule(mondays)],
      // 10 h – 11 h in Paris, the clocks gone back.
      absences: [{ advisorId: "adv", start: new Date("2026-10-26T09:00:00Z"), end: new Date("2026-10-26T10:00:00Z") }],
      closures: [{ siteId: "site", startDate: "2026-10-05", endDate: "2026-10-05" }],
      holidays: new Set(["2026-10-19"]),
    });
    expect(open.map((o) => [o.date, o.minutes])).toEqual([
      ["2026-10-12", 180],
      ["2026-10-26", 120],
    ]);
    // Every other week from Monday 5 January: the 12th and the 26th of October, not the 5th nor the 19th.
    const fortnightly = openTime({ ...base, ...october, rules: [rule({ ...mondays, everyWeeks: 2 })] });
    expect(fortnightly.map((o) => o.date)).toEqual(["2026-10-12", "2026-10-26"]);
  });
});

describe("the waiting list's figures", () => {
  const here = { structureId: "s1", siteId: "a" };
  const elsewhere = { structureId: "s2", siteId: null };
  const facts = {
    waiting: [
      { ...here, count: 12 },
      { ...elsewhere, count: 40 },
    ],
    slots: [
      { ...here, accepted: true, count: 15 },
      { ...here, accepted: false, count: 5 },
      { ...elsewhere, accepted: true, count: 100 },
    ],
    offers: [
      { ...here, status: "accepted" as const, daysGained: 3, count: 10 },
      { ...here, status: "accepted" as const, daysGained: 9.5, count: 5 },
      { ...here, status: "declined" as const, daysGained: null, count: 7 },
      { ...here, status: "expired" as const, daysGained: null, count: 6 },
      { ...here, status: "open" as const, daysGained: null, count: 2 },
      { ...elsewhere, status: "expired" as const, daysGained: null, count: 50 },
    ],
  };
  const onlyHere = (place: { structureId: string }) => place.structureId === "s1";

  it("count the slots re-booked among the distinct slots offered, in the places kept", () => {
    const figures = summariseWaitlist(facts, onlyHere);
    expect(figures).toMatchObject({ waiting: 12, slotsOffered: 20, slotsAccepted: 15, declined: 7, expired: 6 });
    expect(shownWaitlist(figures)).toEqual({
      waiting: 12,
      slotsOffered: 20,
      slotsAccepted: 15,
      rebookedRate: 0.75,
      rebookedRateRounded: false,
      // 10 offers gained 3 days, 5 gained 9,5: the 8th of 15 is a 3.
      medianDaysGained: 3,
      declined: 7,
      expired: 6,
    });
  });

  it("mask the small counts, and whatever would give them back", () => {
    const shown = shownWaitlist({
      waiting: 3,
      slotsOffered: 9,
      slotsAccepted: 6,
      declined: 0,
      expired: 2,
      daysGained: new Map([[4, 4]]),
    });
    // 3 not taken would be 9 − 6: both masked, and so the rate that gives them back.
    expect(shown).toEqual({
      waiting: null,
      slotsOffered: 9,
      slotsAccepted: null,
      rebookedRate: null,
      rebookedRateRounded: true,
      medianDaysGained: null,
      declined: 0,
      expired: null,
    });
  });
});
