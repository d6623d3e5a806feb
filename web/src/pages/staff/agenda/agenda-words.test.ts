import { describe, expect, it } from "vitest";
import { cancelNotice, dayMeetings, hoursOn, moveNotice, takesDay, todaySentence } from "./agenda-words.ts";

describe("a span on the agenda's days", () => {
  const wholeDay = ["2026-12-17T00:00:00+01:00", "2026-12-18T00:00:00+01:00"] as const;

  it("is on the days it takes some of: not the next one when it ends at its midnight", () => {
    expect(takesDay("2026-12-17", ...wholeDay)).toBe(true);
    expect(takesDay("2026-12-18", ...wholeDay)).toBe(false);
    expect(takesDay("2026-12-16", ...wholeDay)).toBe(false);
    expect(takesDay("2026-12-18", "2026-12-17T22:00:00+01:00", "2026-12-18T02:00:00+01:00")).toBe(true);
  });

  it("reads « toute la journée » for a whole day, alone or within several", () => {
    expect(hoursOn("2026-12-17", ...wholeDay)).toBe("toute la journée");
    expect(hoursOn("2026-12-17", "2026-12-16T00:00:00+01:00", "2026-12-19T00:00:00+01:00")).toBe("toute la journée");
    expect(hoursOn("2026-12-17", "2026-12-17T09:00:00+01:00", "2026-12-17T10:30:00+01:00")).toBe(
      "9\u00a0h\u00a000 à 10\u00a0h\u00a030",
    );
    expect(hoursOn("2026-12-18", "2026-12-17T22:00:00+01:00", "2026-12-18T02:00:00+01:00")).toBe(
      "0\u00a0h\u00a000 à 2\u00a0h\u00a000",
    );
  });
});

describe("the cancellation's notice", () => {
  it("says how the person hears of it: e-mail, SMS, both, or a call to make", () => {
    expect(cancelNotice(["email"])).toBe("La personne est prévenue par courriel, avec l'annulation à reporter dans son agenda.");
    expect(cancelNotice(["sms"])).toBe("La personne est prévenue par SMS.");
    expect(cancelNotice(["email", "sms"])).toBe(
      "La personne est prévenue par courriel, avec l'annulation à reporter dans son agenda, et par SMS.",
    );
    expect(cancelNotice([])).toBe("La personne ne reçoit ni courriel ni SMS : prévenez-la par téléphone.");
  });
});

describe("today's summary", () => {
  const plain = (text: string) => text.replace(/\u00a0/g, " ");

  it("counts the day's meetings in French, « rendez-vous » without an s, and says when the next starts", () => {
    expect(plain(todaySentence(5, "2026-03-23T10:00:00+01:00"))).toBe("Aujourd'hui : 5 rendez-vous, prochain à 10 h 00.");
    expect(plain(todaySentence(1, "2026-03-23T14:30:00+01:00"))).toBe("Aujourd'hui : 1 rendez-vous, prochain à 14 h 30.");
    expect(todaySentence(1, undefined)).toBe("Aujourd'hui : 1 rendez-vous, plus aucun à venir.");
    expect(todaySentence(0, undefined)).toBe("Aujourd'hui : aucun rendez-vous.");
  });

  it("leaves out cancelled meetings and other days; the next is the first to start after now, as instants", () => {
    const meetings = [
      { id: "hier", start: "2026-03-22T15:00:00+01:00", status: "booked" },
      { id: "commencé", start: "2026-03-23T08:30:00+01:00", status: "booked" },
      { id: "annulé", start: "2026-03-23T09:30:00+01:00", status: "cancelled" },
      { id: "prochain", start: "2026-03-23T10:00:00+01:00", status: "booked" },
      { id: "demain", start: "2026-03-24T09:00:00+01:00", status: "booked" },
    ];
    // 9 h in Paris, written in UTC.
    const { held, next } = dayMeetings(meetings, "2026-03-23", "2026-03-23T08:00:00Z");
    expect(held.map((m) => m.id)).toEqual(["commencé", "prochain"]);
    expect(next?.id).toBe("prochain");
  });
});

describe("the move's notice", () => {
  it("says how the person hears of it, or which number to call", () => {
    expect(moveNotice(["email", "sms"])).toBe(
      "La personne est prévenue par courriel, avec le rendez-vous mis à jour pour son agenda, et par SMS.",
    );
    expect(moveNotice(["sms"])).toBe("La personne est prévenue par SMS.");
    expect(moveNotice([], "03 20 12 34 56")).toBe(
      "La personne ne reçoit ni courriel ni SMS : prévenez-la par téléphone au 03 20 12 34 56.",
    );
    expect(moveNotice([], null)).toMatch(/ne peut pas être prévenue/);
  });
});
