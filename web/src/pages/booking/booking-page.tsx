import { useSearchParams } from "@solidjs/router";
import { createMemo, Match, onMount, Show, Switch } from "solid-js";
import { Dynamic } from "solid-js/web";
import { PageTitle } from "../../components/page-title.tsx";
import { Stepper } from "../../components/stepper.tsx";
import "../../components/form.css";
import type { Place } from "../../lib/api.ts";
import { readBookingState } from "./booking-href.ts";
import "./booking.css";
import { errorCount } from "./booking-draft.ts";
import { DetailsStep } from "./details-step.tsx";
import { NeedStep } from "./need-step.tsx";
import { ReviewStep } from "./review-step.tsx";
import { SlotsStep } from "./slots-step.tsx";
import { StructuresStep } from "./structures-step.tsx";

export const STEPS = [
  "Votre besoin et votre commune",
  "Le lieu et le créneau",
  "Vos coordonnées",
  "Vérification et confirmation",
] as const;

/** What the page shows, decided by the address alone. */
type View = "need" | "structures" | "slots" | "details" | "review";

const VIEWS = {
  need: { step: 1, title: "votre besoin et votre commune" },
  structures: { step: 2, title: "choisir une structure" },
  slots: { step: 2, title: "choisir un créneau" },
  details: { step: 3, title: "vos coordonnées" },
  review: { step: 4, title: "vérifiez et confirmez" },
} as const;

/**
 * « Prendre rendez-vous », in four steps: the need and the commune; the structures that serve
 * it, a place and a slot; the person's details; the review and the booking itself.
 */
export function BookingPage() {
  const [searchParams] = useSearchParams();
  const state = createMemo(() => readBookingState(searchParams));
  // One memo per parameter: a step reloads its data only when a parameter it uses changes, and
  // keeps its elements (and the focus in them) when another one does, such as the chosen slot.
  const service = createMemo(() => state().service);
  const commune = createMemo(() => state().commune);
  const structure = createMemo(() => state().structure);
  const week = createMemo(() => state().week);
  const slot = createMemo(() => state().slot);
  const place = createMemo<Place | undefined>(
    () => {
      const { mode, site } = state();
      return mode && { mode, site };
    },
    undefined,
    { equals: (a, b) => a?.mode === b?.mode && a?.site === b?.site },
  );
  const view = createMemo<View>(() => {
    const step = state().step;
    if (!service() || !commune() || step === "1") return "need";
    if (!structure()) return "structures";
    if (!place() || !week() || !slot()) return "slots";
    return step === "4" ? "review" : step === "3" ? "details" : "slots";
  });
  const documentTitle = createMemo(() => {
    const { step, title } = VIEWS[view()];
    // A form sent back with errors says so first (RGAA 11.10, as GOV.UK does).
    const errors = view() === "details" && errorCount() > 0 ? "Erreur : " : "";
    return `${errors}Étape ${step} sur ${STEPS.length} : ${title} — Prendre rendez-vous`;
  });

  // The first view of the page is announced with the page; each next one moves the focus to its
  // step heading, which a screen reader then reads ("Étape 2 sur 4 : Le lieu et le créneau").
  let firstView = true;
  function arrive(heading: HTMLElement) {
    onMount(() => {
      if (firstView) firstView = false;
      else heading.focus();
    });
  }

  // Each view is shown only when the parameters it needs are there (`view` checked them).
  const given = (value: string | undefined) => value ?? "";
  return (
    <div class="booking">
      <PageTitle documentTitle={documentTitle()}>Prendre rendez-vous</PageTitle>
      <Show when={view()} keyed>
        {(current) => <Stepper steps={STEPS} current={VIEWS[current].step} headingRef={arrive} />}
      </Show>
      <Switch>
        <Match when={view() === "need"}>
          <NeedStep service={service()} commune={commune()} />
        </Match>
        <Match when={view() === "structures"}>
          <StructuresStep service={given(service())} commune={given(commune())} />
        </Match>
        <Match when={view() === "slots"}>
          <SlotsStep
            service={given(service())}
            commune={given(commune())}
            structure={given(structure())}
            place={place()}
            week={week()}
            slot={slot()}
          />
        </Match>
        <Match when={(view() === "details" || view() === "review") && place()}>
          {(chosenPlace) => (
            <Dynamic
              component={view() === "details" ? DetailsStep : ReviewStep}
              service={given(service())}
              commune={given(commune())}
              structure={given(structure())}
              place={chosenPlace()}
              week={given(week())}
              slot={given(slot())}
            />
          )}
        </Match>
      </Switch>
    </div>
  );
}
