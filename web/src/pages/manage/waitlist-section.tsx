import { query, revalidate, useAction } from "@solidjs/router";
import { createSignal, Show } from "solid-js";
import { Button } from "../../components/button.tsx";
import { ErrorSummary } from "../../components/error-summary.tsx";
import { Loading, Refusal } from "../../components/notice.tsx";
import { getManagedAppointment, type ManagedAppointment } from "../../lib/api.ts";
import { EntrySummary, sinceWords } from "../waitlist/entry-summary.tsx";
import { joinFromMeeting, leaveFromMeeting } from "../waitlist/waitlist-api.ts";
import { noWishes, type WishesState, wishesInput, wishesState } from "../waitlist/wishes.ts";
import { wishesRefusal } from "../waitlist/wishes-errors.ts";
import { WishesFields } from "../waitlist/wishes-fields.tsx";

/**
 * « Me prévenir si un créneau se libère plus tôt »: joining the waiting list from the meeting,
 * or, once on it, the wishes, the offers received, and the ways to change them or leave. Nothing
 * when the meeting cannot wait for earlier time (within two days, a collective session).
 */
export function WaitlistSection(props: { token: string; managed: ManagedAppointment }) {
  const [said, setSaid] = createSignal("");
  // The page shows the list as the server answered; the cache holds it so.
  function keep(waitlist: ManagedAppointment["waitlist"], words: string) {
    const key = getManagedAppointment.keyFor(props.token);
    query.set(key, { ...props.managed, waitlist });
    void revalidate(key, false);
    setSaid("");
    requestAnimationFrame(() => setSaid(words));
  }
  return (
    <Show when={props.managed.waitlist || !props.managed.waitlistProblem}>
      <section class="manage__section" aria-labelledby="waitlist-title">
        <h2 id="waitlist-title">Me prévenir si un créneau se libère plus tôt</h2>
        <div aria-live="polite">
          <Show when={said()}>{(words) => <p class="notice">{words()}</p>}</Show>
        </div>
        <Show
          when={props.managed.waitlist}
          fallback={
            <Join
              token={props.token}
              onJoined={(entry) => keep(entry, "C'est noté : vous serez prévenu par message si un créneau se libère plus tôt.")}
            />
          }
        >
          {(entry) => (
            <OnTheList
              token={props.token}
              entry={entry()}
              onChanged={(changed) => keep(changed, "Vos souhaits sont enregistrés.")}
              onLeft={() => keep(null, "Vous ne serez plus prévenu. Votre rendez-vous reste inchangé.")}
            />
          )}
        </Show>
      </section>
    </Show>
  );
}

type Entry = NonNullable<ManagedAppointment["waitlist"]>;

/** The form of the wishes, sent to the list; `submit` names the button. */
function WishesForm(props: {
  token: string;
  initial: WishesState;
  submit: string;
  onSaved: (entry: Entry) => void;
  onCancel?: () => void;
}) {
  const join = useAction(joinFromMeeting);
  const [wishes, setWishes] = createSignal(props.initial);
  const [errors, setErrors] = createSignal<Record<string, string>>({});
  const [failure, setFailure] = createSignal<string>();
  const [sending, setSending] = createSignal(false);
  let summary: HTMLElement | undefined;

  async function send(event: SubmitEvent) {
    event.preventDefault();
    if (sending()) return;
    setSending(true);
    setFailure(undefined);
    const outcome = await join(props.token, wishesInput(wishes()));
    setSending(false);
    if (outcome.kind === "done") {
      setErrors({});
      props.onSaved(outcome.value.entry);
      return;
    }
    const refused = wishesRefusal(outcome);
    setErrors(refused.fields);
    setFailure(refused.message);
    requestAnimationFrame(() => summary?.focus());
  }

  return (
    <form onSubmit={send} novalidate aria-label="Vos souhaits">
      <Show when={Object.keys(errors()).length > 0}>
        <ErrorSummary
          level={3}
          links={Object.entries(errors()).map(([target, message]) => ({ target, message }))}
          messages={[]}
          ref={(element) => {
            summary = element;
          }}
        />
      </Show>
      <WishesFields wishes={wishes()} onChange={(change) => setWishes({ ...wishes(), ...change })} errors={errors()} />
      <Show when={sending()}>
        <Loading>Enregistrement…</Loading>
      </Show>
      <Refusal message={failure()} />
      <div class="waitlist__actions">
        <Button type="submit">{props.submit}</Button>
        <Show when={props.onCancel}>
          {(cancel) => (
            <Button variant="secondary" onClick={() => cancel()()}>
              Annuler
            </Button>
          )}
        </Show>
      </div>
    </form>
  );
}

function Join(props: { token: string; onJoined: (entry: Entry) => void }) {
  return (
    <>
      <p>
        Si un créneau plus tôt se libère (une annulation, de nouvelles disponibilités), il vous est proposé par message et réservé
        pour vous quelques minutes. Vous choisissez de le prendre ou non&nbsp;; sinon, votre rendez-vous reste tel quel.
      </p>
      <WishesForm token={props.token} initial={noWishes()} submit="Me prévenir" onSaved={props.onJoined} />
    </>
  );
}

function OnTheList(props: { token: string; entry: Entry; onChanged: (entry: Entry) => void; onLeft: () => void }) {
  const leave = useAction(leaveFromMeeting);
  const [editing, setEditing] = createSignal(false);
  const [failure, setFailure] = createSignal<string>();
  let modify: HTMLButtonElement | undefined;

  async function quit() {
    setFailure(undefined);
    const outcome = await leave(props.token);
    if (outcome.kind === "done") props.onLeft();
    else setFailure(outcome.message);
  }

  return (
    <>
      <p>Vous êtes sur la liste d'attente depuis le {sinceWords(props.entry)}. Vos souhaits&nbsp;:</p>
      <Show
        when={editing()}
        fallback={
          <>
            <EntrySummary entry={props.entry} hasMeeting={true} />
            <Refusal message={failure()} />
            {/* biome-ignore lint/a11y/noRedundantRoles: Safari drops the list semantics of a <ul> without list-style outside <nav>. */}
            <ul class="waitlist__actions" role="list">
              <li>
                <Button variant="secondary" ref={modify} onClick={() => setEditing(true)}>
                  Modifier mes souhaits
                </Button>
              </li>
              <li>
                <Button variant="secondary" onClick={() => void quit()}>
                  Ne plus être prévenu
                </Button>
              </li>
            </ul>
          </>
        }
      >
        <WishesForm
          token={props.token}
          initial={wishesState(props.entry)}
          submit="Enregistrer mes souhaits"
          onSaved={(entry) => {
            setEditing(false);
            props.onChanged(entry);
            requestAnimationFrame(() => modify?.focus());
          }}
          onCancel={() => {
            setEditing(false);
            requestAnimationFrame(() => modify?.focus());
          }}
        />
      </Show>
    </>
  );
}
