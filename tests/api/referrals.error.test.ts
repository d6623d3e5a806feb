import { describe, expect, it } from "vitest";
import { useReferrals } from "../helpers/referrals.ts";

// What a referral refuses, and how it says so: in French, naming the field.
const { env, send, refer, post, kinds } = useReferrals();

describe("a referral", () => {
  it("needs the person's agreement, a SPRO target offering the service, and says so in French", async () => {
    const base = {
      fromStructureId: env.fx.partner.id,
      toStructureId: env.fx.structure.id,
      serviceId: env.fx.services.vae.id,
      person: { firstName: "Nadia", lastName: "Benamar" },
      need: "VAE",
    };
    const noConsent = await send("POST", "/referrals", env.fx.cookies.referrer, base);
    expect(noConsent.status).toBe(422);
    expect(noConsent.body.error.fields.consent).toMatch(/accord de la personne/);
    const wrongService = await send("POST", "/referrals", env.fx.cookies.referrer, {
      ...base,
      consent: true,
      serviceId: env.fx.services.cep.id,
    });
    expect(wrongService.body.error.fields.serviceId).toMatch(/n'offre pas ce service/);
    const extra = await send("POST", "/referrals", env.fx.cookies.referrer, { ...base, consent: true, status: "booked" });
    expect(extra.status).toBe(422);
    expect(await env.db.prisma.referral.count()).toBe(0);
  });

  it("is not declined without a reason, and once declined allows no invitation, saying why", async () => {
    const id = await refer();
    const noReason = await post(`/referrals/${id}/decline`, env.fx.cookies.reception, { reason: " " });
    expect(noReason.status).toBe(422);
    expect(noReason.body.error.fields.reason).toMatch(/motif/i);
    expect(await kinds(id)).toEqual(["created"]);
    await post(`/referrals/${id}/decline`, env.fx.cookies.advisor, { reason: "Expérience hors du champ VAE." });
    const late = await post(`/referrals/${id}/invitation`, env.fx.cookies.referrer, { email: false });
    expect([late.status, late.body.error.message]).toEqual([409, "Cette orientation a été refusée."]);
    expect(await kinds(id)).toEqual(["created", "declined"]);
  });
});
