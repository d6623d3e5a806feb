import { describe, expect, it } from "vitest";
import { fixedClock } from "../../server/clock.ts";
import { type Role, sender, useStaffApp } from "../helpers/staff.ts";

// Dates at the calendar's edges passed validation, then failed in PostgreSQL (no year 0) or in
// JavaScript (a day or a zone added to 9999-12-31): a 500 on every endpoint taking a date. They
// are refused now with a 422 naming the field, in French; nothing is written.
const env = useStaffApp(fixedClock("2026-03-20T08:00:00Z"));
const send = sender(env);
const NOWHERE = "00000000-0000-4000-8000-000000000000";

describe("dates outside 1900–2199: a 422 naming the field, never a 500", () => {
  const requests = (date: string): [Role | "", string, string, string, unknown?][] => {
    const { fx } = env;
    return [
      ["", "GET", `/slots?service=information-conseil-vae&structure=${fx.structure.id}&from=${date}`, "from"],
      ["", "GET", `/slots?service=information-conseil-vae&commune=59350&from=2026-03-20&to=${date}`, "to"],
      ["", "GET", `/invitations/ABCDEFGHJKLMNP/slots?from=${date}`, "from"],
      ["reception", "GET", `/desk/slots?offering=${fx.offering.id}&from=${date}`, "from"],
      ["referrer", "GET", `/referrals/${NOWHERE}/slots?from=${date}`, "from"],
      ["structureAdmin", "GET", `/agenda?structure=${fx.structure.id}&from=${date}&to=${date}`, "from"],
      ["structureAdmin", "GET", `/agenda/export?structure=${fx.structure.id}&from=${date}&to=${date}`, "from"],
      ["regionalAdmin", "GET", `/dashboards?from=${date}`, "from"],
      ["regionalAdmin", "GET", `/admin/audit?before=${date}T00:00:00Z`, "before"],
      [
        "structureAdmin",
        "POST",
        `/admin/structures/${fx.structure.id}/closures`,
        "startDate",
        { startDate: date, endDate: "2026-12-31", onBooked: "keep" },
      ],
      [
        "advisor",
        "POST",
        "/availability/absences",
        "start",
        { advisorId: fx.advisor.id, structureId: fx.structure.id, start: `${date}T09:00`, end: "2026-12-31T10:00" },
      ],
      [
        "advisor",
        "POST",
        "/availability/rules",
        "validFrom",
        {
          advisorId: fx.advisor.id,
          structureId: fx.structure.id,
          siteId: fx.site.id,
          modes: ["onsite"],
          weekdays: [6],
          startTime: "09:00",
          endTime: "10:00",
          validFrom: date,
          validUntil: null,
          offeringIds: [fx.offering.id],
        },
      ],
    ];
  };

  it.each(["0000-01-01", "0099-06-15", "1899-12-31", "2200-01-01", "9999-12-31"])("%s", async (date) => {
    const written = () =>
      Promise.all([env.db.prisma.availabilityRule.count(), env.db.prisma.closure.count(), env.db.prisma.absence.count()]);
    const before = await written();
    for (const [role, method, path, field, body] of requests(date)) {
      const res = await send(method, path, role ? env.fx.cookies[role] : "", body);
      expect(res.status, `${method} ${path}: ${JSON.stringify(res.body)}`).toBe(422);
      expect(res.body.error.fields[field], `${method} ${path}`).toMatch(/entre 1900 et 2199/);
    }
    expect(await written()).toEqual(before);
  });

  it("tells a date that does not exist from one badly written, and takes the edges themselves", async () => {
    const from = async (date: string) =>
      (await send("GET", `/slots?service=information-conseil-vae&structure=${env.fx.structure.id}&from=${date}`, "")).body;
    expect((await from("2026-02-29")).error.fields.from).toBe("cette date n'existe pas (format AAAA-MM-JJ).");
    expect((await from("2026-2-1")).error.fields.from).toBe("date attendue au format AAAA-MM-JJ, par exemple 2026-03-30.");
    expect((await from("2028-02-29")).slots).toEqual(expect.any(Array));
    const agenda = (date: string) =>
      send("GET", `/agenda?structure=${env.fx.structure.id}&from=${date}&to=${date}`, env.fx.cookies.structureAdmin);
    expect((await agenda("1900-01-01")).status).toBe(200);
    expect((await agenda("2199-12-31")).status).toBe(200);
  });
});
