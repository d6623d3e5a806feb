import { createAsync, query, revalidate, useAction, useNavigate } from "@solidjs/router";
import { createMemo, createSignal, type JSX, Show } from "solid-js";
import { Button } from "../../components/button.tsx";
import { ErrorNotice, Loadable, Loading, Notice } from "../../components/notice.tsx";
import {
  getFirstSlots,
  getManagedAppointment,
  getSlots,
  getStructure,
  type ManagedAppointment,
  type Place,
  rescheduleAppointment,
  type Slot,
} from "../../lib/api.ts";
import { addDays } from "../../lib/dates.ts";
import { manageHref } from "../../lib/private-link.ts";
import { appointmentMeeting, MeetingDetails, meetingMoment, meetingPlace, slotMeeting } from "../booking/meeting-details.tsx";
import { type SlotChoice, samePlace, slotsByDay } from "../booking/slot-choices.ts";
import { loadPlaces, NoAvailability, PlacePicker, WeekPicker } from "../booking/slot-pickers.tsx";
import { SlotTaken } from "../booking/slot-taken.tsx";
import { type ManageState, type MovedState, manageStateHref } from "./manage-href.ts";

/** What a view of the page does on arrival: its heading takes the focus, but on the first view. */
export type Arrive = (heading: HTMLElement) => void;

interface ViewProps {
  token: string;
  managed: ManagedAppointment;
  state: ManageState;
  arrive: Arrive;
}

/** The appointment now, in a sentence: « lundi 30 mars 2026 à 9 h 00 (Sur place — …) ». */
function CurrentAppointment(props: { managed: ManagedAppointment }) {
  const meeting = createMemo(() => appointmentMeeting(props.managed.appointment));
  return (
    <p class="manage__current">
      Votre rendez-vous actuel&nbsp;: <strong>{meetingMoment(meeting())}</strong> ({meetingPlace(meeting())}). Il reste réservé
      tant que vous n'avez pas confirmé le nouveau créneau.
    </p>
  );
}

/**
 * « Déplacer le rendez-vous »: step 2's ways to meet and weeks of slots, restricted to the same
 * structure and service; the current place is chosen to begin with.
 */
export function MoveView(props: ViewProps) {
  const navigate = useNavigate();
  const appointment = createMemo(() => props.managed.appointment);
  const loaded = createAsync(async () => {
    const structure = await getStructure(appointment().service.slug, appointment().structure.id);
    return { structure, places: structure ? await loadPlaces(appointment().service.slug, structure) : [] };
  });
  const wanted = createMemo<Place>(() =>
    props.state.mode
      ? { mode: props.state.mode, site: props.state.site }
      : { mode: appointment().mode, site: appointment().site?.id },
  );
  const place = createMemo(() => {
    const places = loaded()?.places ?? [];
    return places.length === 1 ? places[0] : places.find((candidate) => samePlace(candidate.place, wanted()));
  });

  function hrefWith(change: Partial<ManageState>): string {
    const current = place()?.place;
    return manageStateHref(props.token, {
      view: "deplacer",
      mode: current?.mode,
      site: current?.site,
      week: props.state.week,
      slot: props.state.slot,
      ...change,
    });
  }

  return (
    <section class="manage__section move" aria-labelledby="move-title">
      <h2 id="move-title" tabindex="-1" ref={props.arrive}>
        Déplacer le rendez-vous
      </h2>
      <CurrentAppointment managed={props.managed} />
      <Loadable
        loading="Recherche des disponibilités…"
        failure="Les disponibilités n'ont pas pu être chargées."
        queryKey={[getStructure.key, getFirstSlots.key]}
      >
        <Show when={loaded()}>
          {(data) => (
            <Show
              when={data().structure && data().places.length > 0}
              fallback={<NoAvailability structure={appointment().structure} />}
            >
              <PlacePicker
                places={data().places}
                current={place()}
                onChoose={(choice) =>
                  navigate(hrefWith({ mode: choice.place.mode, site: choice.place.site, week: undefined, slot: undefined }), {
                    replace: true,
                    scroll: false,
                  })
                }
              />
              <Show
                when={place()}
                fallback={<p class="slots__hint">Choisissez comment vous souhaitez être reçu pour voir les créneaux libres.</p>}
              >
                {(current) => (
                  <WeekPicker
                    service={appointment().service.slug}
                    structure={appointment().structure.id}
                    place={current()}
                    week={props.state.week}
                    slot={props.state.slot}
                    hrefWith={hrefWith}
                    navigate={navigate}
                    onSubmit={(week) => navigate(hrefWith({ view: "confirmer", week }))}
                  />
                )}
              </Show>
            </Show>
          )}
        </Show>
      </Loadable>
      <p>
        <a href={manageHref(props.token)}>Ne pas déplacer le rendez-vous</a>
      </p>
    </section>
  );
}

/** The new slot, found again among the week's free slots, with its structure for the place's name. */
async function findNewSlot(service: string, structureId: string, place: Place, week: string, slot: string) {
  const [structure, slots] = await Promise.all([
    getStructure(service, structureId),
    getSlots({ service, structure: structureId, place, from: week, to: addDays(week, 6) }),
  ]);
  const choice = slotsByDay(slots, week)
    .flatMap((day) => day.slots)
    .find((candidate) => candidate.id === slot);
  return { structure, choice };
}

/** The old and the new time side by side, then the move itself, on an explicit confirmation. */
export function ConfirmMove(props: ViewProps) {
  const navigate = useNavigate();
  const reschedule = useAction(rescheduleAppointment);
  const appointment = createMemo(() => props.managed.appointment);
  const place = createMemo<Place>(() => ({ mode: props.state.mode ?? "onsite", site: props.state.site }));
  const found = createAsync(() =>
    findNewSlot(appointment().service.slug, appointment().structure.id, place(), props.state.week ?? "", props.state.slot ?? ""),
  );
  const [sending, setSending] = createSignal(false);
  const [taken, setTaken] = createSignal<{ message: string; alternatives: Slot[] }>();
  const [failure, setFailure] = createSignal<{ message: string; slot: { key: string } }>();
  // A slot taken meanwhile stays shown, beside the alternatives.
  const choice = createMemo<SlotChoice | undefined>((previous) => found()?.choice ?? (taken() ? previous : undefined));
  let takenNotice: HTMLElement | undefined;
  const moveHref = createMemo(() => manageStateHref(props.token, { ...props.state, view: "deplacer" }));

  async function move(slot: { key: string }) {
    if (sending()) return;
    setSending(true);
    setFailure(undefined);
    const outcome = await reschedule(props.token, slot.key);
    setSending(false);
    switch (outcome.kind) {
      case "done": {
        // The page shows the moved appointment at once; the cache holds it as the server said.
        const key = getManagedAppointment.keyFor(props.token);
        query.set(key, { appointment: outcome.value.appointment, person: props.managed.person });
        const state: MovedState = { moved: true };
        navigate(manageHref(props.token), { replace: true, state });
        void revalidate(key, false);
        return;
      }
      case "taken":
        setTaken({ message: outcome.message, alternatives: outcome.alternatives });
        takenNotice?.focus();
        return;
      default:
        setFailure({ message: outcome.message, slot });
    }
  }

  const status = (): JSX.Element => (
    <>
      <Show when={sending()}>
        <Loading>Déplacement de votre rendez-vous…</Loading>
      </Show>
      <Show when={failure()}>
        {(failed) => (
          <ErrorNotice
            title="Votre rendez-vous n'a pas pu être déplacé."
            message={failed().message}
            onRetry={() => move(failed().slot)}
          />
        )}
      </Show>
    </>
  );

  return (
    <section class="manage__section" aria-labelledby="confirm-move-title">
      <h2 id="confirm-move-title" tabindex="-1" ref={props.arrive}>
        Confirmer le nouveau créneau
      </h2>
      <Loadable
        loading="Chargement du créneau choisi…"
        failure="Le créneau choisi n'a pas pu être chargé."
        queryKey={[getStructure.key, getSlots.key]}
      >
        <Show when={found()}>
          {(data) => (
            <Show
              when={taken()}
              keyed
              fallback={
                <Show
                  when={data().structure && choice()}
                  fallback={
                    <Notice>
                      <p>Ce créneau n'est plus libre, ou n'existe pas.</p>
                      <p>
                        <a href={manageStateHref(props.token, { ...props.state, view: "deplacer", slot: undefined })}>
                          Choisir un autre créneau
                        </a>
                      </p>
                    </Notice>
                  }
                >
                  {(current) => (
                    <>
                      <CurrentAppointment managed={props.managed} />
                      <h3>Le nouveau créneau</h3>
                      <Show when={data().structure}>
                        {(structure) => (
                          <MeetingDetails
                            meeting={slotMeeting(
                              current(),
                              structure(),
                              place(),
                              structure().sites.find((site) => site.id === place().site),
                              appointment().service.name,
                            )}
                          />
                        )}
                      </Show>
                      {status()}
                      <Button size="large" onClick={() => move(current())}>
                        Confirmer le déplacement
                      </Button>
                      <p class="move__back">
                        <a href={moveHref()}>Choisir un autre créneau</a>
                      </p>
                    </>
                  )}
                </Show>
              }
            >
              {(current) => (
                <SlotTaken
                  message={current.message}
                  alternatives={current.alternatives}
                  structure={data().structure}
                  kept="Votre rendez-vous actuel reste réservé."
                  slotsHref={manageStateHref(props.token, { view: "deplacer" })}
                  confirmLabel="Confirmer le déplacement"
                  status={status()}
                  onConfirm={(slot) => move(slot)}
                  ref={(element) => {
                    takenNotice = element;
                  }}
                />
              )}
            </Show>
          )}
        </Show>
      </Loadable>
      <p>
        <a href={manageHref(props.token)}>Ne pas déplacer le rendez-vous</a>
      </p>
    </section>
  );
}
