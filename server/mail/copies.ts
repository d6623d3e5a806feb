import type { Config } from "../config.ts";
import { forgetSms, forgetSmsBefore } from "../sms/transport.ts";
import { forgetMessages, forgetMessagesBefore } from "./transport.ts";

// Without SMTP_URL or SMS_URL each message is also a file in DATA_DIR/outbox (a name, a number
// or an address, a link): the files go with their rows.

type CopiesConfig = Pick<Config, "smtpUrl" | "smsUrl" | "dataDir">;

/** Removes the written copies of these outbox messages, e-mails and SMS. */
export async function forgetCopies(config: CopiesConfig, outboxIds: readonly string[]): Promise<void> {
  await Promise.all([forgetMessages(config, outboxIds), forgetSms(config, outboxIds)]);
}

/** Removes the written copies older than `before`; how many. */
export async function forgetCopiesBefore(config: CopiesConfig, before: Date): Promise<number> {
  const [emails, sms] = await Promise.all([forgetMessagesBefore(config, before), forgetSmsBefore(config, before)]);
  return emails + sms;
}
