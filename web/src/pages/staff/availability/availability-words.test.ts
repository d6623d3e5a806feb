import { describe, expect, test } from "vitest";
import {
  absenceSpan,
  absenceWhen,
  bookedWords,
  daysWords,
  describeRule,
  frenchList,
  type RuleFacts,
  toldGroups,
  weekdayOf,
} from "./availability-words.ts";

const choices = {
  sites: [{ id: "s1", name: "Antenne de Roubaix" }],
  offerings: [
    { id: "o1", service: { name: "Information-conseil VAE" } },
    { id: "o2", service: { name: "Accueil jeunes 16-25 ans" } },
  ],
};
const range: RuleFacts = {
  siteId: "s1",
  modes: ["onsite", "phone"],
  weekdays: [4, 1],
  startTime: "09:00",
  endTime: "12:00",
  validFrom: "2026-11-02",
  validUntil: null,
  everyWeeks: 2,
  onHolidays: false,
  offeringIds: ["o1", "o2"],
};
const say = (text: string) => text.replace(/\u00a0/g, " ");

describe("a range in words", () => {
  test("its days, hours, place, rhythm, validity and services", () => {
    const { when, details } = describeRule(range, choices);
    expect(say(when)).toBe("Le lundi et le jeudi, de 9 h 00 à 12 h 00");
    expect(say(details)).toBe(
      "à Antenne de Roubaix (sur place, téléphone), toutes les 2 semaines, à partir du 2 novembre 2026, services : Information-conseil VAE, Accueil jeunes 16-25 ans",
    );
  });

  test("a remote range, weekly, until a date, open on public holidays", () => {
    const rule = { ...range, siteId: null, modes: ["video" as const], weekdays: [2], everyWeeks: 1, onHolidays: true };
    const { details } = describeRule({ ...rule, validUntil: "2026-12-18", offeringIds: ["o1"] }, choices);
    expect(say(details)).toBe(
      "à distance (visio), du 2 novembre 2026 au 18 décembre 2026, y compris les jours fériés, service : Information-conseil VAE",
    );
  });

  test("a single date names its day", () => {
    const { when } = describeRule({ ...range, validUntil: "2026-11-02", weekdays: [1] }, choices);
    expect(say(when)).toBe("Le lundi 2 novembre 2026, de 9 h 00 à 12 h 00");
  });
});

describe("small words", () => {
  test("lists join with « et »", () => {
    expect(frenchList(["a"])).toBe("a");
    expect(frenchList(["a", "b", "c"])).toBe("a, b et c");
  });

  test("three days in a row or more are a span", () => {
    expect(daysWords([4, 1])).toBe("le lundi et le jeudi");
    expect(daysWords([1, 2, 3, 4])).toBe("du lundi au jeudi");
    expect(daysWords([5, 1, 2, 3])).toBe("du lundi au mercredi et le vendredi");
    expect(daysWords([1, 2, 6])).toBe("le lundi, le mardi et le samedi");
  });

  test("weekdays run from Monday (1) to Sunday (7)", () => {
    expect(weekdayOf("2026-03-23")).toBe(1);
    expect(weekdayOf("2026-03-29")).toBe(7);
  });
});

describe("absences", () => {
  test("part of a day, whole days, and across days", () => {
    expect(say(absenceWhen({ start: "2026-03-30T14:00:00+02:00", end: "2026-03-30T16:00:00+02:00" }))).toBe(
      "lundi 30 mars, de 14 h 00 à 16 h 00",
    );
    expect(absenceWhen({ start: "2026-03-30T00:00:00+02:00", end: "2026-03-31T00:00:00+02:00" })).toBe(
      "lundi 30 mars, toute la journée",
    );
    expect(absenceWhen({ start: "2026-03-30T00:00:00+02:00", end: "2026-04-04T00:00:00+02:00" })).toBe(
      "du lundi 30 mars au vendredi 3 avril, journées entières",
    );
    expect(say(absenceWhen({ start: "2026-03-30T14:00:00+02:00", end: "2026-03-31T12:00:00+02:00" }))).toBe(
      "du lundi 30 mars à 14 h 00 au mardi 31 mars à 12 h 00",
    );
  });

  test("empty times are whole days", () => {
    expect(absenceSpan({ startDate: "2026-03-30", startTime: "", endDate: "", endTime: "" })).toEqual({
      start: "2026-03-30T00:00",
      end: "2026-03-31T00:00",
    });
    expect(absenceSpan({ startDate: "2026-03-30", startTime: "14:00", endDate: "2026-04-01", endTime: "12:00" })).toEqual({
      start: "2026-03-30T14:00",
      end: "2026-04-01T12:00",
    });
  });
});

const cancelledAt = (hour: string, lastName: string, told: ("email" | "sms")[], phone: string | null = null) => ({
  id: lastName,
  start: `2026-11-03T${hour}:00+01:00`,
  service: "Information-conseil VAE",
  person: { firstName: "Prénom", lastName },
  told,
  phone,
});
const none = { cancelledMeetings: [] };

describe("what a change did to booked meetings", () => {
  test("nothing to say when none was concerned; kept or cancelled otherwise", () => {
    expect(bookedWords({ affected: 0, cancelled: 0, ...none })).toBe("");
    expect(bookedWords({ affected: 1, cancelled: 0, ...none })).toBe(" Le rendez-vous concerné est gardé.");
    const told = [cancelledAt("09:00", "Courriel", ["email"]), cancelledAt("10:00", "Mobile", ["sms"])];
    expect(bookedWords({ affected: 2, cancelled: 2, cancelledMeetings: told })).toBe(
      " Les 2 rendez-vous concernés sont annulés ; les personnes sont prévenues.",
    );
  });

  test("never says a person is told by e-mail when no message reaches them: they are to be called", () => {
    const fixe = cancelledAt("11:00", "Fixe", [], "03 20 11 22 33");
    expect(bookedWords({ affected: 1, cancelled: 1, cancelledMeetings: [fixe] })).toBe(
      " Le rendez-vous concerné est annulé : la personne ne reçoit ni courriel ni SMS, elle est à appeler.",
    );
    expect(bookedWords({ affected: 1, cancelled: 1, cancelledMeetings: [cancelledAt("11:00", "Rien", [])] })).toBe(
      " Le rendez-vous concerné est annulé : la personne n'a laissé aucun moyen de la prévenir.",
    );
    const three = [cancelledAt("09:00", "Courriel", ["email"]), cancelledAt("10:00", "Mobile", ["sms"]), fixe];
    expect(bookedWords({ affected: 3, cancelled: 3, cancelledMeetings: three })).toBe(
      " Les 3 rendez-vous concernés sont annulés : 2 personnes sont prévenues et 1 personne est à appeler.",
    );
    const untold = [fixe, cancelledAt("12:00", "Rien", []), cancelledAt("13:00", "Autre", [], "03 20 99 88 77")];
    expect(bookedWords({ affected: 3, cancelled: 3, cancelledMeetings: untold })).toBe(
      " Les 3 rendez-vous concernés sont annulés : 2 personnes sont à appeler et 1 personne n'a laissé aucun moyen de contact.",
    );
  });

  test("groups the people by how they heard: both ways in both groups, the landline to call", () => {
    const groups = toldGroups([
      cancelledAt("09:00", "Deux", ["email", "sms"]),
      cancelledAt("10:00", "Mobile", ["sms"]),
      cancelledAt("11:00", "Fixe", [], "03 20 11 22 33"),
      cancelledAt("12:00", "Rien", []),
    ]);
    const names = (meetings: { person: { lastName: string } }[]) => meetings.map((m) => m.person.lastName);
    expect(names(groups.email)).toEqual(["Deux"]);
    expect(names(groups.sms)).toEqual(["Deux", "Mobile"]);
    expect(groups.call.map((m) => [m.person.lastName, m.phone])).toEqual([["Fixe", "03 20 11 22 33"]]);
    expect(names(groups.unreachable)).toEqual(["Rien"]);
  });

  test("says the advisor's meetings in their other structures stay, when and nothing more", () => {
    const conflict = { start: "2026-11-12T15:00:00+01:00", end: "2026-11-12T16:00:00+01:00" };
    expect(bookedWords({ affected: 0, cancelled: 0, ...none, conflicts: [conflict] })).toBe(
      " Un autre rendez-vous est prévu pendant ce temps dans une autre de ses structures (le jeudi 12 novembre 2026 à 15\u00a0h\u00a000) : il y reste prévu, à voir avec cette structure.",
    );
    const one = [cancelledAt("09:00", "Courriel", ["email"])];
    expect(bookedWords({ affected: 1, cancelled: 1, cancelledMeetings: one, conflicts: [conflict, conflict] })).toMatch(
      /^ Le rendez-vous concerné est annulé ; .* 2 autres rendez-vous sont prévus pendant ce temps/,
    );
  });
});
