import { For, Show } from "solid-js";
import { Button } from "../../components/button.tsx";
import type { Slot } from "../../lib/api.ts";
import { dateOf, formatDayWithYear, formatTime, timeOf } from "../../lib/dates.ts";
import type { Meeting } from "../booking/meeting-details.tsx";
import { meetingMoment, meetingPlace } from "../booking/meeting-details.tsx";
import type { Offer } from "./waitlist-api.ts";

/** The held slot as the booking's details show a meeting. */
export function offerMeeting(offer: Offer, slot: Slot = offer.slot): Meeting {
  const site = slot.mode === "onsite" ? offer.sites.find((place) => place.id === slot.siteId) : undefined;
  return {
    start: slot.start,
    end: slot.end,
    service: offer.service.name,
    structure: offer.structure.name,
    mode: slot.mode,
    site: site && { name: site.name, address: `${site.address}, ${site.postcode} ${site.commune}`, accessInfo: "" },
  };
}

/**
 * Other free slots earlier than the person's meeting: each with « Prendre ce créneau » while the
 * offer is open (`onTake`), else only said.
 */
export function OtherSlots(props: { offer: Offer; slots: Slot[]; onTake?: ((slot: Slot) => void) | undefined }) {
  return (
    <Show when={props.slots.length > 0}>
      <section class="manage__section" aria-labelledby="other-slots-title">
        <h2 id="other-slots-title">{props.offer.current ? "D'autres créneaux libres plus tôt" : "D'autres créneaux libres"}</h2>
        <p>
          {props.onTake
            ? "Ils ne vous sont pas réservés : ils restent à qui les prend en premier."
            : "Ils étaient libres à l'instant ; ils ne vous sont pas réservés."}
        </p>
        {/* biome-ignore lint/a11y/noRedundantRoles: Safari drops the list semantics of a <ul> without list-style outside <nav>. */}
        <ul class="offer__alternatives" role="list">
          <For each={props.slots}>
            {(slot) => {
              const meeting = offerMeeting(props.offer, slot);
              return (
                <li class="offer__alternative">
                  <p>
                    <strong>
                      {formatDayWithYear(dateOf(slot.start))} à {formatTime(timeOf(slot.start))}
                    </strong>
                    <br />
                    {meetingPlace(meeting)}
                  </p>
                  <Show when={props.onTake}>
                    {(take) => (
                      <Button variant="secondary" onClick={() => take()(slot)}>
                        Prendre ce créneau
                        <span class="visually-hidden">
                          {" "}
                          : {meetingMoment(slot)}, {meetingPlace(meeting)}
                        </span>
                      </Button>
                    )}
                  </Show>
                </li>
              );
            }}
          </For>
        </ul>
      </section>
    </Show>
  );
}
