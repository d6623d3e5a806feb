import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { AppointmentDetails } from "../emails/appointment.ts";
import { offeringsFor } from "../prisma/seed/offerings.ts";
import { serviceBySlug } from "../prisma/seed/services.ts";
import { STRUCTURES } from "../prisma/seed/structures/index.ts";
import { newManageToken } from "../server/features/appointments/manage-token.ts";
import { sampleDetails } from "../tests/helpers/appointment-details.ts";
import { smsBooked, smsCancelled, smsMoved, smsReminder } from "./appointment-sms.ts";
import { shorten } from "./fit.ts";
import { moment, shortDay, shortTime } from "./format.ts";
import { isGsm7, toGsm7 } from "./gsm7.ts";
import { type InvitationSmsDetails, smsInvitation } from "./referral-sms.ts";
import { EXTENSION, MAX_SEGMENTS, measure, type SmsText, surelyLongerThan } from "./segments.ts";

const details = (a: Partial<AppointmentDetails> = {}) =>
  sampleDetails({ person: { firstName: "Léa", lastName: "Durand", email: null, phone: "+33612345678" }, ...a });

const invitation = (i: Partial<InvitationSmsDetails> = {}): InvitationSmsDetails => ({
  firstName: "Léa",
  from: "Mission Locale de Lille",
  to: "CIO de Lille",
  service: "Entretien d'orientation",
  url: "https://rdv.example.fr/invitation#Q2hvaXNpc3NleiB2b3RyZSByZW5kZXotdm91cyBpY2k",
  expiresAt: new Date("2026-04-14T10:00:00Z"),
  code: "ABCD-EFGH-JKMN",
  ...i,
});

/**
 * What every text must be: GSM-7 only, two segments at most, as the library counts them (once
 * more unless `recount` is false: it takes milliseconds, and the text's count is the library's).
 */
function expectSendable(sms: SmsText, recount = true) {
  expect([...sms.text].filter((c) => !isGsm7(c))).toEqual([]);
  expect(sms.encoding).toBe("GSM-7");
  expect(sms.segments, sms.text).toBeLessThanOrEqual(MAX_SEGMENTS);
  if (recount) expect(measure(sms.text), sms.text).toMatchObject({ segments: sms.segments, encoding: "GSM-7" });
}

describe("GSM-7", () => {
  it("keeps what GSM-7 has, French accents included, and writes the rest with it", () => {
    expect(toGsm7("éèàùÉÇ ÄÖÜäöüñÑ ß Øø Åå Ææ ¿¡ £¥§ @$")).toBe("éèàùÉÇ ÄÖÜäöüñÑ ß Øø Åå Ææ ¿¡ £¥§ @$");
    expect(toGsm7("être, âge, île, maïs, hôtel, dû, ça, Noël, naïve, Ève, Ça, À")).toBe(
      "etre, age, ile, mais, hotel, du, ca, Noel, naive, Eve, Ça, A",
    );
    expect(toGsm7("œuvre, Œdipe, Ÿ, ÿ, ł, ð, þ")).toBe("oeuvre, OEdipe, Y, y, l, d, th");
  });

  it("writes French typography plainly", () => {
    expect(toGsm7("« Bonjour » l’été – à 9\u00a0h\u202f: “oui”… n° 3, orienté·e — fin")).toBe(
      '"Bonjour" l\'été - à 9 h : "oui"... no 3, orienté.e - fin',
    );
  });

  it("keeps the extension table, which counts two", () => {
    expect(toGsm7("5 € [a] {b} | ^ ~ \\")).toBe("5 € [a] {b} | ^ ~ \\");
    expect(measure("€").length).toBe(2);
  });

  it("drops emoji and invisible characters, decomposes what it can, and marks the rest « ? »", () => {
    expect(toGsm7("Merci 👍🏽🇫🇷 !\u200b")).toBe("Merci  !");
    expect(toGsm7("e\u0301")).toBe("é");
    expect(toGsm7("ﬁn², Ｗ")).toBe("fin2, W");
    expect(toGsm7("中文 Ωμ")).toBe("?? Ω?");
    expect(toGsm7("a\tb\r\nc")).toBe("a b\r\nc");
  });

  it("is idempotent and only GSM-7", () => {
    const text = "« Œuvre » — ça coûte 5 € 😀 l’été…\u00a0中";
    const once = toGsm7(text);
    expect(toGsm7(once)).toBe(once);
    expect(measure(once).encoding).toBe("GSM-7");
  });
});

describe("segments", () => {
  it("counts as the network does: 160 in one, 153 a segment once split, the extension table as two", () => {
    expect(measure("a".repeat(160))).toEqual({ segments: 1, encoding: "GSM-7", length: 160 });
    expect(measure("a".repeat(161)).segments).toBe(2);
    expect(measure("a".repeat(306)).segments).toBe(2);
    expect(measure("a".repeat(307)).segments).toBe(3);
    expect(measure("€".repeat(80))).toEqual({ segments: 1, encoding: "GSM-7", length: 160 });
    expect(measure("ê".repeat(70))).toEqual({ segments: 1, encoding: "UCS-2", length: 70 });
    expect(measure("ê".repeat(71)).segments).toBe(2);
  });

  it("knows the extension table as the library does, to skip drafts surely too long at no cost", () => {
    for (const char of EXTENSION) expect(measure(char).length, char).toBe(2);
    const once = [...new Set(toGsm7("AZaz09 @£$¥èéùìòÇØøÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ!\"#¤%&'()*+,-./:;<=>?¡ÄÖÑÜ§¿äöñüà\n\r"))];
    for (const char of once) expect(measure(char).length, JSON.stringify(char)).toBe(1);
    expect(surelyLongerThan("a".repeat(306), 2)).toBe(false);
    expect(surelyLongerThan("a".repeat(307), 2)).toBe(true);
    expect(surelyLongerThan("€".repeat(153), 2)).toBe(false);
    expect(measure("€".repeat(153)).segments).toBe(3); // no escape sequence split across segments
    expect(surelyLongerThan("€".repeat(154), 2)).toBe(true);
  });

  it("cuts names with « ... »", () => {
    expect(shorten("Point Info Conseil VAE de Lille", 12)).toBe("Point Inf...");
    expect(shorten("CIO de Lille", 12)).toBe("CIO de Lille");
  });
});

describe("dates", () => {
  it("are short, local, either side of the clock changes", () => {
    expect(moment(new Date("2026-03-30T07:00:00Z"), "Europe/Paris")).toBe("lun. 30/03 à 9h");
    expect(moment(new Date("2026-03-24T08:30:00Z"), "Europe/Paris")).toBe("mar. 24/03 à 9h30");
    expect(shortTime(new Date("2026-10-24T22:05:00Z"), "Europe/Paris")).toBe("0h05");
    expect(shortDay(new Date("2026-10-24T22:05:00Z"), "Europe/Paris")).toBe("dim. 25/10");
    expect(moment(new Date("2026-03-30T07:00:00Z"), "Indian/Reunion")).toBe("lun. 30/03 à 11h");
  });
});

describe("appointment texts", () => {
  it("a confirmation says who, when, where, what to bring, and ends with the private link", () => {
    const sms = smsBooked(details());
    expect(sms.text).toBe(
      [
        "Bonjour Léa, votre RDV est confirmé : lun. 30/03 à 9h avec Point Info Conseil VAE de Lille (Information-conseil VAE).",
        "Lieu : Lille Centre, 12 rue Nationale, 59000 Lille",
        "A prévoir : Votre CV et vos justificatifs d'expérience.",
        "Déplacer ou annuler : https://rdv.example.fr/rdv/AbCdEf0123456789xyzXYZ",
      ].join("\n"),
    );
    expect(sms.segments).toBe(2);
    expectSendable(sms);
  });

  it("a site named after its structure and commune says the address only", () => {
    const sms = smsBooked(
      details({
        structure: { name: "CIBC du Hainaut", email: null, phone: null },
        site: {
          name: "CIBC du Hainaut — Valenciennes",
          address: "28 boulevard Watteau",
          postcode: "59300",
          commune: "Valenciennes",
          accessInfo: "",
        },
        service: { name: "Bilan de compétences" },
        instructions: "",
        start: new Date("2026-03-24T13:30:00Z"),
      }),
    );
    expect(sms.text).toBe(
      [
        "Bonjour Léa, votre RDV est confirmé : mar. 24/03 à 14h30 avec CIBC du Hainaut (Bilan de compétences).",
        "Lieu : 28 boulevard Watteau, 59300 Valenciennes",
        "Déplacer ou annuler : https://rdv.example.fr/rdv/AbCdEf0123456789xyzXYZ",
      ].join("\n"),
    );
    expectSendable(sms);
  });

  it("a reminder of a phone meeting says the number the advisor calls", () => {
    const sms = smsReminder(details({ mode: "phone", site: null, instructions: "" }));
    expect(sms.text).toBe(
      [
        "Bonjour Léa, rappel de votre RDV : lun. 30/03 à 9h avec Point Info Conseil VAE de Lille (Information-conseil VAE).",
        "Par téléphone : votre conseiller vous appelle au 06 12 34 56 78.",
        "Un imprévu ? Déplacer ou annuler : https://rdv.example.fr/rdv/AbCdEf0123456789xyzXYZ",
      ].join("\n"),
    );
    expectSendable(sms);
  });

  it("a move says the old and the new time; a video meeting says so", () => {
    const sms = smsMoved(details({ mode: "video", site: null, instructions: "", start: new Date("2026-10-26T13:30:00Z") }), {
      start: new Date("2026-03-30T07:00:00Z"),
    });
    expect(sms.text).toBe(
      [
        "Bonjour Léa, votre RDV du lun. 30/03 à 9h est déplacé au lun. 26/10 à 14h30 avec Point Info Conseil VAE de Lille (Information-conseil VAE).",
        "En visio : le lien de connexion vous sera envoyé.",
        "Déplacer ou annuler : https://rdv.example.fr/rdv/AbCdEf0123456789xyzXYZ",
      ].join("\n"),
    );
    expectSendable(sms);
  });

  it("a cancellation says who cancelled, and why when the structure did", () => {
    const byPerson = smsCancelled(details({ status: "cancelled" }), { by: "person", reason: null });
    expect(byPerson.text).toBe(
      [
        "Bonjour Léa, votre RDV du lun. 30/03 à 9h avec Point Info Conseil VAE de Lille (Lille Centre) est bien annulé.",
        "Prendre un nouveau RDV : https://rdv.example.fr/rdv/AbCdEf0123456789xyzXYZ",
      ].join("\n"),
    );
    const byStructure = smsCancelled(details({ status: "cancelled", mode: "phone", site: null }), {
      by: "structure",
      reason: "Conseillère absente",
    });
    expect(byStructure.text).toBe(
      [
        "Bonjour Léa, Point Info Conseil VAE de Lille a annulé votre RDV du lun. 30/03 à 9h par téléphone. Motif : Conseillère absente. Toutes nos excuses.",
        "Prendre un nouveau RDV : https://rdv.example.fr/rdv/AbCdEf0123456789xyzXYZ",
      ].join("\n"),
    );
    for (const sms of [byPerson, byStructure]) expectSendable(sms);
  });

  it("without a private link, gives the structure's phone number instead", () => {
    const sms = smsCancelled(
      details({ manageUrl: null, structure: { name: "CIO de Lille", email: null, phone: "+33320000000" } }),
      {
        by: "structure",
        reason: "Fermeture exceptionnelle du site.",
      },
    );
    expect(sms.text).toBe(
      [
        "Bonjour Léa, CIO de Lille a annulé votre RDV du lun. 30/03 à 9h (Lille Centre). Motif : Fermeture exceptionnelle du site. Toutes nos excuses.",
        "Contact : 03 20 00 00 00",
      ].join("\n"),
    );
    expect(smsBooked(details({ manageUrl: null })).text).toMatch(/\nContact : 03 53 01 00 00$/);
  });

  it("drops, when the text is too long, what to bring, then the greeting, the service, the address", () => {
    const link = "Déplacer ou annuler : https://rdv.example.fr/rdv/AbCdEf0123456789xyzXYZ";
    const site = details().site as NonNullable<AppointmentDetails["site"]>;
    const longAddress = "Bâtiment A, 3e étage, 12 rue Nationale, entrée par la cour de la médiathèque municipale";
    const longSite = "Maison de l'emploi et de la formation";
    const cases: [Partial<AppointmentDetails>, string[]][] = [
      [
        { instructions: "Apportez votre CV et une pièce d'identité. ".repeat(3) },
        [
          "Bonjour Léa, votre RDV est confirmé : lun. 30/03 à 9h avec Point Info Conseil VAE de Lille (Information-conseil VAE).",
          "Lieu : Lille Centre, 12 rue Nationale, 59000 Lille",
        ],
      ],
      [
        { site: { ...site, address: longAddress } },
        [
          "Votre RDV est confirmé : lun. 30/03 à 9h avec Point Info Conseil VAE de Lille (Information-conseil VAE).",
          "Lieu : Lille Centre, Batiment A, 3e étage, 12 rue Nationale, entrée par la cour de la médiathèque municipale, 59000 Lille",
        ],
      ],
      [
        { site: { ...site, name: longSite, address: longAddress } },
        [
          "Votre RDV est confirmé : lun. 30/03 à 9h avec Point Info Conseil VAE de Lille.",
          "Lieu : Maison de l'emploi et de la formation, Batiment A, 3e étage, 12 rue Nationale, entrée par la cour de la médiathèque municipale, 59000 Lille",
        ],
      ],
      [
        { site: { ...site, name: `${longSite} du Grand Lille`, address: `${longAddress}, à côté de la gare` } },
        [
          "Votre RDV est confirmé : lun. 30/03 à 9h avec Point Info Conseil VAE de Lille.",
          "Lieu : Maison de l'emploi et de la formation du Grand Lille",
        ],
      ],
    ];
    for (const [change, expected] of cases) {
      const sms = smsBooked(details(change));
      expect(sms.text).toBe([...expected, link].join("\n"));
      expectSendable(sms);
    }
  });
});

describe("invitation texts", () => {
  it("keep the code with a production address: the greeting and the service go first (a user trial lost it)", () => {
    const url = `https://rdv-orientation.hautsdefrance.fr/invitation#${"x".repeat(43)}`;
    const sms = smsInvitation(
      invitation({
        url,
        firstName: "Kévin",
        from: "CCAS de Roubaix",
        to: "Mission Locale de Lille",
        service: "Accueil jeunes 16-25 ans",
      }),
    );
    expect(sms.segments).toBeLessThanOrEqual(2);
    expect(sms.text).toContain("ABCD-EFGH-JKMN");
    expect(sms.text).toContain(url);
  });

  it("say who sends the person where, the link and until when, and the code", () => {
    const sms = smsInvitation(invitation());
    expect(sms.text).toBe(
      [
        "Bonjour Léa, Mission Locale de Lille vous oriente vers CIO de Lille (Entretien d'orientation).",
        "Choisissez votre RDV, jusqu'au mar. 14/04 : https://rdv.example.fr/invitation#Q2hvaXNpc3NleiB2b3RyZSByZW5kZXotdm91cyBpY2k",
        "Ou le code ABCD-EFGH-JKMN sur https://rdv.example.fr/invitation",
      ].join("\n"),
    );
    expectSendable(sms);
  });

  it("the reminder says the person has not booked yet", () => {
    const sms = smsInvitation(invitation({ code: null }), true);
    expect(sms.text).toBe(
      [
        "Bonjour Léa, vous n'avez pas encore pris RDV avec CIO de Lille (Entretien d'orientation), où vous oriente Mission Locale de Lille.",
        "Choisissez votre RDV, jusqu'au mar. 14/04 : https://rdv.example.fr/invitation#Q2hvaXNpc3NleiB2b3RyZSByZW5kZXotdm91cyBpY2k",
      ].join("\n"),
    );
    expectSendable(sms);
  });
});

// The worst cases: every demo structure, site and offering, then longer than any of them.
describe("every text fits in two segments of GSM-7", () => {
  // Links as book-slot.ts and referrals.ts make them (128 and 256 bits in base64url), on the
  // production address (the mail domain's) or, for the worst cases, a longer one.
  const PRODUCTION = "https://rdv-orientation.fr";
  const LONGER = "https://rdv-orientation.hautsdefrance.fr";
  const manageUrl = (origin = LONGER) => `${origin}/rdv/${newManageToken().token}`;
  const invitationUrl = (origin = LONGER) => `${origin}/invitation#${randomBytes(32).toString("base64url")}`;
  // 14:30 on a Wednesday: « mer. 30/09 à 14h30 », as long as a moment gets.
  const start = new Date("2026-09-30T12:30:00Z");
  const previous = { start: new Date("2026-09-23T12:45:00Z") };
  const when = "mer. 30/09 à 14h30";

  function allTexts(a: AppointmentDetails, reason: string): SmsText[] {
    return [
      smsBooked(a),
      smsReminder(a),
      smsMoved(a, previous),
      smsCancelled(a, { by: "person", reason: null }),
      smsCancelled(a, { by: "structure", reason }),
    ];
  }

  /** Sendable, the date and time there, the link whole at the end. */
  function expectComplete(sms: SmsText, link: string, recount = true) {
    expectSendable(sms, recount);
    expect(sms.text).toContain(when);
    expect(sms.text.endsWith(`: ${link}`), sms.text).toBe(true);
  }

  it("with the demo's structures, sites, services and what to bring: names and places whole", () => {
    // The longest of the texts about a meeting to come is the move's (two dates); the
    // cancellation carries the reason an advisor's changed hours give. Only the site of a
    // meeting on site tells texts apart, and the library takes milliseconds a text: these two.
    let count = 0;
    for (const structure of STRUCTURES) {
      for (const offering of offeringsFor(structure.network, structure.offerings)) {
        const service = { name: serviceBySlug.get(offering.serviceSlug)?.name ?? "" };
        for (const mode of offering.modes) {
          for (const site of mode === "onsite" ? structure.sites : [null]) {
            const url = manageUrl(PRODUCTION);
            const a = details({
              start,
              mode,
              service,
              structure: { name: structure.name, email: null, phone: null },
              site: site && { ...site, accessInfo: site.access },
              person: { firstName: "Marie-Bénédicte", lastName: "Lefèvre", email: null, phone: "+262692123456" },
              instructions: offering.instructions,
              manageUrl: url,
            });
            const texts = [
              smsMoved(a, previous),
              smsCancelled(a, { by: "structure", reason: "Le conseiller n'est plus disponible à cette heure." }),
            ];
            for (const sms of texts) {
              expectComplete(sms, url, false);
              expect(sms.text).not.toContain("...");
              expect(sms.text).toContain(toGsm7(structure.name));
              count++;
            }
            if (site) expect(texts[0]?.text).toContain(toGsm7(`${site.address}, ${site.postcode} ${site.commune}`));
          }
        }
        const url = invitationUrl(PRODUCTION);
        const sms = smsInvitation(
          invitation({ from: "Référents RSA — Département du Nord, UTPAS de Lille", to: structure.name, url }),
        );
        expectSendable(sms, false);
        expect(sms.text).toContain(url);
        expect(sms.text).not.toContain("...");
      }
    }
    expect(count).toBeGreaterThan(800);
  });

  // 60 characters, with accents and the extension table (whose characters count two).
  const name60 = "Établissement {Orientation} [Hauts-de-France] | Métiers € ~ô";
  const address120 =
    "Bâtiment « Les Érables », 3e étage, porte 312, 123 avenue du Maréchal de Lattre de Tassigny, zone d'activités du Château";
  const instructions300 = "Apportez une pièce d'identité, votre CV à jour, vos diplômes, ".repeat(5).slice(0, 300);
  const reason500 = "La conseillère est absente pour une durée indéterminée ; nous vous rappellerons. ".repeat(7).slice(0, 500);
  const worst = (a: Partial<AppointmentDetails> = {}) =>
    details({
      start,
      service: { name: name60 },
      structure: { name: name60, email: null, phone: "+32470123456" },
      site: {
        name: name60,
        address: address120,
        postcode: "97411",
        // France's longest commune name.
        commune: "Saint-Rémy-en-Bouzemont-Saint-Genest-et-Isson",
        accessInfo: "",
      },
      person: { firstName: name60, lastName: name60, email: null, phone: "+32470123456" },
      instructions: instructions300,
      ...a,
    });

  it("with names of 60 characters, an address of 120, what to bring in 300, a reason in 500", () => {
    expect([name60.length, address120.length, instructions300.length, reason500.length]).toEqual([60, 120, 300, 500]);
    for (const mode of ["onsite", "phone", "video"] as const) {
      const url = manageUrl();
      const a = worst({ mode, manageUrl: url, ...(mode === "onsite" ? {} : { site: null }) });
      for (const sms of allTexts(a, reason500)) expectComplete(sms, url);
      const noLink = smsCancelled({ ...a, manageUrl: null }, { by: "structure", reason: reason500 });
      expectSendable(noLink);
      expect(noLink.text).toMatch(/\nContact : \+32 470 12 34 56$/);
    }
    const url = invitationUrl();
    for (const reminder of [false, true]) {
      const sms = smsInvitation(invitation({ firstName: name60, from: name60, to: name60, service: name60, url }), reminder);
      expectSendable(sms);
      expect(sms.text).toContain(`jusqu'au mar. 14/04 : ${url}`);
    }
  });

  it("cuts names short rather than the date or the link", () => {
    const url = manageUrl();
    const long = `${name60} ${name60}`;
    const a = worst({ manageUrl: url, structure: { name: long, email: null, phone: null }, site: null, mode: "phone" });
    const sms = smsMoved(a, previous);
    expect(sms.text).toBe(
      [
        `Votre RDV du mer. 23/09 à 14h45 est déplacé au ${when} avec Établissement {Orientation} [Hauts-de-France] | Métiers € ~o...`,
        "Par téléphone : votre conseiller vous appelle.",
        `Déplacer ou annuler : ${url}`,
      ].join("\n"),
    );
    expectSendable(sms);
  });
});
