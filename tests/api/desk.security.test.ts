import { describe, expect, it } from "vitest";
import { encodeSlotKey } from "../../server/features/slots/slot-key.ts";
import { useDesk } from "../helpers/desk.ts";

// What the reception desk must not see or do outside its structure, and what no one outside it
// may do at its desk; its searches take what was typed as text, never as a pattern.
const { env, send, book, deskSlots, confirm, outsider, walkIn } = useDesk();

describe("the reception desk, kept to its structure", () => {
  it("lists elsewhere only the structures with an offering open to staff, and outsiders see nothing of its own", async () => {
    await env.db.prisma.offering.updateMany({ where: { structureId: env.fx.other.id }, data: { bookableBy: "referral" } });
    const closed = await send("GET", "/desk/structures", env.fx.cookies.reception);
    expect(closed.body.structures.map((s: { id: string }) => s.id)).not.toContain(env.fx.other.id);
    await env.db.prisma.offering.updateMany({ where: { structureId: env.fx.other.id }, data: { bookableBy: "public" } });
    await env.db.prisma.offering.update({ where: { id: env.fx.offering.id }, data: { bookableBy: "referral" } });
    const elsewhere = await send("GET", `/desk/offerings?structure=${env.fx.structure.id}`, await outsider());
    expect(elsewhere.body.structure.offerings.map((o: { id: string }) => o.id)).not.toContain(env.fx.offering.id);
    await env.db.prisma.offering.update({ where: { id: env.fx.offering.id }, data: { bookableBy: "public" } });
  });

  it("finds no one in another structure's people", async () => {
    const [slot] = (await deskSlots(`offering=${env.fx.offering.id}`)).body.slots;
    expect(
      (await book(env.fx.cookies.reception, { slotKey: slot.key, person: { firstName: "Karim", lastName: "Benali" } })).status,
    ).toBe(201);
    const own = await send("GET", `/desk/people?structure=${env.fx.structure.id}&q=Benali`, env.fx.cookies.reception);
    expect(own.body.people).toHaveLength(1);
    const elsewhere = await send("GET", `/desk/people?structure=${env.fx.other.id}&q=Benali`, env.fx.cookies.reception);
    expect(elsewhere.status).toBe(404);
    expect(elsewhere.body.people).toBeUndefined();
  });

  it("finds people by what was typed, « % » and « _ » included, not as wildcards", async () => {
    const [slot] = (await deskSlots(`offering=${env.fx.offering.id}&from=2026-11-02`)).body.slots;
    const booked = await book(env.fx.cookies.reception, {
      slotKey: slot.key,
      person: { firstName: "Jean", lastName: "Dupont", email: "jean_dupont@example.org" },
    });
    expect(booked.status).toBe(201);
    const search = async (q: string) =>
      (
        await send("GET", `/desk/people?structure=${env.fx.structure.id}&q=${encodeURIComponent(q)}`, env.fx.cookies.reception)
      ).body.people.map((p: { lastName: string }) => p.lastName);
    expect(await search("n_d")).toEqual(["Dupont"]);
    for (const wildcard of ["%%", "__", "n%d", "jean_d_pont"]) expect(await search(wildcard), wildcard).toEqual([]);
    const users = await send("GET", "/admin/users?q=%25", env.fx.cookies.regionalAdmin);
    expect(users.body.users).toEqual([]);
  });

  it("lets staff of another structure confirm a meeting only while they hold its private link", async () => {
    const { id, token } = await walkIn("2026-11-04");
    // Sent again without the link: a new one, which the outsider below is given.
    const renewed = ((await confirm(id, { email: "sami.diallo@example.org" })).body.manageUrl as string).split("/rdv/")[1];
    const stranger = await outsider();
    expect((await confirm(id, {}, stranger)).status).toBe(404);
    // Even the one who booked it there, once they no longer hold its link.
    await env.db.prisma.appointment.update({ where: { id }, data: { bookedById: env.fx.otherAdvisor.id } });
    expect((await confirm(id, { manageToken: token }, stranger)).status).toBe(404);
    expect((await confirm(id, { manageToken: renewed }, stranger)).status).toBe(200);
  });

  it("refuses the slots of an offering closed to staff, and the desk to a referrer", async () => {
    const appointments = await env.db.prisma.appointment.count();
    await env.db.prisma.offering.update({ where: { id: env.fx.other.offerings[0]?.id }, data: { bookableBy: "referral" } });
    expect((await deskSlots(`offering=${env.fx.other.offerings[0]?.id}`)).status).toBe(403);
    const key = encodeSlotKey({
      offeringId: env.fx.offering.id,
      advisorId: env.fx.advisor.id,
      siteId: null,
      mode: "phone",
      start: new Date("2026-11-03T09:00:00Z"),
    });
    expect((await book(env.fx.cookies.referrer, { slotKey: key, person: { firstName: "A", lastName: "B" } })).status).toBe(403);
    expect(await env.db.prisma.appointment.count()).toBe(appointments);
  });
});
