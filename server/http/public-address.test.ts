import { createServer, request } from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { isPublicAddress } from "../domain/public-address.ts";
import { guardedLookup } from "./public-address.ts";

describe("isPublicAddress", () => {
  it.each([
    ["8.8.8.8", true],
    ["2a01:e0a:1::1", true],
    ["127.0.0.1", false],
    ["10.1.2.3", false],
    ["172.16.0.1", false],
    ["192.168.1.1", false],
    ["169.254.169.254", false],
    ["100.64.0.1", false],
    ["0.0.0.0", false],
    ["::1", false],
    ["fd00::1", false],
    ["fe80::1", false],
    ["::ffff:127.0.0.1", false],
    ["::ffff:8.8.8.8", true],
    ["::7f00:1", false],
    ["::808:808", false],
    ["not an address", false],
  ])("%s → %s", (ip, expected) => {
    expect(isPublicAddress(ip)).toBe(expected);
  });
});

describe("guardedLookup", () => {
  const get = (port: number, allowPrivate: boolean) =>
    new Promise<number>((resolve, reject) => {
      const req = request({ host: "localhost", port, path: "/", lookup: guardedLookup(allowPrivate) }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on("error", reject);
      req.end();
    });

  it("refuses to connect to a local address unless allowed", async () => {
    const server = createServer((_req, res) => res.end("ok")).listen(0, "127.0.0.1");
    await new Promise((resolve) => server.once("listening", resolve));
    const { port } = server.address() as AddressInfo;
    try {
      await expect(get(port, false)).rejects.toMatchObject({ code: "EPRIVATEADDRESS" });
      await expect(get(port, true)).resolves.toBe(200);
    } finally {
      server.close();
    }
  });
});
