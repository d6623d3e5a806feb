import { describe, expect, it } from "vitest";
import { messageOf } from "../helpers/app.ts";
import { useReferrals } from "../helpers/referrals.ts";

// The referral inbox that speaks up: the count of referrals waiting for an answer, the target's
// shared address told of each new one (when it asks), the partner's list searched and filtered,
// a declined referral sent elsewhere without typing the person again, and the structures near
// the person's commune offered first.
const { env, send, at, refer, detail, post } = useReferrals();

const pending = async (cookie: string) =>
  (await send("GET", "/referrals/pending", cookie)).body as { received: number; sent: number };

describe("the count of referrals waiting for an answer", () => {
  it("goes up with a new referral and down once it is answered, for the target and for the sender", async () => {
    const before = await pending(env.fx.cookies.reception);
    const sentBefore = await pending(env.fx.cookies.referrer);
    const id = await refer();
    expect(await pending(env.fx.cookies.reception)).toMatchObject({ received: before.received + 1 });
    expect(await pending(env.fx.cookies.referrer)).toEqual({ received: 0, sent: sentBefore.sent + 1 });
    expect((await post(`/referrals/${id}/accept`, env.fx.cookies.reception)).status).toBe(200);
    expect(await pending(env.fx.cookies.reception)).toMatchObject({ received: before.received });
    expect(await pending(env.fx.cookies.referrer)).toMatchObject({ sent: sentBefore.sent });
  });

  it("counts only the user's structures", async () => {
    await refer();
    // The CIO of Roubaix receives nothing: its advisor's inbox is empty.
    expect(await pending(env.fx.cookies.sharedAdvisor)).toMatchObject({ received: expect.any(Number) });
    const cio = await send("GET", "/referrals/pending", `rdv-session=${await openFor(env.fx.otherAdvisor.id)}`);
    expect(cio.body).toEqual({ received: 0, sent: 0 });
    expect((await send("GET", "/referrals/pending", env.fx.cookies.coordinator)).status).toBe(403);
  });
});

async function openFor(userId: string) {
  const { openSession } = await import("../../server/auth/sessions.ts");
  return openSession(env.db, userId, new Date("2026-10-26T08:00:00Z"));
}

describe("the target structure told of a new referral", () => {
  const patch = (body: object) => send("PATCH", `/admin/structures/${env.fx.structure.id}`, env.fx.cookies.structureAdmin, body);
  const told = (id: string) => env.db.prisma.outboxMessage.findMany({ where: { referralId: id, type: "referral.received" } });

  it("is not, until its admin asks for it", async () => {
    expect(await told(await refer())).toEqual([]);
  });

  it("is, at its shared address, with who sends it and a link, and nothing of the person", async () => {
    expect((await patch({ inboxAlert: true, inboxEmail: "accueil@pic-vae-lille.test" })).status).toBe(200);
    const structure = (await send("GET", `/admin/structures/${env.fx.structure.id}`, env.fx.cookies.structureAdmin)).body
      .structure;
    expect(structure).toMatchObject({ inboxAlert: true, inboxEmail: "accueil@pic-vae-lille.test" });
    const id = await refer();
    const [row, ...more] = await told(id);
    expect(more).toEqual([]);
    expect([row?.recipient, row?.status, row?.dueAt.toISOString()]).toEqual([
      "accueil@pic-vae-lille.test",
      "pending",
      "2026-10-26T08:00:00.000Z",
    ]);
    const email = messageOf(row as { payload: unknown });
    expect(email.subject).toBe("Nouvelle orientation reçue de CCAS de Roubaix");
    expect(email.text).toContain(`/espace/orientations/${id}`);
    for (const personal of ["Nadia", "Benamar", "nadia.benamar", "06 12", "Aide-soignante"]) {
      expect(`${email.subject} ${email.text} ${email.html}`).not.toContain(personal);
    }
  });

  it("needs an address to be told at", async () => {
    const refused = await patch({ inboxEmail: null });
    expect(refused.status).toBe(422);
    expect(refused.body.error.fields.inboxEmail).toMatch(/adresse/);
    expect((await patch({ inboxAlert: false, inboxEmail: null })).status).toBe(200);
    expect(await told(await refer())).toEqual([]);
  });
});

describe("the partner's list", () => {
  const list = async (query: string) =>
    (await send("GET", `/referrals?box=sent&${query}`, env.fx.cookies.referrer)).body as {
      referrals: { id: string; status: string; person: { lastName: string } }[];
      total: number;
      page: number;
      pages: number;
      pageSize: number;
    };
  const person = (lastName: string) => ({
    person: { firstName: "Idriss", lastName, phone: "0612345678" },
  });

  it("finds a person by name, whatever the case and the order of the words", async () => {
    const id = await refer(person("Zerrouki"));
    const found = await list("q=idriss%20ZERR");
    expect(found.referrals.map((r) => r.id)).toEqual([id]);
    expect(found.total).toBe(1);
    expect((await list("q=Personne%20Inconnue")).referrals).toEqual([]);
  });

  it("filters by status: « en attente de réponse » is what the target has not answered yet", async () => {
    const waiting = await refer(person("Attente"));
    const accepted = await refer(person("Acceptee"));
    await post(`/referrals/${accepted}/accept`, env.fx.cookies.reception);
    const sent = await list("status=sent&q=Idriss");
    expect(sent.referrals.map((r) => r.id)).toContain(waiting);
    expect(sent.referrals.map((r) => r.id)).not.toContain(accepted);
    expect(sent.referrals.every((r) => r.status === "sent")).toBe(true);
    expect((await list("status=accepted&q=Acceptee")).referrals.map((r) => r.id)).toEqual([accepted]);
    const bad = await send("GET", "/referrals?box=sent&status=lost", env.fx.cookies.referrer);
    expect([bad.status, Object.keys(bad.body.error.fields)]).toEqual([422, ["status"]]);
  });

  it("comes by pages of 20, the latest first", async () => {
    const letters = "ABCDEFGHIJKLMNOPQRSTU";
    try {
      for (const [minute, letter] of [...letters].entries()) {
        at(`2026-10-26T08:${String(minute).padStart(2, "0")}:00Z`);
        await refer(person(`Page${letter}`));
      }
    } finally {
      at("2026-10-26T08:00:00Z");
    }
    const first = await list("q=Page");
    expect([first.total, first.pages, first.pageSize, first.referrals.length]).toEqual([21, 2, 20, 20]);
    expect(first.referrals[0]?.person.lastName).toBe("PageU");
    const second = await list("q=Page&page=2");
    expect(second.referrals.map((r) => r.person.lastName)).toEqual(["PageA"]);
    // A page past the end gives the last one.
    expect((await list("q=Page&page=9")).page).toBe(2);
    const bad = await send("GET", "/referrals?box=sent&page=0", env.fx.cookies.referrer);
    expect(bad.status).toBe(422);
  });
});

describe("a declined referral", () => {
  async function declined() {
    const id = await refer({ person: { firstName: "Nadia", lastName: "Benamar", phone: "0612345678", commune: "59512" } });
    const answer = await post(`/referrals/${id}/decline`, env.fx.cookies.reception, { reason: "Pas de créneau avant mars." });
    expect(answer.status).toBe(200);
    return id;
  }
  const cibc = () => env.db.prisma.structure.findUniqueOrThrow({ where: { slug: "cibc-lille" } });

  it("is re-addressed by its referrer to another structure, for the same person, linked to it", async () => {
    const id = await declined();
    expect((await detail(id)).body.referral.can.readdress).toBe(true);
    const target = await cibc();
    const again = await post(`/referrals/${id}/readdress`, env.fx.cookies.referrer, { toStructureId: target.id });
    expect(again.status).toBe(201);
    const next = (await detail(again.body.id)).body.referral;
    const first = (await detail(id)).body.referral;
    expect(next).toMatchObject({
      status: "sent",
      from: { name: "CCAS de Roubaix" },
      to: { name: "CIBC de Lille" },
      service: { id: env.fx.services.vae.id },
      need: first.need,
      person: { id: first.person.id, firstName: "Nadia", commune: { code: "59512", name: "Roubaix" } },
      readdressedFrom: { id, structure: "Point Info Conseil VAE de Lille" },
    });
    expect(first).toMatchObject({ status: "declined", readdressedTo: { id: again.body.id, structure: "CIBC de Lille" } });
    expect(first.can.readdress).toBe(false);
    const twice = await post(`/referrals/${id}/readdress`, env.fx.cookies.referrer, { toStructureId: target.id });
    expect([twice.status, twice.body.error.message]).toEqual([409, expect.stringMatching(/déjà été adressée/)]);
  });

  it("is re-addressed neither by the structure that declined it, nor to it, nor before a refusal", async () => {
    const id = await declined();
    const byTarget = await post(`/referrals/${id}/readdress`, env.fx.cookies.reception, { toStructureId: (await cibc()).id });
    expect(byTarget.status).toBe(403);
    const toDecliner = await post(`/referrals/${id}/readdress`, env.fx.cookies.referrer, { toStructureId: env.fx.structure.id });
    expect([toDecliner.status, Object.keys(toDecliner.body.error.fields)]).toEqual([422, ["toStructureId"]]);
    const waiting = await refer();
    const early = await post(`/referrals/${waiting}/readdress`, env.fx.cookies.referrer, { toStructureId: (await cibc()).id });
    expect([early.status, early.body.error.message]).toEqual([409, expect.stringMatching(/attend la réponse/)]);
  });
});

describe("where to send the person", () => {
  it("lists the structures near the person's commune first, then the others A–Z", async () => {
    // A PIC in Roubaix, which A–Z would list after the CIBC of Lille.
    const network = await env.db.prisma.network.findUniqueOrThrow({ where: { slug: "pic-vae" } });
    await env.db.prisma.structure.create({
      data: {
        slug: "pic-vae-roubaix",
        name: "Point Info Conseil VAE de Roubaix",
        networkId: network.id,
        communes: { create: [{ communeCode: "59512" }] },
        sites: { create: [{ name: "Roubaix", address: "2 rue du Château", postcode: "59100", communeCode: "59512" }] },
        offerings: { create: [{ serviceId: env.fx.services.vae.id, durationMinutes: 45, modes: ["onsite"] }] },
      },
    });
    const fromRoubaix = await refer({
      person: { firstName: "Nadia", lastName: "Benamar", phone: "0612345678", commune: "59512" },
    });
    const targets = async (id: string, cookie: string) =>
      (await send("GET", `/referrals/${id}/targets?service=${env.fx.services.vae.id}`, cookie)).body;
    // The target redirecting: itself left out.
    const forTarget = await targets(fromRoubaix, env.fx.cookies.reception);
    expect(forTarget.commune).toEqual({ code: "59512", name: "Roubaix" });
    expect(forTarget.structures.map((s: { name: string }) => s.name)).toEqual([
      "Point Info Conseil VAE de Roubaix",
      "CIBC de Lille",
    ]);
    expect(forTarget.structures[0].closeness).toMatchObject({ nearness: "commune" });
    // Without a commune: A–Z.
    const anywhere = await refer();
    expect((await targets(anywhere, env.fx.cookies.reception)).structures.map((s: { name: string }) => s.name)).toEqual([
      "CIBC de Lille",
      "Point Info Conseil VAE de Roubaix",
    ]);
    // Nearest first in kilometres, across a département line: Lens (Pas-de-Calais, 38 km from
    // Roubaix) before Dunkerque (Nord, 68 km), as the dialog says.
    const at = { "59512": [50.6942, 3.1746], "59350": [50.6292, 3.0573] } as const;
    for (const [code, [latitude, longitude]] of Object.entries(at))
      await env.db.prisma.commune.update({ where: { code }, data: { latitude, longitude } });
    for (const [slug, name, code, departmentCode, latitude, longitude] of [
      ["pic-vae-lens", "Point Info Conseil VAE de Lens", "62498", "62", 50.432, 2.8333],
      ["pic-vae-dunkerque", "Point Info Conseil VAE de Dunkerque", "59183", "59", 51.0343, 2.3768],
    ] as const) {
      await env.db.prisma.commune.create({
        data: { code, name: name.split(" de ")[1] as string, departmentCode, latitude, longitude },
      });
      await env.db.prisma.structure.create({
        data: {
          slug,
          name,
          networkId: network.id,
          communes: { create: [{ communeCode: code }] },
          sites: {
            create: [{ name: code, address: "1 rue de la Gare", postcode: "00000", communeCode: code, latitude, longitude }],
          },
          offerings: { create: [{ serviceId: env.fx.services.vae.id, durationMinutes: 45, modes: ["onsite"] }] },
        },
      });
    }
    expect((await targets(fromRoubaix, env.fx.cookies.reception)).structures.map((s: { name: string }) => s.name)).toEqual([
      "Point Info Conseil VAE de Roubaix",
      "CIBC de Lille",
      "Point Info Conseil VAE de Lens",
      "Point Info Conseil VAE de Dunkerque",
    ]);
    // Another structure's referral: not found.
    const cio = `rdv-session=${await openFor(env.fx.otherAdvisor.id)}`;
    expect((await send("GET", `/referrals/${fromRoubaix}/targets?service=${env.fx.services.vae.id}`, cio)).status).toBe(404);
  });
});
