import { describe, expect, it } from "vitest";
import { AGE_BANDS, type Answers, contradiction, type RoutingRule, recommend, SITUATIONS, tableProblem } from "./routing.ts";

const rule = (id: string, position: number, more: Partial<RoutingRule> = {}): RoutingRule => ({
  id,
  position,
  ageBands: [],
  situations: [],
  needs: [],
  disability: null,
  networkId: `network-${id}`,
  serviceId: null,
  reason: `Parce que ${id}.`,
  fallback: false,
  active: true,
  ...more,
});
const fallback = rule("defaut", 1000, { fallback: true });
const someone: Answers = { ageBand: "from_26_to_44", situation: "employee", need: "career_change", disability: false };

describe("recommend", () => {
  it("takes every matching rule in position order, whatever the order given", () => {
    const rules = [rule("b", 20, { needs: ["career_change"] }), rule("a", 10, { situations: ["employee"] }), fallback];
    expect(recommend(someone, rules).map((r) => r.ruleId)).toEqual(["a", "b"]);
  });

  it("needs every condition of a rule to hold", () => {
    const rules = [
      rule("age", 10, { ageBands: ["from_45"] }),
      rule("situation", 20, { situations: ["pupil", "student"] }),
      rule("need", 30, { needs: ["vae"] }),
      rule("all", 40, { ageBands: ["from_26_to_44"], situations: ["employee"], needs: ["career_change", "vae"] }),
      fallback,
    ];
    expect(recommend(someone, rules).map((r) => r.ruleId)).toEqual(["all"]);
  });

  it("reads the disability condition both ways, and ignores it when unset", () => {
    const rules = [
      rule("adapted", 10, { disability: true }),
      rule("others", 20, { disability: false }),
      rule("any", 30),
      fallback,
    ];
    expect(recommend({ ...someone, disability: true }, rules).map((r) => r.ruleId)).toEqual(["adapted", "any"]);
    expect(recommend(someone, rules).map((r) => r.ruleId)).toEqual(["others", "any"]);
  });

  it("names each network once, with its first rule's reason, and at most `limit`", () => {
    const rules = [
      rule("a", 10, { networkId: "cio", serviceId: "entretien" }),
      rule("b", 20, { networkId: "cio", serviceId: "information" }),
      rule("c", 30),
      rule("d", 40),
      rule("e", 50),
      fallback,
    ];
    const found = recommend(someone, rules);
    expect(found.map((r) => [r.networkId, r.serviceId])).toEqual([
      ["cio", "entretien"],
      ["network-c", null],
      ["network-d", null],
    ]);
    expect(recommend(someone, rules, 1)).toHaveLength(1);
  });

  it("skips inactive rules, and falls back when nothing else matches", () => {
    const rules = [rule("off", 10, { active: false }), rule("pupils", 20, { situations: ["pupil"] }), fallback];
    expect(recommend(someone, rules)).toEqual([
      { ruleId: "defaut", networkId: "network-defaut", serviceId: null, reason: "Parce que defaut." },
    ]);
    expect(recommend(someone, [rule("pupils", 20, { situations: ["pupil"] })])).toEqual([]);
  });
});

describe("tableProblem", () => {
  it("wants exactly one active, unconditional fallback", () => {
    expect(tableProblem([rule("a", 10), fallback])).toBeUndefined();
    expect(tableProblem([rule("a", 10)])).toMatch(/une règle par défaut/);
    expect(tableProblem([fallback, { ...fallback, id: "autre" }])).toMatch(/qu'une règle par défaut/);
    expect(tableProblem([{ ...fallback, needs: ["vae"] }])).toMatch(/sans condition/);
    expect(tableProblem([{ ...fallback, active: false }])).toMatch(/active/);
  });
});

describe("contradiction", () => {
  // Every pair of age band and situation that cannot both be true, and no other.
  const impossible = new Set([
    "under_16 neet",
    "from_26_to_44 neet",
    "from_45 neet",
    "under_16 job_seeker",
    "under_16 self_employed",
    "under_16 executive",
    "under_16 rsa_beneficiary",
    "under_16 retired",
    "from_16_to_25 retired",
  ]);

  it("refuses exactly the impossible pairs of age and situation", () => {
    const refused = AGE_BANDS.flatMap((ageBand) =>
      SITUATIONS.filter((situation) => contradiction({ ageBand, situation })).map((situation) => `${ageBand} ${situation}`),
    );
    expect(new Set(refused)).toEqual(impossible);
  });

  it("says why, and what to change", () => {
    expect(contradiction({ ageBand: "under_16", situation: "executive" })).toBe(
      "Cette situation ne correspond pas à l'âge choisi : on ne peut pas être cadre avant 16 ans. Changez votre âge ou votre situation.",
    );
    expect(contradiction({ ageBand: "from_16_to_25", situation: "retired" })).toMatch(/retraité·e avant 26 ans/);
    expect(contradiction({ ageBand: "under_16", situation: "employee" })).toBeUndefined();
  });
});
