import { createAsync, useNavigate } from "@solidjs/router";
import { createMemo, lazy, Show } from "solid-js";
import { Loadable } from "../../components/notice.tsx";
import { getCommune, getFirstSlots, getServices, getStructures, type Place } from "../../lib/api.ts";
import type { LocalDate } from "../../lib/dates.ts";
import { type BookingState, bookingHref } from "./booking-href.ts";
import { type Chosen, loadChosen, NotServedHere, Recap, WhenChosen } from "./recap.tsx";
import { samePlace } from "./slot-choices.ts";
import { loadPlaces, NoAvailability, type OpenPlace, PlacePicker, WeekPicker } from "./slot-pickers.tsx";

// Rarely needed (nothing free for months): its form and the waiting list's words load only then.
const WaitlistJoin = lazy(() => import("./waitlist-join.tsx"));

interface SlotsProps {
  service: string;
  commune: string;
  structure: string;
  place?: Place | undefined;
  week?: LocalDate | undefined;
  slot?: string | undefined;
}

/** Step 2, second part: how to meet the chosen structure, then a free slot of a week. */
export function SlotsStep(props: SlotsProps) {
  const chosen = createAsync(() => loadChosen(props.service, props.commune));
  return (
    <Loadable
      loading="Recherche des disponibilités…"
      failure="Les disponibilités n'ont pas pu être chargées."
      queryKey={[getServices.key, getCommune.key, getStructures.key, getFirstSlots.key]}
    >
      <WhenChosen chosen={chosen()}>{(known) => <StructureSlots {...props} chosen={known} />}</WhenChosen>
    </Loadable>
  );
}

/** The structure, if it serves the commune for this need, and the places where it has free slots. */
async function loadStructurePlaces(service: string, commune: string, id: string) {
  const structure = (await getStructures(service, commune)).structures.find((candidate) => candidate.id === id);
  return { structure, places: structure ? await loadPlaces(service, structure) : [] };
}

function StructureSlots(props: SlotsProps & { chosen: Chosen }) {
  const navigate = useNavigate();
  const loaded = createAsync(() => loadStructurePlaces(props.service, props.commune, props.structure));
  const structuresHref = createMemo(() => bookingHref({ service: props.service, commune: props.commune }));
  // Only one way to meet: nothing to choose. Otherwise the address says which, if any.
  const place = createMemo(() => {
    const places = loaded()?.places ?? [];
    return places.length === 1 ? places[0] : places.find((candidate) => samePlace(candidate.place, props.place));
  });

  /** The address of this step with `change` applied; it names the place even when there was no choice. */
  function hrefWith(change: Partial<BookingState>): string {
    const current = place()?.place ?? props.place;
    return bookingHref({
      service: props.service,
      commune: props.commune,
      structure: props.structure,
      mode: current?.mode,
      site: current?.site,
      week: props.week,
      slot: props.slot,
      ...change,
    });
  }

  function choosePlace(choice: OpenPlace) {
    // Arrows move through radio buttons, checking each: replace, so that Back leaves the step.
    navigate(hrefWith({ mode: choice.place.mode, site: choice.place.site, week: undefined, slot: undefined }), {
      replace: true,
      scroll: false,
    });
  }

  return (
    <Show when={loaded()}>
      {(data) => (
        <Show
          when={data().structure}
          fallback={<NotServedHere communeName={props.chosen.commune.name} structuresHref={structuresHref()} />}
        >
          {(structure) => (
            <>
              <Recap
                service={props.service}
                chosen={props.chosen}
                structure={{ name: structure().name, href: structuresHref() }}
              />
              <section class="slots" aria-labelledby="slots-title">
                <h3 id="slots-title">Choisissez un créneau</h3>
                <Show
                  when={data().places.length > 0}
                  fallback={
                    <>
                      <NoAvailability structure={structure()} />
                      <Show when={structure().waitlist}>
                        <WaitlistJoin service={props.chosen.service} structure={structure()} commune={props.chosen.commune} />
                      </Show>
                    </>
                  }
                >
                  <PlacePicker places={data().places} current={place()} onChoose={choosePlace} />
                  <Show
                    when={place()}
                    fallback={
                      <p class="slots__hint">Choisissez comment vous souhaitez être reçu pour voir les créneaux libres.</p>
                    }
                  >
                    {(current) => (
                      <WeekPicker
                        service={props.service}
                        structure={structure().id}
                        place={current()}
                        week={props.week}
                        slot={props.slot}
                        hrefWith={hrefWith}
                        navigate={navigate}
                        onSubmit={(week) => navigate(hrefWith({ week, step: "3" }))}
                      />
                    )}
                  </Show>
                </Show>
              </section>
            </>
          )}
        </Show>
      )}
    </Show>
  );
}
