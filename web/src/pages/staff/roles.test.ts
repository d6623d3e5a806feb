import { describe, expect, test } from "vitest";
import { navigation, type Profile, roleLines } from "./roles.ts";

const none: Profile = { regionalAdmin: false, memberships: [], territories: [] };
const at = (role: Profile["memberships"][number]["role"]): Profile => ({
  ...none,
  memberships: [{ role, structure: { name: "Mission Locale de Lille" } }],
});

describe("roles", () => {
  test("each role in words", () => {
    expect(roleLines(at("advisor"))).toEqual(["Conseiller·ère — Mission Locale de Lille"]);
    expect(roleLines(at("reception"))).toEqual(["Accueil — Mission Locale de Lille"]);
    expect(roleLines(at("structure_admin"))).toEqual(["Administration — Mission Locale de Lille"]);
    expect(roleLines(at("referrer"))).toEqual(["Prescripteur·rice — Mission Locale de Lille"]);
    expect(roleLines({ ...none, territories: [{ name: "Métropole lilloise" }] })).toEqual([
      "Coordination du territoire Métropole lilloise",
    ]);
    expect(roleLines({ ...none, regionalAdmin: true })).toEqual(["Administration régionale"]);
  });

  test("the navigation names and links the server's areas, in its order", () => {
    expect(navigation(["agenda", "referrals", "dashboards", "account"])).toEqual([
      { name: "Agenda", href: "/espace/agenda" },
      { name: "Liste d'attente", href: "/espace/liste-d-attente" },
      { name: "Orientations", href: "/espace/orientations" },
      { name: "Tableaux de bord", href: "/espace/tableaux-de-bord" },
      { name: "Mon compte", href: "/espace/compte" },
    ]);
  });
});
