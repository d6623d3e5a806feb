import { mkdirSync } from "node:fs";
import { rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { Config } from "../config.ts";
import { removeWrittenBefore } from "../mail/written-copies.ts";
import { brevoTransport } from "./brevo.ts";

/** One SMS as the outbox hands it to a transport: the text already within its segments. */
export interface SmsEnvelope {
  /** The outbox row id (uuid): the same on every attempt. */
  messageId: string;
  /** E.164, "+33612345678". */
  to: string;
  /** Already GSM-7-safe, within 2 segments (the outbox sees to it). */
  text: string;
  segments: number;
  encoding: "GSM-7" | "UCS-2";
}

/** Sends one SMS; throws a DeliveryError on failure. `close` ends what the transport keeps open. */
export type SendSms = ((sms: SmsEnvelope) => Promise<void>) & { close?: () => void };

export interface SmsTransportOptions {
  /** The HTTP client (global fetch by default). */
  fetch?: typeof fetch;
  /** How long an attempt may wait for the provider's answer. */
  timeoutMs?: number;
}

/**
 * Brevo when SMS_URL is set; otherwise each SMS is written as a JSON file in
 * DATA_DIR/outbox/sms, so that a fresh install sends nothing by mistake (an SMS costs money, and
 * goes to a real phone) and staff can read what would have gone.
 */
export function createSmsTransport(config: Pick<Config, "smsUrl" | "dataDir">, options: SmsTransportOptions = {}): SendSms {
  if (config.smsUrl) return brevoTransport(config.smsUrl, options);
  const dir = smsDir(config);
  mkdirSync(dir, { recursive: true });
  return async ({ to, text, segments, encoding, messageId }) => {
    const file = join(dir, fileOf(messageId));
    await writeFile(file, `${JSON.stringify({ to, text, segments, encoding, messageId }, null, 2)}\n`, "utf8");
  };
}

const smsDir = (config: Pick<Config, "dataDir">) => join(config.dataDir, "outbox", "sms");
// The id is a uuid; anything else is kept out of the path all the same.
const fileOf = (messageId: string) => `${messageId.replace(/[^A-Za-z0-9_-]/g, "")}.json`;

/**
 * Removes the written copies of outbox SMS (without SMS_URL, each one is a file holding a phone
 * number and a text): an erasure deletes the messages, and their copies go with them. Nothing to
 * do when they went to Brevo.
 */
export async function forgetSms(config: Pick<Config, "smsUrl" | "dataDir">, outboxIds: readonly string[]): Promise<void> {
  if (config.smsUrl) return;
  const dir = smsDir(config);
  await Promise.all(outboxIds.map((id) => rm(join(dir, fileOf(id)), { force: true })));
}

/** Removes the written copies older than `before`, as the outbox forgets its sent messages. */
export async function forgetSmsBefore(config: Pick<Config, "smsUrl" | "dataDir">, before: Date): Promise<number> {
  if (config.smsUrl) return 0;
  return removeWrittenBefore(smsDir(config), ".json", before);
}
