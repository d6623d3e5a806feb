import type { MembershipRole } from "../../server/db/generated/client.ts";
import { asciiSlug, stableUuid } from "./ids.ts";
import type { NetworkSlug } from "./networks.ts";
import { randomFor } from "./random.ts";
import type { StructureDef } from "./structures/index.ts";

// biome-ignore format: a table reads better ten to a line
const FIRST_NAMES = [
  "Camille", "Julie", "Sophie", "Aurélie", "Céline", "Émilie", "Sandrine", "Nathalie", "Isabelle", "Virginie",
  "Stéphanie", "Laetitia", "Caroline", "Élodie", "Marion", "Pauline", "Mathilde", "Chloé", "Léa", "Manon",
  "Sarah", "Inès", "Nadia", "Samia", "Fatima", "Amandine", "Audrey", "Hélène", "Anne-Sophie", "Marie-Laure",
  "Karine", "Valérie", "Delphine", "Agnès", "Mélanie", "Justine", "Margaux", "Lucie", "Coralie", "Myriam",
  "Thomas", "Nicolas", "Julien", "Sébastien", "Mathieu", "Guillaume", "Antoine", "Maxime", "Romain", "Olivier",
  "Christophe", "Frédéric", "Laurent", "Stéphane", "Jérôme", "Benoît", "Vincent", "Arnaud", "Damien", "Grégory",
  "Yannick", "Karim", "Mehdi", "Rachid", "Hugo", "Quentin", "Florian", "Kévin", "Jean-Marc", "Pierre-Yves",
  "François", "Bruno", "Alexandre", "Bastien", "Théo", "Yassine", "Ludovic", "Cédric", "Franck", "Sylvain",
];

/** Surnames common in the Hauts-de-France, Flemish, Polish (the mining basin) and North-African ones among them. */
// biome-ignore format: a table reads better ten to a line
const LAST_NAMES = [
  "Lefebvre", "Lefèvre", "Dubois", "Delattre", "Vandenbussche", "Deregnaucourt", "Lemaire", "Leroy", "Dupont", "Delcroix",
  "Vasseur", "Carpentier", "Lecomte", "Dumont", "Delannoy", "Duhamel", "Vanhoutte", "Caron", "Wallart", "Becquart",
  "Lefranc", "Delplace", "Desmarets", "Hennebelle", "Decottignies", "Verhaeghe", "Vermeulen", "Declercq", "Deconinck", "Blondel",
  "Bernard", "Martin", "Petit", "Durand", "Lambert", "Fontaine", "Mercier", "Roussel", "Morel", "Leclercq",
  "Boulanger", "Debruyne", "Dewailly", "Lesage", "Cousin", "Bocquet", "Lenglet", "Flament", "Duquesne", "Hermant",
  "Cardon", "Delmotte", "Lagache", "Cuvelier", "Descamps", "Dhainaut", "Mortier", "Bourgeois", "Lemoine", "Bruneel",
  "Masson", "Hamdi", "Benali", "Haddad", "Boukhari", "Diallo", "Nguyen", "Kaczmarek", "Kowalski", "Nowak",
  "Wojcik", "Da Silva", "Ferreira", "Marchand", "Noël", "Pruvost", "Lheureux", "Delbarre", "D'Hondt", "Van de Walle",
];

/** Usual team size by network, when a structure does not say. */
const TEAM_SIZE: Record<NetworkSlug, number> = {
  apec: 3,
  "cap-emploi": 3,
  cibc: 3,
  cio: 3,
  eif: 2,
  "transitions-pro": 3,
  "missions-locales": 4,
  opacif: 2,
  "france-travail": 4,
  "information-jeunesse": 2,
  universites: 3,
  "pic-vae": 2,
  // Partners have referrers, not advisors.
  ccas: 2,
  "centres-sociaux": 2,
  psad: 2,
  "referents-rsa": 2,
};

/**
 * Advisors who also work for a second structure (a day or two a week), as DESIGN.md says one
 * person may. Their weeks are split: Monday–Wednesday at home, Thursday–Friday at the other.
 * Never index 0, which hosts the collective sessions of its structure.
 */
export const SHARED_ADVISORS: { structure: string; index: number; alsoAt: string }[] = [
  { structure: "cibc-hainaut", index: 1, alsoAt: "pic-vae-nord" },
  { structure: "cibc-oise", index: 1, alsoAt: "pic-vae-oise" },
  { structure: "cio-lille-centre", index: 2, alsoAt: "universite-de-lille-suaio" },
  { structure: "cio-amiens", index: 1, alsoAt: "upjv-orientation" },
  { structure: "mission-locale-lens-lievin", index: 2, alsoAt: "eif-lens-lievin" },
  // France Travail and Cap Emploi share premises and staff since the 2024 reform.
  { structure: "cap-emploi-nord", index: 3, alsoAt: "france-travail-lille-vauban" },
];

const REGION_DOMAIN = "hautsdefrance.demo.example";

export interface StaffRow {
  id: string;
  email: string;
  firstName: string;
  lastName: string;
  regionalAdmin: boolean;
}

export interface MembershipRow {
  userId: string;
  structureSlug: string;
  role: MembershipRole;
}

/** An advisor's place in one structure, which the availability rules are built from. */
export interface AdvisorPost {
  userId: string;
  email: string;
  structureSlug: string;
  /** 0 hosts the structure's collective sessions. */
  index: number;
  /** ISO weekdays this advisor works for this structure. */
  weekdays: number[];
}

export interface Staff {
  users: StaffRow[];
  memberships: MembershipRow[];
  posts: AdvisorPost[];
  coordinators: { userId: string; territorySlug: string }[];
}

const WEEK = [1, 2, 3, 4, 5];

export function buildStaff(structures: StructureDef[]): Staff {
  const users: StaffRow[] = [];
  const memberships: MembershipRow[] = [];
  const posts: AdvisorPost[] = [];
  const person = (firstName: string, lastName: string, domain: string, regionalAdmin = false): StaffRow => {
    const email = `${asciiSlug(firstName)}.${asciiSlug(lastName)}@${domain}`;
    const row = { id: stableUuid("staff", email), email, firstName, lastName, regionalAdmin };
    users.push(row);
    return row;
  };

  const sharedFrom = new Map(SHARED_ADVISORS.map((s) => [`${s.structure}#${s.index}`, s.alsoAt]));

  for (const structure of structures) {
    const names = nameDrawer(structure.slug);
    const domain = `${structure.slug}.demo.example`;
    const partner = isPartner(structure.network);
    const size = structure.advisors ?? TEAM_SIZE[structure.network];

    if (partner) {
      for (let i = 0; i < size; i++) {
        const user = person(...names(), domain);
        memberships.push({ userId: user.id, structureSlug: structure.slug, role: "referrer" });
        if (i === 0) memberships.push({ userId: user.id, structureSlug: structure.slug, role: "structure_admin" });
      }
      continue;
    }

    for (let index = 0; index < size; index++) {
      const user = person(...names(), domain);
      memberships.push({ userId: user.id, structureSlug: structure.slug, role: "advisor" });
      const alsoAt = sharedFrom.get(`${structure.slug}#${index}`);
      posts.push({
        userId: user.id,
        email: user.email,
        structureSlug: structure.slug,
        index,
        weekdays: alsoAt ? [1, 2, 3] : WEEK,
      });
      if (alsoAt) {
        memberships.push({ userId: user.id, structureSlug: alsoAt, role: "advisor" });
        // Index -1: a guest, never the host of the other structure's sessions.
        posts.push({ userId: user.id, email: user.email, structureSlug: alsoAt, index: -1, weekdays: [4, 5] });
      }
    }
    // Small teams are run by one of their advisors; larger ones have a manager who does not see the public.
    if (size >= 4) {
      const manager = person(...names(), domain);
      memberships.push({ userId: manager.id, structureSlug: structure.slug, role: "structure_admin" });
    } else {
      const first = posts.find((p) => p.structureSlug === structure.slug && p.index === 0);
      if (first) memberships.push({ userId: first.userId, structureSlug: structure.slug, role: "structure_admin" });
    }
    for (let i = 0; i < (structure.reception ?? 0); i++) {
      const receptionist = person(...names(), domain);
      memberships.push({ userId: receptionist.id, structureSlug: structure.slug, role: "reception" });
    }
  }
  for (const shared of SHARED_ADVISORS) {
    if (!structures.some((s) => s.slug === shared.alsoAt))
      throw new Error(`Structure inconnue dans SHARED_ADVISORS : ${shared.alsoAt}`);
  }

  // Regional and territorial roles, for the back-office views.
  person("Claire", "Vandamme", REGION_DOMAIN, true);
  const coordinators = [
    { user: person("Olivier", "Deleplanque", REGION_DOMAIN), territories: ["metropole-lilloise"] },
    {
      user: person("Nadia", "Bensaïd", REGION_DOMAIN),
      territories: ["lens-lievin-henin-carvin", "bethune-bruay", "artois-ternois"],
    },
    {
      user: person("Hélène", "Caudron", REGION_DOMAIN),
      territories: ["grand-amienois", "picardie-maritime", "haute-somme-santerre"],
    },
    { user: person("Marc", "Thuillier", REGION_DOMAIN), territories: ["beauvaisis", "compiegnois-noyonnais", "sud-oise"] },
  ];

  return {
    users,
    memberships,
    posts,
    coordinators: coordinators.flatMap((c) => c.territories.map((territorySlug) => ({ userId: c.user.id, territorySlug }))),
  };
}

export const isPartner = (network: NetworkSlug) =>
  network === "ccas" || network === "centres-sociaux" || network === "psad" || network === "referents-rsa";

/** Draws names that are distinct within one structure, so that e-mails are unique. */
function nameDrawer(structureSlug: string): () => [string, string] {
  const random = randomFor(`names:${structureSlug}`);
  const used = new Set<string>();
  return () => {
    for (;;) {
      const first = random.pick(FIRST_NAMES);
      const last = random.pick(LAST_NAMES);
      const key = `${asciiSlug(first)}.${asciiSlug(last)}`;
      if (!used.has(key)) {
        used.add(key);
        return [first, last];
      }
    }
  };
}
