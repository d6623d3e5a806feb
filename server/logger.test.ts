import { describe, expect, it } from "vitest";
import { createLogger, redactPath } from "./logger.ts";

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
});
