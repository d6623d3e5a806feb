import { describe, expect, it } from "vitest";
import type { Slot, Structure } from "../../lib/api.ts";
import { placeCandidates, placeName, SLOT_ID, samePlace, shownDay, slotId, slotsByDay } from "./slot-choices.ts";

const slot = (start: string, key: string, seatsLeft = 1): Slot => ({
  key,
  start,
  end: start.replace(/T(\d\d)/, (_, hour: string) => `T${String(Number(hour) + 1).padStart(2, "0")}`),
  advisorId: "7a1e3c5b-2d4f-4a6b-8c9d-0e1f2a3b4c5d",
  structureId: "3b9da42e-9159-58d2-9184-f625be1acce1",
  siteId: null,
  mode: "phone",
  seatsLeft,
});

describe("slots by day", () => {
  it("gives the seven days of the week, empty ones included, each with its times in order", () => {
    const days = slotsByDay(
      [slot("2026-03-31T14:00:00+02:00", "c", 9), slot("2026-03-30T09:00:00+02:00", "a"), slot("2026-03-30T10:00:00+02:00", "b")],
      "2026-03-30",
    );
    expect(days.map((day) => day.date)).toEqual([
      "2026-03-30",
      "2026-03-31",
      "2026-04-01",
      "2026-04-02",
      "2026-04-03",
      "2026-04-04",
      "2026-04-05",
    ]);
    expect(days.map((day) => day.slots.map((choice) => choice.time))).toEqual([
      ["09:00", "10:00"],
      ["14:00"],
      [],
      [],
      [],
      [],
      [],
    ]);
    expect(days[1]?.slots[0]?.seatsLeft).toBe(9);
  });

  it("shows one time when several advisors are free then, and keeps the first slot's key", () => {
    const [monday] = slotsByDay(
      [
        slot("2026-03-30T09:00:00+02:00", "first"),
        slot("2026-03-30T09:00:00+02:00", "second"),
        slot("2026-03-30T09:30:00+02:00", "x"),
      ],
      "2026-03-30",
    );
    expect(monday?.slots.map((choice) => [choice.time, choice.key, choice.keys])).toEqual([
      ["09:00", "first", ["first", "second"]],
      ["09:30", "x", ["x"]],
    ]);
  });

  it("files a late-evening slot under its local day, not its UTC one", () => {
    const days = slotsByDay([slot("2026-03-30T23:30:00+02:00", "late")], "2026-03-30");
    expect(days[0]?.slots.map((choice) => choice.key)).toEqual(["late"]);
  });
});

describe("a slot's name in the address", () => {
  it("is its start instant in UTC, whatever the offset it is written with", () => {
    expect(slotId("2026-03-30T09:00:00+02:00")).toBe("20260330T0700Z");
    expect(slotId("2026-03-30T07:00:00Z")).toBe("20260330T0700Z");
    // The hour that happens twice when clocks go back is told apart by its offset.
    expect(slotId("2026-10-25T02:30:00+02:00")).toBe("20261025T0030Z");
    expect(slotId("2026-10-25T02:30:00+01:00")).toBe("20261025T0130Z");
    expect(SLOT_ID.test(slotId("2026-12-31T23:45:00+01:00"))).toBe(true);
  });

  it("stays the same when another advisor's slot is offered at that time", () => {
    const [before] = slotsByDay([slot("2026-03-30T09:00:00+02:00", "advisor-a")], "2026-03-30");
    const [after] = slotsByDay([slot("2026-03-30T09:00:00+02:00", "advisor-b")], "2026-03-30");
    expect(before?.slots[0]?.id).toBe(after?.slots[0]?.id);
    expect(before?.slots[0]?.key).not.toBe(after?.slots[0]?.key);
  });
});

describe("places", () => {
  const structure = {
    sites: [
      {
        id: "b8ecdc06-de50-510f-8b66-66b1c79b0172",
        name: "APEC Lille — Euralille",
        address: "25 avenue Willy Brandt",
        postcode: "59777",
        accessInfo: "",
        phone: null,
        commune: { code: "59350", name: "Lille" },
      },
    ],
  } as Structure;

  it("are each site, then phone, then video, named in words", () => {
    expect(placeCandidates(structure).map(placeName)).toEqual([
      "Sur place — APEC Lille — Euralille",
      "Par téléphone",
      "En visio",
    ]);
  });

  it("are the same when their mode and, on site, their site are", () => {
    const [onsite, phone] = placeCandidates(structure).map((choice) => choice.place);
    expect(onsite && samePlace(onsite, { mode: "onsite", site: "b8ecdc06-de50-510f-8b66-66b1c79b0172" })).toBe(true);
    expect(onsite && samePlace(onsite, { mode: "onsite", site: "4fb10edb-c89f-5c1f-bc0b-f0ec84d07eae" })).toBe(false);
    expect(phone && samePlace(phone, { mode: "phone" })).toBe(true);
    expect(phone && samePlace(phone, undefined)).toBe(false);
  });
});

describe("the day a narrow screen shows", () => {
  const days = slotsByDay(
    [
      slot("2026-04-01T09:00:00+02:00", "wed"),
      slot("2026-04-02T09:00:00+02:00", "thu"),
      slot("2026-04-02T11:00:00+02:00", "thu2"),
    ],
    "2026-03-30",
  );

  it("is the day picked, else the chosen slot's, else the first with a free slot", () => {
    expect(shownDay(days, slotId("2026-04-02T11:00:00+02:00"), "2026-03-31")).toBe("2026-03-31");
    expect(shownDay(days, slotId("2026-04-02T11:00:00+02:00"), undefined)).toBe("2026-04-02");
    expect(shownDay(days, undefined, undefined)).toBe("2026-04-01");
    // A chosen slot of another week: the first day with a free slot.
    expect(shownDay(days, slotId("2026-04-09T11:00:00+02:00"), undefined)).toBe("2026-04-01");
    // A day picked in another week counts for nothing in this one.
    expect(shownDay(days, undefined, "2026-04-07")).toBe("2026-04-01");
  });

  it("is the Monday of a week without any free slot", () => {
    expect(shownDay(slotsByDay([], "2026-03-30"), undefined, undefined)).toBe("2026-03-30");
  });
});
