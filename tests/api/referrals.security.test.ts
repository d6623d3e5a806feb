import { describe, expect, it } from "vitest";
import { openSession } from "../../server/auth/sessions.ts";
import { useReferrals } from "../helpers/referrals.ts";

// Who may make, see and answer a referral: the referrer's organisation and the target only,
// each for its own part.
const { clock, env, send, refer, detail, post, kinds } = useReferrals();

describe("who sees a referral", () => {
  it("the referrer's organisation and the target only", async () => {
    const id = await refer();
    const otherAdvisor = `rdv-session=${await openSession(env.db, env.fx.otherAdvisor.id, clock.now())}`;
    expect((await detail(id, otherAdvisor)).status).toBe(404);
    expect((await detail(id, env.fx.cookies.regionalAdmin)).status).toBe(403);
    expect((await detail(id, env.fx.cookies.reception)).status).toBe(200);
    const received = await send("GET", "/referrals?box=received", env.fx.cookies.reception);
    expect(received.body.referrals.map((r: { id: string }) => r.id)).toContain(id);
    const sentByOthers = await send("GET", "/referrals?box=sent", otherAdvisor);
    expect(sentByOthers.body.referrals.map((r: { id: string }) => r.id)).not.toContain(id);
    const receivedByPartner = await send("GET", "/referrals?box=received", env.fx.cookies.referrer);
    expect(receivedByPartner.body.referrals).toEqual([]);
    expect((await send("GET", `/referrals?box=sent&structure=${env.fx.structure.id}`, env.fx.cookies.referrer)).status).toBe(404);
    expect((await env.app.request("/api/invitations/AAAA-BBBB-CCCC")).status).toBe(404);
  });
});

describe("who answers a referral", () => {
  it("not a referrer for a structure they do not work for", async () => {
    const before = await env.db.prisma.referral.count();
    const toPartner = await send("POST", "/referrals", env.fx.cookies.referrer, {
      fromStructureId: env.fx.structure.id,
      toStructureId: env.fx.other.id,
      serviceId: env.fx.services.vae.id,
      person: { firstName: "Nadia", lastName: "Benamar" },
      need: "VAE",
      consent: true,
    });
    expect(toPartner.status).toBe(404); // the referrer does not work for the PIC VAE
    expect(await env.db.prisma.referral.count()).toBe(before);
  });

  it("the target, never the referrer: neither accept nor decline, even after a redirection", async () => {
    const id = await refer();
    expect((await post(`/referrals/${id}/decline`, env.fx.cookies.referrer, { reason: "x" })).status).toBe(403);
    expect((await post(`/referrals/${id}/accept`, env.fx.cookies.referrer)).status).toBe(403);
    expect(await kinds(id)).toEqual(["created"]);
    const next = await post(`/referrals/${id}/redirect`, env.fx.cookies.structureAdmin, {
      toStructureId: env.fx.other.id,
      serviceId: env.fx.services.cep.id,
      reason: "Un conseil en évolution professionnelle d'abord.",
    });
    expect((await post(`/referrals/${next.body.id}/accept`, env.fx.cookies.referrer)).status).toBe(403);
    expect((await detail(next.body.id)).body.referral.status).toBe("sent");
  });
});
