import { describe, expect, it } from "vitest";
import { isDatabaseUnavailable, isUniqueViolation, retried, sqlState } from "./errors.ts";

// The shapes Prisma 6.19 gives through @prisma/adapter-pg.
const adapterError = (code: string) => ({ name: "DriverAdapterError", cause: { originalCode: code, kind: "postgres", code } });
/** A model query: the DriverAdapterError itself. */
const modelQueryError = (code: string) => Object.assign(new Error("failed"), adapterError(code));
/** A raw query ($queryRaw): a P2010 with the adapter's error under `meta`. */
const rawQueryError = (code: string) =>
  Object.assign(new Error(`Raw query failed. Code: \`${code}\`.`), {
    code: "P2010",
    meta: { driverAdapterError: adapterError(code) },
  });

describe("database errors", () => {
  it("finds the SQLSTATE of a model query and of a raw query", () => {
    expect(sqlState(modelQueryError("23P01"))).toBe("23P01");
    expect(sqlState(rawQueryError("23P01"))).toBe("23P01");
    expect(isUniqueViolation(rawQueryError("23505"))).toBe(true);
  });

  it("finds the SQLSTATE of a violation the adapter maps to a kind: only `originalCode` keeps it", () => {
    const mapped = Object.assign(new Error("Raw query failed. Code: `23505`."), {
      code: "P2010",
      meta: {
        driverAdapterError: {
          name: "DriverAdapterError",
          cause: { originalCode: "23505", kind: "UniqueConstraintViolation", constraint: { fields: ["key"] } },
        },
      },
    });
    expect(isUniqueViolation(mapped)).toBe(true);
    expect(sqlState(mapped)).toBe("23505");
  });

  it("tells an outage (a 503) from a bug, raw queries included: a restart terminates connections with 57P01", () => {
    expect(isDatabaseUnavailable(rawQueryError("57P01"))).toBe(true);
    expect(isDatabaseUnavailable(modelQueryError("57P01"))).toBe(true);
    expect(isDatabaseUnavailable(rawQueryError("08006"))).toBe(true);
    expect(isDatabaseUnavailable(Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" }))).toBe(
      true,
    );
    expect(isDatabaseUnavailable(rawQueryError("22012"))).toBe(false);
    expect(isDatabaseUnavailable(new Error("Connection terminated unexpectedly"))).toBe(true);
    expect(isDatabaseUnavailable(new Error("Client has encountered a connection error and is not queryable"))).toBe(true);
    // A socket error: the adapter keeps only a kind, and the raw query's message says N/A.
    const closed = Object.assign(new Error("Raw query failed. Code: `N/A`. Message: `Server has closed the connection.`"), {
      code: "P2010",
      meta: { driverAdapterError: { name: "DriverAdapterError", cause: { kind: "ConnectionClosed" } } },
    });
    expect(isDatabaseUnavailable(closed)).toBe(true);
    expect(
      isDatabaseUnavailable({ name: "DriverAdapterError", cause: { kind: "DatabaseNotReachable", host: "127.0.0.1" } }),
    ).toBe(true);
    expect(isDatabaseUnavailable({ name: "DriverAdapterError", cause: { kind: "UniqueConstraintViolation" } })).toBe(false);
    expect(isDatabaseUnavailable(Object.assign(new Error("Server has closed the connection."), { code: "P1017" }))).toBe(true);
    expect(isDatabaseUnavailable(new TypeError("x is undefined"))).toBe(false);
  });

  it("runs a transaction PostgreSQL gave up (deadlock, serialization failure) again, three times at most, and nothing else", async () => {
    const failing = (errors: unknown[]) => {
      let runs = 0;
      const run = async () => {
        runs++;
        const error = errors.shift();
        if (error) throw error;
        return "written";
      };
      return { run, runs: () => runs };
    };
    const deadlockThenSuccess = failing([rawQueryError("40P01"), modelQueryError("40001")]);
    expect(await retried(deadlockThenSuccess.run)).toBe("written");
    expect(deadlockThenSuccess.runs()).toBe(3);

    const always = failing([rawQueryError("40P01"), rawQueryError("40P01"), rawQueryError("40P01"), rawQueryError("40P01")]);
    await expect(retried(always.run)).rejects.toMatchObject({ code: "P2010" });
    expect(always.runs()).toBe(3);

    const taken = failing([rawQueryError("23P01")]);
    await expect(retried(taken.run)).rejects.toMatchObject({ code: "P2010" });
    expect(taken.runs()).toBe(1);
  });
});
