import { mkdirSync, writeFileSync } from "node:fs";
import { rm } from "node:fs/promises";
import { join } from "node:path";
import nodemailer from "nodemailer";
import MailComposer from "nodemailer/lib/mail-composer";
import { MAIL_DOMAIN } from "../../emails/appointment.ts";
import type { Config } from "../config.ts";
import { removeWrittenBefore } from "./written-copies.ts";

/** The Message-ID of an outbox row: the same on every attempt, so a duplicate shows as one. */
export const messageIdOf = (outboxId: string) => `<${outboxId}@${MAIL_DOMAIN}>`;

export interface Envelope {
  messageId: string;
  from: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  ics?: { method: "REQUEST" | "CANCEL"; content: string } | undefined;
}

/** Sends one message; throws a DeliveryError on failure. `close` ends the connections kept open. */
export type Send = ((envelope: Envelope) => Promise<void>) & { close?: () => void };

/** A failure, and whether trying again later may succeed (4xx, network) or not (5xx). */
export class DeliveryError extends Error {
  override name = "DeliveryError";
  constructor(
    message: string,
    readonly transient: boolean,
    /** No SMTP server answered (refused, timed out, cut): the message itself is not in question. */
    readonly unreachable = false,
    /** How long the provider asked to be left alone (an HTTP 429's Retry-After), when it said. */
    readonly retryAfterMs?: number,
  ) {
    super(message);
  }
}

/**
 * SMTP when SMTP_URL is set; otherwise each message is written as an .eml file in
 * DATA_DIR/outbox, so that a fresh install sends nothing by mistake and staff can read it.
 */
export function createTransport(config: Pick<Config, "smtpUrl" | "dataDir">): Send {
  if (config.smtpUrl) return smtpTransport(config.smtpUrl);
  const dir = outboxDir(config);
  mkdirSync(dir, { recursive: true });
  const composer = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "unix" });
  return async (envelope) => {
    const info = await composer.sendMail(toMail(envelope));
    writeFileSync(join(dir, fileOf(envelope.messageId)), info.message as Buffer);
  };
}

const outboxDir = (config: Pick<Config, "dataDir">) => join(config.dataDir, "outbox");
const fileOf = (messageId: string) => `${messageId.replace(/[^A-Za-z0-9.@_-]/g, "")}.eml`;

/**
 * Removes the written copies of outbox messages (without SMTP_URL, each one is an .eml file
 * holding a name, an address and a link): an erasure deletes the messages, and their copies go
 * with them. Nothing to do when they went by SMTP.
 */
export async function forgetMessages(config: Pick<Config, "smtpUrl" | "dataDir">, outboxIds: readonly string[]) {
  if (config.smtpUrl) return;
  const dir = outboxDir(config);
  await Promise.all(outboxIds.map((id) => rm(join(dir, fileOf(messageIdOf(id))), { force: true })));
}

/** Removes the written copies older than `before`, as the outbox forgets its sent messages. */
export async function forgetMessagesBefore(config: Pick<Config, "smtpUrl" | "dataDir">, before: Date): Promise<number> {
  if (config.smtpUrl) return 0;
  return removeWrittenBefore(outboxDir(config), ".eml", before);
}

export function smtpTransport(url: string, options: { timeoutMs?: number } = {}): Send {
  const timeout = options.timeoutMs ?? 15_000;
  // The options beside the address (as one object: a second argument would be message
  // defaults). A few connections kept open and reused: a connection and its greeting per
  // message would cost more than the message.
  const transport = nodemailer.createTransport({
    url,
    pool: true,
    maxConnections: 5,
    maxMessages: 500,
    connectionTimeout: timeout,
    greetingTimeout: timeout,
    socketTimeout: timeout,
  });
  const send: Send = async (envelope) => {
    try {
      // Composed whole first: streamed, nodemailer writes each small MIME chunk to the socket
      // on its own, a quarter of what a message cost.
      const raw = await new MailComposer(toMail(envelope)).compile().build();
      await transport.sendMail({ envelope: { from: envelope.from, to: envelope.to }, raw });
    } catch (error) {
      const e = error as { responseCode?: number; code?: string; message?: string };
      // 5xx: the server refused for good. Anything else (4xx, a socket that closed, a
      // timeout) may pass later.
      const permanent = typeof e.responseCode === "number" && e.responseCode >= 500;
      throw new DeliveryError(
        `${e.responseCode ?? e.code ?? "ERR"} ${e.message ?? String(error)}`.slice(0, 500),
        !permanent,
        typeof e.responseCode !== "number",
      );
    }
  };
  send.close = () => transport.close();
  return send;
}

function toMail(envelope: Envelope) {
  return {
    messageId: envelope.messageId,
    from: envelope.from,
    to: envelope.to,
    subject: envelope.subject,
    text: envelope.text,
    html: envelope.html,
    ...(envelope.ics && {
      // RFC 6047: the iTIP method on the text/calendar part, plus the file to add by hand.
      icalEvent: { method: envelope.ics.method, filename: "rendez-vous.ics", content: envelope.ics.content },
    }),
  };
}
