import type { AddressInfo } from "node:net";
import { type ParsedMail, simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";

export interface Received {
  messageId: string;
  to: string;
  parsed: ParsedMail;
  raw: string;
}

/**
 * A real SMTP server on 127.0.0.1 for the tests. `reply` may refuse a message with an SMTP
 * code (e.g. 451 for "try later", 550 for "no such mailbox"); otherwise it is accepted.
 */
export async function startSmtpServer(
  reply: (messageNumber: number, to: string) => number | undefined = () => undefined,
  /** A given port (a server coming back where it was); any free one by default. */
  listenOn = 0,
) {
  const received: Received[] = [];
  let count = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    // The transport keeps its connections open for the next messages: closing does not wait for them.
    closeTimeout: 100,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", async () => {
        const to = session.envelope.rcptTo.map((r) => r.address).join(",");
        const code = reply(++count, to);
        if (code) {
          const error = Object.assign(new Error(code >= 500 ? "Boîte inconnue" : "Réessayez plus tard"), { responseCode: code });
          return callback(error);
        }
        const raw = Buffer.concat(chunks).toString();
        const parsed = await simpleParser(raw);
        received.push({ messageId: parsed.messageId ?? "", to, parsed, raw });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(listenOn, "127.0.0.1", resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
