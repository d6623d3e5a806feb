import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import { Webhook } from "standardwebhooks";

/** A delivery as a receiver got it: the raw body and the Standard Webhooks headers. */
export interface Received {
  path: string;
  body: string;
  headers: { "webhook-id": string; "webhook-timestamp": string; "webhook-signature": string };
  contentType: string | undefined;
}

const pick = (headers: IncomingHttpHeaders, name: string) => String(headers[name] ?? "");

/**
 * A partner's system on 127.0.0.1: it keeps every POST it gets, answers `answer()` (200 unless a
 * test says otherwise), and can go down and come back on the same port.
 */
export async function webhookReceiver(port = 0) {
  const received: Received[] = [];
  let answer: (r: Received) => number = () => 200;
  let server: Server | undefined;
  let boundPort = port;
  const up = () =>
    new Promise<void>((resolve, reject) => {
      const s = createServer((req, res) => {
        const chunks: Buffer[] = [];
        req.on("data", (c: Buffer) => chunks.push(c));
        req.on("end", () => {
          const r: Received = {
            path: req.url ?? "/",
            body: Buffer.concat(chunks).toString("utf8"),
            headers: {
              "webhook-id": pick(req.headers, "webhook-id"),
              "webhook-timestamp": pick(req.headers, "webhook-timestamp"),
              "webhook-signature": pick(req.headers, "webhook-signature"),
            },
            contentType: req.headers["content-type"],
          };
          received.push(r);
          res.writeHead(answer(r), { "content-type": "text/plain" }).end("ok");
        });
      });
      s.once("error", reject);
      s.listen(boundPort, "127.0.0.1", () => {
        boundPort = (s.address() as { port: number }).port;
        server = s;
        resolve();
      });
    });
  await up();
  return {
    received,
    get url() {
      return `http://127.0.0.1:${boundPort}/hooks`;
    },
    answer(next: (r: Received) => number) {
      answer = next;
    },
    up,
    down: () =>
      new Promise<void>((resolve) => {
        const running = server;
        server = undefined;
        if (!running) return resolve();
        running.closeAllConnections();
        running.close(() => resolve());
      }),
    /** The deliveries whose signature `secret` verifies, parsed; throws on any other. */
    verified(secret: string, of: readonly Received[] = received) {
      return of.map(
        (r) =>
          new Webhook(secret).verify(r.body, r.headers) as { type: string; timestamp: string; data: Record<string, unknown> },
      );
    },
  };
}
