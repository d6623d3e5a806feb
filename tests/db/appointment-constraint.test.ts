import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../server/db/database.ts";
import { isExclusionViolation, sqlState } from "../../server/db/errors.ts";
import { createTestDatabase } from "../helpers/db.ts";
import { atFixture, smallDirectory } from "../helpers/fixtures.ts";

let db: Database;
let fx: Awaited<ReturnType<typeof smallDirectory>>;
let personId: string;
beforeAll(async () => {
  db = await createTestDatabase();
  fx = await smallDirectory(db);
  personId = (await db.prisma.person.create({ data: { firstName: "Léa", lastName: "Durand", email: "lea@example.org" } })).id;
});
afterAll(() => db.close());

const at = (hhmm: string) => new Date(`2026-03-24T${hhmm}:00+01:00`);
const book = (start: string, end: string, extra: { sessionKey?: string; status?: "booked" | "cancelled" } = {}) =>
  db.prisma.appointment.create({
    data: {
      ...atFixture(fx),
      personId,
      startsAt: at(start),
      endsAt: at(end),
      channel: "online",
      ...extra,
    },
  });

describe("the database never books an advisor twice", () => {
  it("rejects an overlapping appointment with SQLSTATE 23P01", async () => {
    await book("09:00", "09:45");
    const error = await book("09:30", "10:15").catch((e: unknown) => e);
    expect(sqlState(error)).toBe("23P01");
    expect(isExclusionViolation(error)).toBe(true);
    expect(await db.prisma.appointment.count({ where: { startsAt: at("09:30") } })).toBe(0);
  });

  it("accepts back-to-back appointments (half-open ranges)", async () => {
    await expect(book("09:45", "10:30")).resolves.toMatchObject({ status: "booked" });
  });

  it("ignores cancelled appointments", async () => {
    await book("11:00", "11:45", { status: "cancelled" });
    await expect(book("11:00", "11:45")).resolves.toMatchObject({ status: "booked" });
  });

  it("lets the seats of one collective session overlap, and nothing else", async () => {
    await book("14:00", "16:00", { sessionKey: "vae-collective-2026-03-24T14" });
    await book("14:00", "16:00", { sessionKey: "vae-collective-2026-03-24T14" });
    const other = await book("15:00", "15:45").catch((e: unknown) => e);
    expect(isExclusionViolation(other)).toBe(true);
    const otherSession = await book("15:30", "17:30", { sessionKey: "another-session" }).catch((e: unknown) => e);
    expect(isExclusionViolation(otherSession)).toBe(true);
  });

  it("refuses an appointment that ends before it starts", async () => {
    const error = await book("18:00", "17:00").catch((e: unknown) => e);
    expect(sqlState(error)).toBe("23514");
  });
});
