import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { fixedClock } from "../../server/clock.ts";
import { sender, useStaffApp } from "../helpers/staff.ts";

// What leaves the platform as a file: no cell a spreadsheet would run as a formula (CSV
// injection), phone numbers still read as people dial them.

// Monday 26 October 2026, 10 h 00 in Paris.
const clock = fixedClock("2026-10-26T09:00:00Z");
const env = useStaffApp(clock);
const send = sender(env);

const HYPERLINK = '=HYPERLINK("https://evil.example","x")';
const COMMAND = "=cmd|' /C calc'!A0";

async function post(path: string, body: object, cookie = "") {
  const res = await env.app.request(`/api${path}`, {
    method: "POST",
    headers: { Cookie: cookie, "Content-Type": "application/json", "Idempotency-Key": randomUUID() },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: await res.json() };
}

/** The cells of a CSV as we write it (semicolons, double quotes doubled, CRLF). */
function cellsOf(csv: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 1; i < csv.length; i++) {
    const ch = csv[i] as string;
    if (quoted && ch === '"' && csv[i + 1] === '"') {
      cell += '"';
      i++;
    } else if (ch === '"') {
      quoted = !quoted;
    } else if (!quoted && ch === ";") {
      row.push(cell);
      cell = "";
    } else if (!quoted && ch === "\r" && csv[i + 1] === "\n") {
      rows.push([...row, cell]);
      row = [];
      cell = "";
      i++;
    } else {
      cell += ch;
    }
  }
  return rows;
}

describe("CSV exports", () => {
  it("write a name and a need that look like formulas as text, and phone numbers the French way", async () => {
    const desk = (await send("GET", `/desk/slots?offering=${env.fx.offering.id}&from=2026-10-27`, env.fx.cookies.reception)).body
      .slots as { key: string; start: string }[];
    const walkIn = await post(
      "/desk/bookings",
      { slotKey: desk[0]?.key, person: { firstName: "Jean", lastName: HYPERLINK, phone: "+33 6 12 34 56 78" } },
      env.fx.cookies.reception,
    );
    expect(walkIn.status).toBe(201);
    const open = await (
      await env.app.request(
        `/api/slots?service=information-conseil-vae&structure=${env.fx.structure.id}&from=2026-10-28&to=2026-10-30`,
      )
    ).json();
    const online = await post("/bookings", {
      slotKey: open.slots[0].key,
      person: { firstName: "Léa", lastName: "Durand", email: "lea@example.org" },
      accessibilityNeeds: COMMAND,
      noticeAccepted: true,
    });
    expect(online.status).toBe(201);

    const res = await env.app.request(`/api/agenda/export?structure=${env.fx.structure.id}&from=2026-10-26&to=2026-10-31`, {
      headers: { Cookie: env.fx.cookies.structureAdmin },
    });
    expect(res.status).toBe(200);
    const rows = cellsOf(await res.text());
    const header = rows[0] ?? [];
    const column = (name: string) => header.indexOf(name);
    const jean = rows.find((r) => r[column("Prénom")] === "Jean");
    expect(jean?.[column("Nom")]).toBe(`'${HYPERLINK}`);
    expect(jean?.[column("Téléphone")]).toBe("06 12 34 56 78");
    const lea = rows.find((r) => r[column("Prénom")] === "Léa");
    expect(lea?.[column("Besoins d'accessibilité")]).toBe(`'${COMMAND}`);
    // No cell of the file starts as a formula.
    expect(rows.flat().filter((cell) => /^[=+\-@\t\r]/.test(cell))).toEqual([]);
  });

  it("write a structure's name that looks like a formula as text in the dashboards' tables", async () => {
    await env.db.prisma.structure.update({ where: { id: env.fx.other.id }, data: { name: "=1+1 CIO" } });
    const res = await env.app.request("/api/dashboards/export?from=2026-10-01&to=2026-10-31&by=structure&table=activity", {
      headers: { Cookie: env.fx.cookies.regionalAdmin },
    });
    expect(res.status).toBe(200);
    const rows = cellsOf(await res.text());
    expect(rows.map((r) => r[0])).toContain("'=1+1 CIO");
    expect(rows.flat().filter((cell) => /^[=+\-@\t\r]/.test(cell))).toEqual([]);
  });
});
