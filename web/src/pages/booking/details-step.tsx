import { useNavigate } from "@solidjs/router";
import { createMemo, createSignal, onCleanup, onMount, Show, untrack } from "solid-js";
import { Button } from "../../components/button.tsx";
import { ErrorSummary } from "../../components/error-summary.tsx";
import type { Commune } from "../../lib/api.ts";
import { draft, refusal, resumeDraft, setErrorCount, setRefusal, updateDraft } from "./booking-draft.ts";
import { bookingHref } from "./booking-href.ts";
import { type SlotParams, slotsHref, stepHref, WithChosenSlot } from "./chosen-slot.tsx";
import { checkDetails, FIELDS, type FieldErrors } from "./details.ts";
import { MeetingDetails } from "./meeting-details.tsx";
import { detailsIds, PersonDetailsFields } from "./person-details-fields.tsx";
import { Recap } from "./recap.tsx";

const IDS = detailsIds();

/** Step 3: the chosen slot, and the person's details. */
export function DetailsStep(props: SlotParams) {
  return (
    <WithChosenSlot {...props} loading="Chargement du créneau choisi…">
      {(slot) => (
        <>
          <Recap
            service={props.service}
            chosen={slot().chosen}
            structure={{ name: slot().structure.name, href: bookingHref({ service: props.service, commune: props.commune }) }}
          />
          <section class="summary" aria-labelledby="summary-title">
            <h3 id="summary-title">Le créneau choisi</h3>
            <MeetingDetails meeting={slot().meeting} />
            <p>
              <a href={slotsHref(props, props.slot)}>Choisir un autre créneau</a>
            </p>
          </section>
          <DetailsForm commune={slot().chosen.commune} reviewHref={stepHref(props, "4")} />
        </>
      )}
    </WithChosenSlot>
  );
}

function DetailsForm(props: { commune: Commune; reviewHref: string }) {
  const navigate = useNavigate();
  untrack(() => resumeDraft(props.commune));
  // The server's refusal of the last request, if that is why the form is back: shown once.
  const refused = untrack(refusal);
  setRefusal(undefined);
  const [errors, setErrors] = createSignal<FieldErrors>(refused?.fields ?? {});
  const [other, setOther] = createSignal<string[]>(refused?.other ?? []);
  const links = createMemo(() =>
    FIELDS.flatMap((field) => {
      const message = errors()[field];
      return message ? [{ target: IDS[field], message }] : [];
    }),
  );
  const hasErrors = createMemo(() => links().length + other().length > 0);
  let summary: HTMLElement | undefined;

  onMount(() => {
    if (!hasErrors()) return;
    setErrorCount(links().length + other().length);
    // After the step's heading, which takes the focus when the step is shown.
    requestAnimationFrame(() => summary?.focus());
  });
  onCleanup(() => setErrorCount(0));

  function submit(event: SubmitEvent) {
    event.preventDefault();
    const found = checkDetails(draft());
    setErrors(found);
    setOther([]);
    const count = Object.keys(found).length;
    setErrorCount(count);
    if (count === 0) {
      navigate(props.reviewHref);
      return;
    }
    summary?.focus();
  }

  return (
    <form class="details-form" onSubmit={submit} novalidate aria-labelledby="details-title">
      <h3 id="details-title">Vos coordonnées</h3>
      <Show when={hasErrors()}>
        <ErrorSummary
          level={4}
          links={links()}
          messages={other()}
          ref={(element) => {
            summary = element;
          }}
        />
      </Show>
      <p class="details-form__intro">Tous les champs sont obligatoires, sauf mention contraire.</p>
      <PersonDetailsFields ids={IDS} details={draft()} errors={errors()} onChange={updateDraft} level={4} />
      <Button type="submit">Continuer</Button>
    </form>
  );
}
