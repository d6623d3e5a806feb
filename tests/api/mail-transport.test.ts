import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { simpleParser } from "mailparser";
import { describe, expect, it } from "vitest";
import { createTransport } from "../../server/mail/transport.ts";

describe("the embedded mail transport (no SMTP_URL)", () => {
  it("writes each message as an .eml file in DATA_DIR/outbox, with its .ics", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "rdv-mail-"));
    const send = createTransport({ smtpUrl: undefined, dataDir });
    await send({
      messageId: "<abc@rdv-orientation.fr>",
      from: "RDV Orientation <ne-pas-repondre@rdv-orientation.fr>",
      to: "lea@example.org",
      subject: "Rendez-vous confirmé",
      text: "Bonjour Léa",
      html: "<p>Bonjour Léa</p>",
      ics: { method: "REQUEST", content: "BEGIN:VCALENDAR\r\nMETHOD:REQUEST\r\nEND:VCALENDAR\r\n" },
    });
    const files = readdirSync(join(dataDir, "outbox"));
    expect(files).toEqual(["abc@rdv-orientation.fr.eml"]);
    const mail = await simpleParser(readFileSync(join(dataDir, "outbox", files[0] as string)));
    expect(mail.messageId).toBe("<abc@rdv-orientation.fr>");
    expect(mail.subject).toBe("Rendez-vous confirmé");
    expect(mail.text?.trim()).toBe("Bonjour Léa");
    expect(mail.attachments.some((a) => a.content.toString().includes("METHOD:REQUEST"))).toBe(true);
  });
});
