import fc from "fast-check";
import { describe, expect, it } from "vitest";
// The server's own schema: the form must refuse exactly what the API refuses.
import { parsePhone } from "../../../../server/domain/phone.ts";
import { CreateBookingInput } from "../../../../server/features/bookings/schemas.ts";
import { propertyRuns } from "../../../../tests/helpers/property-runs.ts";
import { bookingInput, checkDetails, checkInvitedDetails, type Details, emptyDetails, serverErrors, smsTo } from "./details.ts";

const LILLE = { code: "59350", name: "Lille", postcodes: ["59000", "59160", "59260", "59777", "59800"], departmentCode: "59" };
const valid: Details = {
  ...emptyDetails(LILLE),
  firstName: "Léa",
  lastName: "Durand-Lefèvre",
  email: "lea.durand@exemple.fr",
  phone: "",
  noticeAccepted: true,
};

describe("the details form's checks", () => {
  it("accept a complete form, with an e-mail or a phone number", () => {
    expect(checkDetails(valid)).toEqual({});
    expect(checkDetails({ ...valid, email: "", phone: "06 12 34 56 78" })).toEqual({});
    expect(checkDetails({ ...valid, phone: "+33 6.12.34.56.78" })).toEqual({});
    expect(checkDetails({ ...valid, phone: "+33 (0)6 12 34 56 78" })).toEqual({});
    expect(checkDetails({ ...valid, phone: "0692 12 34 56" })).toEqual({});
    expect(checkDetails({ ...valid, phone: "+32 470 12 34 56" })).toEqual({});
  });

  it("name each missing or wrong field, saying how to put it right", () => {
    expect(checkDetails(emptyDetails())).toEqual({
      firstName: "Saisissez votre prénom.",
      lastName: "Saisissez votre nom.",
      email: "Saisissez une adresse électronique ou un numéro de téléphone, pour que la structure puisse vous joindre.",
      noticeAccepted:
        "Cochez la case pour indiquer que vous avez pris connaissance de l'information sur vos données personnelles.",
    });
    expect(checkDetails({ ...valid, firstName: "L3a", email: "lea@exemple", phone: "12" })).toEqual({
      firstName: "Votre prénom ne peut contenir ni chiffres ni les caractères < > { }.",
      email: "Saisissez une adresse électronique valide, par exemple prenom.nom@exemple.fr.",
      phone: "Saisissez un numéro de téléphone valide, par exemple 06 12 34 56 78 ou +33 6 12 34 56 78.",
    });
  });

  it("send trimmed values and leave out the empty optional ones, which the API refuses", () => {
    expect(bookingInput({ ...valid, firstName: " Léa ", phone: "  ", accessibilityNeeds: " " }, "k")).toEqual({
      slotKey: "k",
      person: { firstName: "Léa", lastName: "Durand-Lefèvre", email: "lea.durand@exemple.fr", commune: "59350" },
      noticeAccepted: true,
    });
  });

  // The property that matters: whatever the person types, the form lets through exactly what
  // the server accepts — but for a phone number of the right shape that no numbering plan has
  // (« 07 12 34 56 78 »): the form cannot carry the plans, the server refuses it, naming the
  // field, and the form shows that beside it. Strings are drawn from the characters the rules
  // are about.
  it("accept exactly what the server accepts", () => {
    const text = (chars: string, maxLength: number) =>
      fc.string({ unit: fc.constantFrom(...chars.split("")), maxLength }).map((value) => value);
    const name = fc.oneof(
      text("Léa -'<{}0 ", 6),
      fc.constantFrom("Léa", " Jean-Pierre ", "O'Neil", "", "  ", "a".repeat(100), "a".repeat(101)),
    );
    const email = fc.oneof(
      fc.constantFrom("", " ", "lea@exemple.fr", " lea@exemple.fr ", "lea@exemple", "lea..d@exemple.fr", ".lea@exemple.fr"),
      fc.constantFrom("a@b.fr", "é@exemple.fr", "lea+rdv@sous.exemple.org", "lea@-exemple.fr", `${"a".repeat(250)}@b.fr`),
      // Domains in other scripts, as typed and as a browser's e-mail input gives them; and what IDNA refuses.
      fc.constantFrom("jean@exämple.fr", "jean@EXÄMPLE.fr", "jean@xn--exmple-cua.fr", "jean@xn--zz.fr", "jean@ex%41mple.fr"),
      fc.constantFrom("jean@exemple.fr:80", "jean@пример.рф", "jean@0x7f.1", "jean@ex ämple.fr", "jean@exämple"),
      // Local part, "@", domain, suffix: each drawn from what the pattern decides on.
      fc
        .tuple(
          text("a.-_+'é", 5),
          fc.constantFrom("@", "", "@@"),
          text("a-.b0", 6),
          fc.constantFrom("", ".", ".f", ".fr", ".c0m"),
        )
        .map((parts) => parts.join("")),
      fc.emailAddress(),
    );
    const phone = fc.oneof(
      fc.constantFrom("", " ", "0612345678", "06 12 34 56 78", "06.12.34.56.78", "+33612345678", "+447911123456", "0012"),
      fc.constantFrom("+33 (0)6 12 34 56 78", "0033 6 12 34 56 78", "0692 12 34 56", "07 12 34 56 78", "06 12 34 56 78 le soir"),
      text("0+3 .-6()", 14),
      // A prefix and a run of digits around the lengths the pattern counts.
      fc
        .tuple(
          fc.constantFrom("0", "+33", "+", "", "00", "0033", "+33 (0)", "+262", "+44"),
          fc.string({ unit: fc.constantFrom(..."0123456789".split("")), minLength: 6, maxLength: 16 }),
        )
        .map((parts) => parts.join("")),
    );
    const needs = fc.oneof(fc.constantFrom("", " ", "Accès en fauteuil roulant"), fc.string({ maxLength: 520 }));
    // One field changed at a time from a valid form (a refusal elsewhere would hide a
    // disagreement), and sometimes all of them at once.
    const change = fc.oneof(
      name.map((firstName) => ({ firstName })),
      name.map((lastName) => ({ lastName })),
      email.map((email) => ({ email })),
      fc.tuple(email, phone).map(([email, phone]) => ({ email: email.trim() === "" ? email : "", phone })),
      phone.map((phone) => ({ phone })),
      needs.map((accessibilityNeeds) => ({ accessibilityNeeds })),
      fc.record({ firstName: name, lastName: name, email, phone, accessibilityNeeds: needs, noticeAccepted: fc.boolean() }),
    );
    fc.assert(
      fc.property(change, (changed: Partial<Details>) => {
        const details: Details = { ...valid, ...changed };
        const client = Object.keys(checkDetails(details)).length === 0;
        // The notice's box unticked sends nothing; the server's literal `true` is what it checks.
        const body = details.noticeAccepted
          ? bookingInput(details, "k")
          : { ...bookingInput(details, "k"), noticeAccepted: false };
        const server = CreateBookingInput.safeParse(body);
        if (client && !server.success && body.person.phone !== undefined && parsePhone(body.person.phone) === null) {
          expect(server.error.issues.map((issue) => [issue.path.join("."), issue.message])).toEqual([
            ["person.phone", "numéro de téléphone invalide, par exemple 06 12 34 56 78"],
          ]);
          return;
        }
        expect(client, JSON.stringify(body)).toBe(server.success);
      }),
      { numRuns: propertyRuns(3000) },
    );
  });
});

describe("« Recevoir les rappels par SMS »", () => {
  const person = (details: Partial<Details>) => bookingInput({ ...valid, ...details }, "k").person;

  it("is said when the phone typed looks like a mobile: ticked unless unticked", () => {
    expect(person({ phone: "06 12 34 56 78" })).toMatchObject({ phone: "06 12 34 56 78", smsReminders: true });
    expect(person({ phone: "0692 12 34 56", smsReminders: false })).toMatchObject({ smsReminders: false });
    expect(person({ phone: "+32 470 12 34 56" })).toMatchObject({ smsReminders: true });
    expect(CreateBookingInput.safeParse(bookingInput({ ...valid, phone: "06 12 34 56 78" }, "k")).success).toBe(true);
  });

  it("is left unsaid for a landline or no phone: the server texts mobiles only", () => {
    expect(person({ phone: "03 20 12 34 56" })).not.toHaveProperty("smsReminders");
    expect(person({ phone: "", smsReminders: false })).not.toHaveProperty("smsReminders");
  });

  it("tells the review where the SMS go, the French way, or nothing", () => {
    expect(smsTo({ phone: "+33 6 12 34 56 78", smsReminders: true })).toEqual({ number: "06 12 34 56 78", maybe: false });
    expect(smsTo({ phone: "+32 470 12 34 56", smsReminders: true })).toEqual({ number: "+32 470 12 34 56", maybe: true });
    expect(smsTo({ phone: "06 12 34 56 78", smsReminders: false })).toBeUndefined();
    expect(smsTo({ phone: "03 20 12 34 56", smsReminders: true })).toBeUndefined();
  });
});

describe("the checks of an invited person's details", () => {
  it("ask no contact, but a valid address when one is given, and the notice", () => {
    expect(checkInvitedDetails({ ...emptyDetails(), noticeAccepted: true })).toEqual({});
    expect(checkInvitedDetails({ ...emptyDetails(), email: " lea@exemple.fr ", noticeAccepted: true })).toEqual({});
    expect(checkInvitedDetails({ ...emptyDetails(), phone: " 06 12 34 56 78 ", noticeAccepted: true })).toEqual({});
    expect(checkInvitedDetails({ ...emptyDetails(), email: "lea@exemple", phone: "0612" })).toEqual({
      email: "Saisissez une adresse électronique valide, par exemple prenom.nom@exemple.fr.",
      phone: "Saisissez un numéro de téléphone valide, par exemple 06 12 34 56 78 ou +33 6 12 34 56 78.",
      noticeAccepted: "Cochez la case pour indiquer que vous avez pris connaissance de l'information sur vos données.",
    });
  });
});

describe("the server's refusals", () => {
  it("land on the form's fields, the rest apart, as sentences", () => {
    expect(
      serverErrors({
        "person.email": "adresse électronique invalide, par exemple prenom.nom@exemple.fr",
        noticeAccepted: "Vous devez prendre connaissance de l'information sur vos données personnelles.",
        slotKey: "Ce créneau ne peut pas être réservé en ligne.",
      }),
    ).toEqual({
      fields: {
        email: "Adresse électronique invalide, par exemple prenom.nom@exemple.fr.",
        noticeAccepted: "Vous devez prendre connaissance de l'information sur vos données personnelles.",
      },
      other: ["Ce créneau ne peut pas être réservé en ligne."],
    });
  });
});
