import { describe, expect, it } from "vitest";
import { type Answers, contradiction, type RoutingRule, recommend, tableProblem } from "../../server/domain/routing.ts";
import { ROUTING_RULES } from "./routing.ts";

// The demo orientation table against the profiles a SPRO meets: who should each be sent to,
// in which order. Networks stand for their ids here.

const table: RoutingRule[] = ROUTING_RULES.map((rule, index) => ({
  id: rule.key,
  position: index * 10,
  ageBands: rule.ageBands ?? [],
  situations: rule.situations ?? [],
  needs: rule.needs ?? [],
  disability: rule.disability ?? null,
  networkId: rule.network,
  serviceId: rule.service ?? null,
  reason: rule.reason,
  fallback: rule.fallback ?? false,
  active: true,
}));

const profiles: [string, Answers, string[]][] = [
  [
    "a 45-year-old employee, 20 years in one field, who wants to change jobs: CEP first, VAE second",
    { ageBand: "from_45", situation: "employee", need: "career_change", disability: false },
    ["transitions-pro", "pic-vae"],
  ],
  [
    "the same as an executive: the APEC's CEP, then VAE",
    { ageBand: "from_45", situation: "executive", need: "career_change", disability: false },
    ["apec", "pic-vae"],
  ],
  [
    "a 17-year-old pupil choosing their orientation",
    { ageBand: "from_16_to_25", situation: "pupil", need: "school_orientation", disability: false },
    ["cio"],
  ],
  [
    "a 15-year-old pupil asking about jobs",
    { ageBand: "under_16", situation: "pupil", need: "jobs_information", disability: false },
    ["cio", "information-jeunesse", "eif"],
  ],
  [
    "a 19-year-old out of school and work",
    { ageBand: "from_16_to_25", situation: "neet", need: "find_job", disability: false },
    ["missions-locales"],
  ],
  [
    "a 22-year-old job seeker",
    { ageBand: "from_16_to_25", situation: "job_seeker", need: "find_job", disability: false },
    ["missions-locales", "france-travail"],
  ],
  [
    "a job seeker with a disability",
    { ageBand: "from_26_to_44", situation: "job_seeker", need: "find_job", disability: true },
    ["cap-emploi", "france-travail"],
  ],
  [
    "an employee with a disability who wants to change jobs",
    { ageBand: "from_26_to_44", situation: "employee", need: "career_change", disability: true },
    ["cap-emploi", "transitions-pro", "pic-vae"],
  ],
  [
    "« quels sont les métiers d'avenir ? » from an adult",
    { ageBand: "from_26_to_44", situation: "employee", need: "jobs_information", disability: false },
    ["cio", "eif"],
  ],
  [
    "« quels sont les métiers d'avenir ? » from a young person",
    { ageBand: "from_16_to_25", situation: "neet", need: "jobs_information", disability: false },
    ["missions-locales", "information-jeunesse", "cio"],
  ],
  [
    "anyone wanting to validate their experience",
    { ageBand: "from_26_to_44", situation: "employee", need: "vae", disability: false },
    ["pic-vae"],
  ],
  [
    "a student rethinking their course",
    { ageBand: "from_16_to_25", situation: "student", need: "school_orientation", disability: false },
    ["universites", "cio"],
  ],
  [
    "a self-employed person changing career",
    { ageBand: "from_26_to_44", situation: "self_employed", need: "career_change", disability: false },
    ["opacif", "pic-vae"],
  ],
  [
    "a 50-year-old job seeker who wants to retrain",
    { ageBand: "from_45", situation: "job_seeker", need: "career_change", disability: false },
    ["france-travail", "pic-vae"],
  ],
  [
    "a job seeker creating an activity",
    { ageBand: "from_26_to_44", situation: "job_seeker", need: "create_activity", disability: false },
    ["france-travail"],
  ],
  [
    "an employee creating an activity",
    { ageBand: "from_26_to_44", situation: "employee", need: "create_activity", disability: false },
    ["france-travail"],
  ],
  [
    "an executive looking for a job",
    { ageBand: "from_26_to_44", situation: "executive", need: "find_job", disability: false },
    ["apec"],
  ],
  [
    "a 30-year-old on the RSA looking for work",
    { ageBand: "from_26_to_44", situation: "rsa_beneficiary", need: "find_job", disability: false },
    ["france-travail"],
  ],
  [
    "a 22-year-old on the RSA: the Mission Locale first",
    { ageBand: "from_16_to_25", situation: "rsa_beneficiary", need: "find_job", disability: false },
    ["missions-locales", "france-travail"],
  ],
  [
    "a 50-year-old on the RSA who wants to retrain: CEP, then VAE",
    { ageBand: "from_45", situation: "rsa_beneficiary", need: "career_change", disability: false },
    ["france-travail", "pic-vae"],
  ],
  [
    "a retiree starting a new activity: CEP, then VAE",
    { ageBand: "from_45", situation: "retired", need: "career_change", disability: false },
    ["opacif", "pic-vae"],
  ],
  [
    "a retiree looking for a job",
    { ageBand: "from_45", situation: "retired", need: "find_job", disability: false },
    ["opacif", "france-travail"],
  ],
  [
    "a retiree wanting their experience recognised",
    { ageBand: "from_45", situation: "retired", need: "vae", disability: false },
    ["pic-vae"],
  ],
  [
    "someone in another situation looking for a job",
    { ageBand: "from_26_to_44", situation: "other", need: "find_job", disability: false },
    ["france-travail"],
  ],
  [
    "someone in another situation choosing a job or a training: the CIO, open to all, before the EIF found in few places (a user trial got only the EIF, 67 km away)",
    { ageBand: "from_26_to_44", situation: "other", need: "choose_job_or_training", disability: false },
    ["cio", "eif"],
  ],
  [
    "someone in another situation changing career: the general answer",
    { ageBand: "from_26_to_44", situation: "other", need: "career_change", disability: false },
    ["cio"],
  ],
  [
    "a pupil wanting a job now: nothing fits, the fallback answers",
    { ageBand: "from_16_to_25", situation: "pupil", need: "find_job", disability: false },
    ["cio"],
  ],
];

describe("the demo orientation table", () => {
  it("is a valid table: one unconditional fallback", () => {
    expect(tableProblem(table)).toBeUndefined();
  });

  it.each(profiles)("sends %s to the right networks, in order", (_, answers, networks) => {
    const found = recommend(answers, table);
    expect(found.map((r) => r.networkId)).toEqual(networks);
    for (const r of found) expect(r.reason.length).toBeGreaterThan(40);
  });

  it.each(profiles)("tests %s, a profile the questionnaire accepts", (_, answers) => {
    expect(contradiction(answers)).toBeUndefined();
  });

  it("covers at least 15 profiles", () => {
    expect(profiles.length).toBeGreaterThanOrEqual(15);
  });
});
