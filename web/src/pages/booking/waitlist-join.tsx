import { useAction } from "@solidjs/router";
import { createMemo, createSignal, For, onMount, Show } from "solid-js";
import { Button } from "../../components/button.tsx";
import { ErrorSummary } from "../../components/error-summary.tsx";
import { Loading, Refusal } from "../../components/notice.tsx";
import type { Commune, Slot } from "../../lib/api.ts";
import { dateOf, mondayOf } from "../../lib/dates.ts";
import { tokenOf } from "../../lib/private-link.ts";
import { type Joined, joinWaitlist } from "../waitlist/waitlist-api.ts";
import { noWishes, wishesInput, wishField } from "../waitlist/wishes.ts";
import { WishesFields } from "../waitlist/wishes-fields.tsx";
import { bookingHref } from "./booking-href.ts";
import { checkDetails, type Details, type DetailsField, emptyDetails, personInput, serverErrors } from "./details.ts";
import { meetingMoment } from "./meeting-details.tsx";
import { detailsIds, PersonDetailsFields } from "./person-details-fields.tsx";
import { slotId } from "./slot-choices.ts";

const IDS = detailsIds("attente-");
const ASKED: readonly DetailsField[] = ["firstName", "lastName", "email", "phone", "noticeAccepted"];

interface Waited {
  service: { slug: string; name: string };
  structure: { id: string; name: string };
  commune: Commune;
}

/**
 * No free slot within the horizon: rather than a dead end, « Me prévenir dès qu'un créneau
 * s'ouvre ». The person's names, a contact, the notice and optional wishes join the list; then
 * what they wait for and their link. Slots freed meanwhile (409) are offered to book instead.
 */
export default function WaitlistJoin(props: Waited) {
  const [joined, setJoined] = createSignal<Joined>();
  return (
    <section class="waitlist-join" aria-labelledby="waitlist-join-title">
      <h4 id="waitlist-join-title">Me prévenir dès qu'un créneau s'ouvre</h4>
      <Show when={joined()} fallback={<JoinForm {...props} onJoined={setJoined} />}>
        {(done) => <OnTheList {...props} joined={done()} />}
      </Show>
    </section>
  );
}

function JoinForm(props: Waited & { onJoined: (joined: Joined) => void }) {
  const join = useAction(joinWaitlist);
  const [details, setDetails] = createSignal<Details>(emptyDetails(props.commune));
  const [wishes, setWishes] = createSignal(noWishes());
  const [errors, setErrors] = createSignal<Partial<Record<DetailsField, string>>>({});
  const [wishErrors, setWishErrors] = createSignal<Record<string, string>>({});
  const [failure, setFailure] = createSignal<string>();
  const [opened, setOpened] = createSignal<Slot[]>();
  const [sending, setSending] = createSignal(false);
  let summary: HTMLElement | undefined;
  const links = createMemo(() => [
    ...ASKED.flatMap((field) => {
      const message = errors()[field];
      return message ? [{ target: IDS[field], message }] : [];
    }),
    ...Object.entries(wishErrors()).map(([target, message]) => ({ target, message })),
  ]);

  async function submit(event: SubmitEvent) {
    event.preventDefault();
    if (sending()) return;
    const found = checkDetails(details());
    setErrors(found);
    setWishErrors({});
    setFailure(undefined);
    if (Object.keys(found).length > 0) {
      summary?.focus();
      return;
    }
    setSending(true);
    const outcome = await join({
      service: props.service.slug,
      structure: props.structure.id,
      person: personInput(details()),
      noticeAccepted: true,
      ...wishesInput(wishes()),
    });
    setSending(false);
    if (outcome.kind === "done") props.onJoined(outcome.value);
    else if (outcome.kind === "taken") {
      setOpened(outcome.alternatives);
      setFailure(outcome.message);
    } else if (outcome.kind === "invalid") {
      const wished = Object.entries(outcome.fields).filter(([path]) => wishField(path));
      const refused = serverErrors(Object.fromEntries(Object.entries(outcome.fields).filter(([path]) => !wishField(path))));
      setErrors(refused.fields);
      setWishErrors(Object.fromEntries(wished.map(([path, message]) => [wishField(path) ?? path, message])));
      setFailure(refused.other.join(" ") || undefined);
      requestAnimationFrame(() => summary?.focus());
    } else setFailure(outcome.message);
  }

  return (
    <form class="details-form" onSubmit={submit} novalidate aria-labelledby="waitlist-join-title">
      <p>
        Laissez vos coordonnées&nbsp;: dès qu'un créneau s'ouvre (une annulation, de nouvelles disponibilités), il vous est
        proposé par message et réservé pour vous quelques minutes, le temps de le prendre.
      </p>
      <Show when={links().length > 0}>
        <ErrorSummary
          level={5}
          links={links()}
          ref={(element) => {
            summary = element;
          }}
        />
      </Show>
      <p class="details-form__intro">Tous les champs sont obligatoires, sauf mention contraire.</p>
      <PersonDetailsFields
        ids={IDS}
        details={details()}
        errors={errors()}
        onChange={(change) => setDetails({ ...details(), ...change })}
        level={5}
        waiting={true}
      />
      <WishesFields wishes={wishes()} onChange={(change) => setWishes({ ...wishes(), ...change })} errors={wishErrors()} />
      <Show when={sending()}>
        <Loading>Inscription en cours…</Loading>
      </Show>
      <Refusal message={failure()} />
      <Show when={opened()?.length}>
        <OpenedSlots {...props} slots={opened() ?? []} />
      </Show>
      <Button type="submit">Me prévenir</Button>
    </form>
  );
}

/** Slots freed while the person filled the form: to book, rather than wait. */
function OpenedSlots(props: Waited & { slots: Slot[] }) {
  const href = (slot: Slot) =>
    bookingHref({
      service: props.service.slug,
      commune: props.commune.code,
      structure: props.structure.id,
      mode: slot.mode,
      site: slot.siteId ?? undefined,
      week: mondayOf(dateOf(slot.start)),
      slot: slotId(slot.start),
      step: "3",
    });
  return (
    <>
      <p>Réservez l'un d'eux&nbsp;:</p>
      <ul>
        <For each={props.slots}>
          {(slot) => (
            <li>
              <a href={href(slot)}>Réserver le {meetingMoment(slot)}</a>
            </li>
          )}
        </For>
      </ul>
    </>
  );
}

/** On the list: what they wait for, how they will be told, and their link. */
function OnTheList(props: Waited & { joined: Joined }) {
  const href = createMemo(() => `/attente/${encodeURIComponent(tokenOf(props.joined.waitlistUrl))}`);
  let notice!: HTMLDivElement;
  // The form the focus was in is gone: the news takes it.
  onMount(() => notice.focus());
  return (
    <div class="notice" tabindex="-1" ref={notice}>
      <p class="notice__title">Vous êtes sur la liste d'attente</p>
      <p>
        Dès qu'un créneau s'ouvre pour «&nbsp;{props.service.name}&nbsp;» avec {props.structure.name}, un message vous le propose,
        avec le lien pour le prendre. Un message de confirmation vient de vous être envoyé.
      </p>
      <p>
        <a href={href()}>Voir ou quitter la liste</a>
      </p>
    </div>
  );
}
