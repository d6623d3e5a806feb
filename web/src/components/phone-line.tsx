import { Show } from "solid-js";
import { telHref } from "../lib/phone.ts";

/** « Téléphone : 03 … », a link that dials on a phone; nothing without a number. */
export function PhoneLine(props: { phone: string | null }) {
  return (
    <Show when={props.phone}>
      {(phone) => (
        <p>
          Téléphone&nbsp;: <a href={telHref(phone())}>{phone()}</a>
        </p>
      )}
    </Show>
  );
}
