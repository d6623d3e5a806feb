import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixedClock } from "../../server/clock.ts";
import type { Database } from "../../server/db/database.ts";
import { testApp } from "../helpers/app.ts";
import { createTestDatabase } from "../helpers/db.ts";
import { bookableDirectory } from "../helpers/fixtures.ts";

let db: Database;
let app: ReturnType<typeof testApp>;
let slotKey: string;
beforeAll(async () => {
  db = await createTestDatabase();
  const fx = await bookableDirectory(db);
  app = testApp(db, { clock: fixedClock("2026-03-20T08:00:00Z") });
  const { slots } = await (
    await app.request(`/api/slots?service=information-conseil-vae&structure=${fx.structure.id}&from=2026-03-30&to=2026-03-30`)
  ).json();
  slotKey = slots[0].key;
});
afterAll(() => db.close());

const valid = () => ({
  slotKey,
  person: { firstName: "Léa", lastName: "Durand", email: "lea@example.org" },
  noticeAccepted: true,
});
let n = 0;
const post = (body: unknown, headers: Record<string, string> = {}) =>
  app.request("/api/bookings", {
    method: "POST",
    headers: { "Content-Type": "application/json", "Idempotency-Key": `error-test-${++n}`, ...headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });

describe("POST /api/bookings refuses bad input with a French message naming the field, and writes nothing", () => {
  it.each([
    ["no slot", { ...valid(), slotKey: undefined }, "slotKey", /obligatoire/],
    ["an unknown slot key", { ...valid(), slotKey: "n'importe quoi" }, "slotKey", /Ce créneau n'existe pas/],
    [
      "no first name",
      { ...valid(), person: { lastName: "Durand", email: "lea@example.org" } },
      "person.firstName",
      /obligatoire/,
    ],
    [
      "an empty last name",
      { ...valid(), person: { firstName: "Léa", lastName: "  ", email: "lea@example.org" } },
      "person.lastName",
      /obligatoire/,
    ],
    [
      "a bad e-mail",
      { ...valid(), person: { firstName: "Léa", lastName: "Durand", email: "lea@" } },
      "person.email",
      /adresse électronique invalide/,
    ],
    [
      "no way to reach the person",
      { ...valid(), person: { firstName: "Léa", lastName: "Durand" } },
      "person.email",
      /adresse électronique ou un numéro/,
    ],
    [
      "a bad phone",
      { ...valid(), person: { firstName: "Léa", lastName: "Durand", phone: "12" } },
      "person.phone",
      /numéro de téléphone invalide/,
    ],
    [
      "a phone number of the right length that no numbering plan has",
      { ...valid(), person: { firstName: "Léa", lastName: "Durand", phone: "07 12 34 56 78" } },
      "person.phone",
      /^numéro de téléphone invalide, par exemple 06 12 34 56 78$/,
    ],
    [
      "a phone number followed by words",
      { ...valid(), person: { firstName: "Léa", lastName: "Durand", phone: "06 12 34 56 78 le soir" } },
      "person.phone",
      /numéro de téléphone invalide/,
    ],
    ["the notice not acknowledged", { ...valid(), noticeAccepted: false }, "noticeAccepted", /information sur vos données/],
    ["an unknown field (mass assignment)", { ...valid(), status: "cancelled" }, "corps", /status/],
    [
      "an unknown person field",
      { ...valid(), person: { ...valid().person, birthYear: 1990, situation: "x" } },
      "person",
      /birthYear/,
    ],
  ])("%s", async (_, body, field, message) => {
    const before = await db.prisma.appointment.count();
    const res = await post(body);
    expect(res.status).toBe(422);
    const { error } = await res.json();
    expect(error.code).toBe("VALIDATION");
    expect(error.fields[field]).toMatch(message);
    expect(await db.prisma.appointment.count()).toBe(before);
    expect(await db.prisma.person.count()).toBe(0);
  });

  it("requires an Idempotency-Key", async () => {
    const res = await app.request("/api/bookings", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(valid()),
    });
    expect(res.status).toBe(422);
    expect((await res.json()).error.fields["idempotency-key"]).toMatch(/Idempotency-Key obligatoire/);
  });

  it("answers 400 to a body that is not JSON", async () => {
    const res = await post("{pas du json");
    expect(res.status).toBe(400);
    expect((await res.json()).error.message).toMatch(/JSON valide/);
  });

  it("accepts a phone number written the French way", async () => {
    const res = await post({ ...valid(), person: { firstName: "Léa", lastName: "Durand", phone: "06 12 34 56 78" } });
    expect(res.status).toBe(201);
    expect((await db.prisma.person.findFirstOrThrow()).phone).toBe("+33612345678");
  });
});
