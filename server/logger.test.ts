import { describe, expect, it } from "vitest";
import { createLogger, redactPath, traceOf } from "./logger.ts";

describe("logger", () => {
  it("writes one JSON object per line, at or above its level", () => {
    const lines: string[] = [];
    const log = createLogger("info", (line) => lines.push(line));
    log.debug("hidden");
    log.info("request", { status: 200 });
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0] as string)).toMatchObject({ level: "info", msg: "request", status: 200 });
  });

  it("hides manage-link tokens and calendar-feed secrets from paths", () => {
    expect(redactPath("/api/manage/abcDEF123/cancel")).toBe("/api/manage/:token/cancel");
    expect(redactPath("/rdv/abcDEF123")).toBe("/rdv/:token");
    expect(redactPath("/api/structures")).toBe("/api/structures");
  });

  it("hides them however the path is written: doubled or encoded slashes, any case", () => {
    for (const path of [
      "//api/manage/abcDEF123",
      "/api//manage/abcDEF123/ics",
      "/API/Manage/abcDEF123",
      "/api%2Fmanage%2FabcDEF123",
      "///rdv/abcDEF123",
      "/api/FEEDS/abcDEF123.ics",
      "/api/invitations//ABCD-EFGH-JKMN/slots",
    ]) {
      expect(redactPath(path)).not.toMatch(/abcDEF123|ABCD-EFGH/);
      expect(redactPath(path)).toContain(":token");
    }
  });

  it("logs an unexpected error by its kind, code and place in the code, never by its message", () => {
    const error = Object.assign(new TypeError("Cannot read « Léa Durand <lea@example.org> »"), { code: "P2010" });
    const trace = traceOf(error);
    expect(trace).toMatchObject({ error: "TypeError", code: "P2010" });
    expect(trace.at).toMatch(/logger\.test\.ts:\d+:\d+/);
    expect(JSON.stringify(trace)).not.toMatch(/Léa|lea@/);
  });
});
