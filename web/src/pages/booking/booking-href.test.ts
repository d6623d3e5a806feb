import { describe, expect, it } from "vitest";
import { bookingHref, readBookingState } from "./booking-href.ts";

const STRUCTURE = "3b9da42e-9159-58d2-9184-f625be1acce1";
const SITE = "b8ecdc06-de50-510f-8b66-66b1c79b0172";

describe("the booking page's address", () => {
  it("writes its parameters in one order, leaving out the empty ones", () => {
    expect(bookingHref()).toBe("/rendez-vous");
    expect(bookingHref({ service: "information-conseil-vae" })).toBe("/rendez-vous?service=information-conseil-vae");
    expect(
      bookingHref({
        slot: "20260330T0700Z",
        week: "2026-03-30",
        site: SITE,
        mode: "onsite",
        structure: STRUCTURE,
        commune: "59350",
        service: "s",
      }),
    ).toBe(
      `/rendez-vous?service=s&commune=59350&structure=${STRUCTURE}&mode=onsite&site=${SITE}&week=2026-03-30&slot=20260330T0700Z`,
    );
  });

  it("reads back what it wrote", () => {
    const state = {
      service: "cep-premier-entretien",
      commune: "2A004",
      structure: STRUCTURE,
      mode: "onsite" as const,
      site: SITE,
      week: "2026-03-30",
      slot: "20260331T1245Z",
      step: "4" as const,
    };
    const search = new URLSearchParams(bookingHref(state).split("?")[1]);
    expect(readBookingState(Object.fromEntries(search))).toEqual(state);
  });

  it("leaves out malformed parameters, moves a week to its Monday, and a site off site", () => {
    expect(
      readBookingState({
        service: "Pas un slug",
        commune: "593",
        structure: "12",
        mode: "fax",
        week: "2026-02-30",
        slot: "a b",
        step: "2",
      }),
    ).toEqual({});
    expect(readBookingState({ week: "2026-04-02" })).toEqual({ week: "2026-03-30" });
    expect(readBookingState({ mode: "phone", site: SITE })).toEqual({ mode: "phone" });
    expect(readBookingState({ service: ["a", "b"] })).toEqual({ service: "a" });
  });
});
