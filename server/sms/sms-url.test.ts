import { describe, expect, it } from "vitest";
import { readSmsUrl } from "./sms-url.ts";

const target = (url: string) => {
  const read = readSmsUrl(url);
  if (!read.ok) throw new Error(read.problem);
  return read.target;
};
const problem = (url: string) => {
  const read = readSmsUrl(url);
  if (read.ok) throw new Error("the address was accepted");
  return read.problem;
};

describe("SMS_URL", () => {
  it("reads Brevo's key, sender and endpoint (HTTPS)", () => {
    expect(target("brevo://xkeysib-0123abcd-XyZ@api.brevo.com?sender=RDVOrient")).toEqual({
      endpoint: "https://api.brevo.com/v3/transactionalSMS/send",
      apiKey: "xkeysib-0123abcd-XyZ",
      sender: "RDVOrient",
    });
  });

  it("posts in clear to a stand-in on this machine, keeping its port and a path before Brevo's", () => {
    expect(target("brevo+http://KEY@127.0.0.1:8025?sender=RDVOrient").endpoint).toBe(
      "http://127.0.0.1:8025/v3/transactionalSMS/send",
    );
    expect(target("brevo+http://KEY@localhost:8025/brevo/?sender=RDVOrient").endpoint).toBe(
      "http://localhost:8025/brevo/v3/transactionalSMS/send",
    );
    expect(target("brevo+http://KEY@[::1]:8025?sender=RDVOrient").endpoint).toBe("http://[::1]:8025/v3/transactionalSMS/send");
  });

  it("takes a key written percent-encoded, and a sender of digits only", () => {
    expect(target("brevo://a%2Bb@api.brevo.com?sender=33612345678").apiKey).toBe("a+b");
    expect(target("brevo://KEY@api.brevo.com?sender=33612345678").sender).toBe("33612345678");
  });

  it.each([
    ["api.brevo.com", /^doit être de la forme brevo:\/\//],
    ["https://KEY@api.brevo.com?sender=RDVOrient", /^doit commencer par brevo:\/\//],
    ["brevo+http://KEY@api.brevo.com?sender=RDVOrient", /^ne peut être en clair/],
    ["brevo://api.brevo.com?sender=RDVOrient", /^doit porter la clé API/],
    ["brevo://user:KEY@api.brevo.com?sender=RDVOrient", /^doit porter la clé API/],
    ["brevo://%ZZ@api.brevo.com?sender=RDVOrient", /^doit porter la clé API/],
    ["brevo://KEY@api.brevo.com", /^doit nommer l'expéditeur/],
    ["brevo://KEY@api.brevo.com?sender=RD", /^doit nommer l'expéditeur/],
    ["brevo://KEY@api.brevo.com?sender=RDVOrientation", /^doit nommer l'expéditeur/],
    ["brevo://KEY@api.brevo.com?sender=RDV%20Orient", /^doit nommer l'expéditeur/],
    ["brevo://KEY@api.brevo.com?sender=RDVOrient&tag=rdv", /^ne prend que le paramètre sender \(reçu : « tag »\)$/],
  ])("refuses %s", (url, expected) => {
    expect(problem(url)).toMatch(expected);
  });
});
