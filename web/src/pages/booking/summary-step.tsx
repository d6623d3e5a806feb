import { createAsync } from "@solidjs/router";
import { createMemo, Show } from "solid-js";
import { Loadable, Notice } from "../../components/notice.tsx";
import { getCommune, getServices, getSlots, getStructures, type Place } from "../../lib/api.ts";
import { addDays, dateOf, formatDayWithYear, formatTime, type LocalDate, timeOf } from "../../lib/dates.ts";
import { bookingHref } from "./booking-href.ts";
import { type Chosen, loadChosen, Recap, WhenChosen } from "./recap.tsx";
import { placeName, siteAddress, slotsByDay } from "./slot-choices.ts";

interface SummaryProps {
  service: string;
  commune: string;
  structure: string;
  place: Place;
  week: LocalDate;
  slot: string;
}

/**
 * Step 3, as far as this version goes: the chosen slot, said plainly, and the fact that the
 * details form and the booking itself come with the next version. Nothing is booked here.
 */
export function SummaryStep(props: SummaryProps) {
  const chosen = createAsync(() => loadChosen(props.service, props.commune));
  return (
    <Loadable
      loading="Chargement du créneau choisi…"
      failure="Le créneau choisi n'a pas pu être chargé."
      queryKey={[getServices.key, getCommune.key, getStructures.key, getSlots.key]}
    >
      <WhenChosen chosen={chosen()}>{(known) => <ChosenSlot {...props} chosen={known} />}</WhenChosen>
    </Loadable>
  );
}

function ChosenSlot(props: SummaryProps & { chosen: Chosen }) {
  // The slot is found again among the week's free slots: still free, and with its details.
  const found = createAsync(async () => {
    const structure = (await getStructures(props.service, props.commune)).find((candidate) => candidate.id === props.structure);
    if (!structure) return { structure, choice: undefined };
    const slots = await getSlots({
      service: props.service,
      structure: structure.id,
      place: props.place,
      from: props.week,
      to: addDays(props.week, 6),
    });
    const choice = slotsByDay(slots, props.week)
      .flatMap((day) => day.slots)
      .find((candidate) => candidate.keys.includes(props.slot));
    return { structure, choice };
  });
  const slotsHref = (slot?: string) =>
    bookingHref({
      service: props.service,
      commune: props.commune,
      structure: props.structure,
      mode: props.place.mode,
      site: props.place.site,
      week: props.week,
      slot,
    });
  const site = createMemo(() => found()?.structure?.sites.find((candidate) => candidate.id === props.place.site));

  return (
    <Show when={found()}>
      {(data) => (
        <Show
          when={data().structure}
          fallback={
            <Notice>
              <p>Cette structure ne reçoit pas les habitants de {props.chosen.commune.name} pour ce besoin.</p>
              <p>
                <a href={bookingHref({ service: props.service, commune: props.commune })}>
                  Voir les structures qui vous reçoivent
                </a>
              </p>
            </Notice>
          }
        >
          {(structure) => (
            <>
              <Recap
                service={props.service}
                chosen={props.chosen}
                structure={{ name: structure().name, href: bookingHref({ service: props.service, commune: props.commune }) }}
              />
              <section class="summary" aria-labelledby="summary-title">
                <h3 id="summary-title">Le créneau choisi</h3>
                <Show
                  when={data().choice}
                  fallback={
                    <Notice>
                      <p>Ce créneau n'est plus libre, ou n'existe pas.</p>
                      <p>
                        <a href={slotsHref()}>Choisir un autre créneau</a>
                      </p>
                    </Notice>
                  }
                >
                  {(choice) => (
                    <>
                      <dl class="summary__list">
                        <div class="summary__item">
                          <dt>Date</dt>
                          <dd>{formatDayWithYear(dateOf(choice().start))}</dd>
                        </div>
                        <div class="summary__item">
                          <dt>Heure</dt>
                          <dd>
                            de {formatTime(choice().time)} à {formatTime(timeOf(choice().end))}
                          </dd>
                        </div>
                        <div class="summary__item">
                          <dt>Structure</dt>
                          <dd>
                            {structure().name} (réseau {structure().network.name})
                          </dd>
                        </div>
                        <div class="summary__item">
                          <dt>Mode de rendez-vous</dt>
                          <dd>
                            {placeName({ place: props.place, site: site() })}
                            <Show when={site()}>
                              {(known) => (
                                <>
                                  <br />
                                  {siteAddress(known())}
                                </>
                              )}
                            </Show>
                          </dd>
                        </div>
                        <Show when={site()?.accessInfo}>
                          {(access) => (
                            <div class="summary__item">
                              <dt>Accès</dt>
                              <dd>{access()}</dd>
                            </div>
                          )}
                        </Show>
                        <Show when={choice().seatsLeft > 1}>
                          <div class="summary__item">
                            <dt>Séance collective</dt>
                            <dd>{choice().seatsLeft} places restantes</dd>
                          </div>
                        </Show>
                      </dl>
                      <Notice>
                        <p class="notice__title">Ce créneau n'est pas encore réservé.</p>
                        <p>
                          La saisie de vos coordonnées et la confirmation du rendez-vous en ligne arrivent dans la prochaine
                          version de RDV Orientation.
                        </p>
                        <Show when={structure().phone}>
                          {(phone) => (
                            <p>
                              Pour réserver ce créneau dès maintenant, appelez {structure().name} au{" "}
                              <a href={`tel:${phone().replace(/\s/g, "")}`}>{phone()}</a>.
                            </p>
                          )}
                        </Show>
                      </Notice>
                      <p>
                        <a href={slotsHref(props.slot)}>Choisir un autre créneau</a>
                      </p>
                    </>
                  )}
                </Show>
              </section>
            </>
          )}
        </Show>
      )}
    </Show>
  );
}
