import { describe, expect, test } from "vitest";
import { describeResult } from "./job-words.ts";

describe("job words", () => {
  test("every job's counts in French, zero and one singular", () => {
    expect(describeResult({ job: "waiting-times", result: { recorded: 127, withoutSlot: 0 } })).toBe(
      "127 relevés, dont 0 sans créneau",
    );
    expect([0, 1, 2].map((persons) => describeResult({ job: "retention", result: { persons } }))).toEqual([
      "0 personne anonymisée",
      "1 personne anonymisée",
      "2 personnes anonymisées",
    ]);
    expect(describeResult({ job: "audit-log", result: { events: 1 } })).toBe("1 événement supprimé");
    expect(describeResult({ job: "waitlist-ends", result: { meeting: 2, expired: 1 } })).toBe(
      "2 inscriptions closes (rendez-vous passé ou annulé), 1 inscription expirée (date choisie passée)",
    );
    expect(describeResult({ job: "housekeeping", result: { idempotencyKeys: 0, messages: 3 } })).toBe(
      "0 réponse de réservation oubliée, 3 courriels envoyés supprimés (plus d'un mois)",
    );
    expect(
      describeResult({
        job: "housekeeping",
        result: { idempotencyKeys: 1, messages: 0, files: 2, invitations: 1, throttles: 5 },
      }),
    ).toBe(
      "1 réponse de réservation oubliée, 0 courriel envoyé supprimé (plus d'un mois), 2 copies de courriels supprimées, 1 invitation expirée retirée, 5 compteurs de connexion oubliés",
    );
    expect(describeResult({ job: "retention", result: null })).toBe("en cours, ou interrompu");
  });
});
