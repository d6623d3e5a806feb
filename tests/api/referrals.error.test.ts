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

  it("sends no SMS invitation without a mobile that takes them, naming the field, and writes nothing", async () => {
    const cases = [
      [{ email: "nadia.benamar@example.org" }, "La personne n'a pas de numéro de mobile : imprimez le code."],
      [{ phone: "03 20 11 22 33" }, "La personne n'a pas de numéro de mobile : imprimez le code."],
      [{ phone: "06 12 34 56 78", smsReminders: false }, "La personne a refusé les SMS : imprimez le code."],
    ] as const;
    for (const [contact, message] of cases) {
      const id = await refer({ person: { firstName: "Nadia", lastName: "Benamar", ...contact } });
      expect((await send("GET", `/referrals/${id}`, env.fx.cookies.referrer)).body.referral.person.textable).toBe(false);
      const refused = await post(`/referrals/${id}/invitation`, env.fx.cookies.referrer, { email: false, sms: true });
      expect([refused.status, refused.body.error.fields]).toEqual([422, { sms: message }]);
      expect(await env.db.prisma.outboxMessage.count({ where: { referralId: id } })).toBe(0);
      expect(await kinds(id)).toEqual(["created"]);
    }
    // Neither way there: both fields named.
    const none = await refer({ person: { firstName: "Nadia", lastName: "Benamar", phone: "03 20 11 22 33" } });
    const both = await post(`/referrals/${none}/invitation`, env.fx.cookies.referrer, { email: true, sms: true });
    expect(Object.keys(both.body.error.fields).sort()).toEqual(["email", "sms"]);
    const typed = await post(`/referrals/${none}/invitation`, env.fx.cookies.referrer, { email: false, sms: "oui" });
    expect([typed.status, Object.keys(typed.body.error.fields)]).toEqual([422, ["sms"]]);
    expect(typed.body.error.fields.sms).toMatch(/vrai ou faux/);
  });
});
