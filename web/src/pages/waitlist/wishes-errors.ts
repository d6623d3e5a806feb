import type { Outcome } from "../../lib/api.ts";
import { wishField } from "./wishes.ts";

/**
 * A refusal of the wishes, said where it belongs: on its field (by id) when the server named one
 * of the wishes, else above the form.
 */
export function wishesRefusal(outcome: Exclude<Outcome<unknown>, { kind: "done" }>): {
  fields: Record<string, string>;
  message: string | undefined;
} {
  if (outcome.kind !== "invalid") return { fields: {}, message: outcome.message };
  const fields: Record<string, string> = {};
  const other: string[] = [];
  for (const [path, message] of Object.entries(outcome.fields)) {
    const id = wishField(path);
    const sentence = message.charAt(0).toLocaleUpperCase("fr-FR") + message.slice(1);
    if (id) fields[id] ??= sentence;
    else other.push(sentence);
  }
  return { fields, message: other.length > 0 ? other.join(" ") : undefined };
}
