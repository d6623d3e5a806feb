import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../server/db/database.ts";
import { fieldLabel } from "../../server/http/field-labels.ts";
import { testApp } from "../helpers/app.ts";
import { createTestDatabase } from "../helpers/db.ts";
import { smallDirectory } from "../helpers/fixtures.ts";

let db: Database;
let app: ReturnType<typeof testApp>;
let structureId: string;
beforeAll(async () => {
  db = await createTestDatabase();
  structureId = (await smallDirectory(db)).structure.id;
  app = testApp(db);
});
afterAll(() => db.close());

describe("GET /api/slots refuses bad parameters with a 422 naming them", () => {
  const vae = "service=information-conseil-vae";
  it.each([
    ["", "service", /obligatoire/],
    [`service=information-conseil-vae`, "structure", /Indiquez une structure/],
    [`service=inconnu&commune=59350`, "service", /Aucun service ne s'appelle « inconnu »/],
    [`${vae}&commune=5935`, "commune", /code INSEE/],
    [`${vae}&commune=99999`, "commune", /Aucune commune/],
    [`${vae}&structure=42`, "structure", /identifiant de structure attendu/],
    [`${vae}&structure=00000000-0000-4000-8000-000000000000`, "structure", /Aucune structure/],
    [`${vae}&commune=59350&from=2026-02-30`, "from", /AAAA-MM-JJ/],
    [`${vae}&commune=59350&from=30/03/2026`, "from", /AAAA-MM-JJ/],
    [`${vae}&commune=59350&from=2026-04-10&to=2026-04-01`, "to", /postérieure/],
    [`${vae}&commune=59350&from=2026-04-01&to=2026-05-02`, "to", /31 jours/],
    [`${vae}&commune=59350&mode=fax`, "mode", /onsite, phone ou video/],
    [`${vae}&commune=59350&first=oui`, "first", /true ou false/],
    [`${vae}&commune=59350&site=ici`, "site", /identifiant de lieu/],
  ])("?%s → %s", async (query, field, message) => {
    const res = await app.request(`/api/slots?${query}`);
    expect(res.status).toBe(422);
    const { error } = await res.json();
    expect(error.code).toBe("VALIDATION");
    expect(error.fields[field]).toMatch(message);
    // Named in French, as a form labels it (server/http/field-labels.ts), in the message too.
    expect(error.labels[field]).toBe(fieldLabel(field));
    expect(error.message).toContain(`« ${fieldLabel(field)} »`);
  });

  it("accepts exactly 31 days", async () => {
    const res = await app.request(`/api/slots?${vae}&structure=${structureId}&from=2026-04-01&to=2026-05-01`);
    expect(res.status).toBe(200);
  });
});
