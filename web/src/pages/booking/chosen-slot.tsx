import { createAsync } from "@solidjs/router";
import { type Accessor, createMemo, type JSX, Show } from "solid-js";
import { Loadable, Notice } from "../../components/notice.tsx";
import { getCommune, getServices, getSlots, getStructures, type Place, type Site, type Structure } from "../../lib/api.ts";
import { addDays, type LocalDate } from "../../lib/dates.ts";
import { bookingHref } from "./booking-href.ts";
import { type Meeting, slotMeeting } from "./meeting-details.tsx";
import { type Chosen, loadChosen, NotServedHere, WhenChosen } from "./recap.tsx";
import { type SlotChoice, slotsByDay } from "./slot-choices.ts";

/** The address's choices once a slot is chosen (steps 3 and 4). */
export interface SlotParams {
  service: string;
  commune: string;
  structure: string;
  place: Place;
  week: LocalDate;
  slot: string;
}

/** The chosen slot, found again among the free ones, with what the steps show of it. */
export interface ChosenSlot {
  chosen: Chosen;
  structure: Structure;
  site: Site | undefined;
  choice: SlotChoice;
  meeting: Meeting;
}

/** The address of step 2 for these choices: the week, and the slot when given. */
export const slotsHref = (params: SlotParams, slot?: string) =>
  bookingHref({
    service: params.service,
    commune: params.commune,
    structure: params.structure,
    mode: params.place.mode,
    site: params.place.site,
    week: params.week,
    slot,
  });

/** The address of step 3 or 4 for these choices. */
export const stepHref = (params: SlotParams, step: "3" | "4") =>
  bookingHref({
    service: params.service,
    commune: params.commune,
    structure: params.structure,
    mode: params.place.mode,
    site: params.place.site,
    week: params.week,
    slot: params.slot,
    step,
  });

// The slot is found again among the week's free slots: still free, and with its details.
async function findSlot(params: SlotParams) {
  const structure = (await getStructures(params.service, params.commune)).structures.find(
    (candidate) => candidate.id === params.structure,
  );
  if (!structure) return { structure, choice: undefined };
  const slots = await getSlots({
    service: params.service,
    structure: structure.id,
    place: params.place,
    from: params.week,
    to: addDays(params.week, 6),
  });
  const choice = slotsByDay(slots, params.week)
    .flatMap((day) => day.slots)
    .find((candidate) => candidate.id === params.slot);
  return { structure, choice };
}

/**
 * Its children with the chosen slot, once loaded and when still free; otherwise says what is
 * wrong and leads back. With `keepLast`, a slot that stops being free meanwhile stays shown
 * (step 4 says itself that it was taken, and offers others).
 */
export function WithChosenSlot(
  props: SlotParams & { loading: string; keepLast?: boolean; children: (slot: Accessor<ChosenSlot>) => JSX.Element },
) {
  const chosen = createAsync(() => loadChosen(props.service, props.commune));
  return (
    <Loadable
      loading={props.loading}
      failure="Le créneau choisi n'a pas pu être chargé."
      queryKey={[getServices.key, getCommune.key, getStructures.key, getSlots.key]}
    >
      <WhenChosen chosen={chosen()}>{(known) => <Found {...props} chosen={known} />}</WhenChosen>
    </Loadable>
  );
}

function Found(
  props: SlotParams & { chosen: Chosen; keepLast?: boolean; children: (slot: Accessor<ChosenSlot>) => JSX.Element },
) {
  const found = createAsync(() => findSlot(props));
  const choice = createMemo<SlotChoice | undefined>((previous) => found()?.choice ?? (props.keepLast ? previous : undefined));
  const slot = createMemo<ChosenSlot | undefined>(() => {
    const structure = found()?.structure;
    const current = choice();
    if (!structure || !current) return undefined;
    const site = structure.sites.find((candidate) => candidate.id === props.place.site);
    const meeting = slotMeeting(current, structure, props.place, site, props.chosen.service.name);
    return { chosen: props.chosen, structure, site, choice: current, meeting };
  });

  return (
    <Show when={found()}>
      {(data) => (
        <Show
          when={data().structure}
          fallback={
            <NotServedHere
              communeName={props.chosen.commune.name}
              structuresHref={bookingHref({ service: props.service, commune: props.commune })}
            />
          }
        >
          <Show
            when={slot()}
            fallback={
              <Notice>
                <p>Ce créneau n'est plus libre, ou n'existe pas.</p>
                <p>
                  <a href={slotsHref(props)}>Choisir un autre créneau</a>
                </p>
              </Notice>
            }
          >
            {(current) => props.children(current)}
          </Show>
        </Show>
      )}
    </Show>
  );
}
