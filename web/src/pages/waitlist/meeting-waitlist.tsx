import { query, revalidate, useAction } from "@solidjs/router";
import { createSignal, onMount, Show } from "solid-js";
import { Button } from "../../components/button.tsx";
import { Refusal } from "../../components/notice.tsx";
import { getManagedAppointment, type ManagedAppointment, type Mode } from "../../lib/api.ts";
import { EntrySummary, sinceWords } from "./entry-summary.tsx";
import { joinFromMeeting, leaveFromMeeting } from "./waitlist-api.ts";
import { noWishes, type WishesState, wishesInput, wishesState } from "./wishes.ts";
import { wishesRefusal } from "./wishes-errors.ts";
import { WishesFields } from "./wishes-fields.tsx";

// The waiting list on the private link, past its heading (manage/waitlist-section.tsx): with the
// waiting list's pages, in their chunk.

/** On the list or joining it; what was done said in a live region, the cache keeping the server's answer. */
export function WaitlistPanel(props: { token: string; managed: ManagedAppointment; opened: boolean; onAnswered: () => void }) {
  const [said, setSaid] = createSignal("");
  function keep(waitlist: ManagedAppointment["waitlist"], words: string) {
    props.onAnswered();
    const key = getManagedAppointment.keyFor(props.token);
    query.set(key, { ...props.managed, waitlist });
    void revalidate(key, false);
    setSaid("");
    requestAnimationFrame(() => setSaid(words));
  }
  return (
    <>
      <div aria-live="polite">
        <Show when={said()}>{(words) => <p class="notice">{words()}</p>}</Show>
      </div>
      <Show
        when={props.managed.waitlist}
        fallback={
          <Join
            token={props.token}
            modes={props.managed.waitlistModes}
            opened={props.opened}
            onJoined={(entry) => {
              keep(entry, "C'est noté : vous serez prévenu par message si un créneau se libère plus tôt.");
              // The form pressed is gone: the section's heading takes the focus, the news follows.
              requestAnimationFrame(() => document.getElementById("waitlist-title")?.focus());
            }}
          />
        }
      >
        {(entry) => (
          <OnTheList
            token={props.token}
            modes={props.managed.waitlistModes}
            entry={entry()}
            onChanged={(changed) => keep(changed, "Vos souhaits sont enregistrés.")}
            onLeft={() => {
              keep(null, "Vous ne serez plus prévenu. Votre rendez-vous reste inchangé.");
              // The button pressed is gone: the section's heading takes the focus, the news follows.
              document.getElementById("waitlist-title")?.focus();
            }}
          />
        )}
      </Show>
    </>
  );
}

export type Entry = NonNullable<ManagedAppointment["waitlist"]>;

/** The form of the wishes, sent to the list; `submit` names the button. */
function WishesForm(props: {
  token: string;
  modes: readonly Mode[];
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
    setFailure(refused.message ?? "Un souhait n'a pas été accepté : corrigez-le, puis enregistrez à nouveau.");
    // One or two optional fields: the first refused takes the focus, its error said with it.
    requestAnimationFrame(() => {
      const [first] = Object.keys(refused.fields);
      if (first) document.getElementById(first)?.focus();
    });
  }

  return (
    <form onSubmit={send} novalidate aria-label="Vos souhaits">
      <WishesFields
        modes={props.modes}
        wishes={wishes()}
        onChange={(change) => setWishes({ ...wishes(), ...change })}
        errors={errors()}
      />
      <Refusal message={failure()} />
      <div class="waitlist__actions">
        <Button type="submit" aria-disabled={sending() ? "true" : undefined}>
          {sending() ? "Enregistrement…" : props.submit}
        </Button>
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

/**
 * What the list does, the wishes, none chosen yet, and « Me prévenir ». Opened by a button,
 * which it replaces (`opened`), it takes the focus on its first box.
 */
function Join(props: { token: string; modes: readonly Mode[]; opened: boolean; onJoined: (entry: Entry) => void }) {
  onMount(() => props.opened && document.getElementById("demi-journees")?.focus());
  return (
    <>
      <p>
        Une annulation, de nouvelles disponibilités&nbsp;: le créneau libéré vous est proposé par message et réservé pour vous (un
        quart d'heure en journée, jusqu'à 9&nbsp;h le lendemain s'il se libère le soir ou la nuit). Vous choisissez de le prendre
        ou non&nbsp;; sinon, votre rendez-vous reste tel quel.
      </p>
      <WishesForm token={props.token} modes={props.modes} initial={noWishes()} submit="Me prévenir" onSaved={props.onJoined} />
    </>
  );
}

function OnTheList(props: {
  token: string;
  modes: readonly Mode[];
  entry: Entry;
  onChanged: (entry: Entry) => void;
  onLeft: () => void;
}) {
  const leave = useAction(leaveFromMeeting);
  const [editing, setEditing] = createSignal(false);
  // Leaving loses one's place in the queue: asked once more, the safe choice first.
  const [asking, setAsking] = createSignal(false);
  const [failure, setFailure] = createSignal<string>();
  let modify: HTMLButtonElement | undefined;
  let stop: HTMLButtonElement | undefined;

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
                <Button variant="secondary" ref={stop} onClick={() => setAsking(true)}>
                  Ne plus être prévenu
                </Button>
              </li>
            </ul>
            <Show when={asking()}>
              <section
                class="notice"
                aria-labelledby="waitlist-leave-title"
                ref={(box) => requestAnimationFrame(() => box.querySelector("p")?.focus())}
              >
                <p id="waitlist-leave-title" class="notice__title" tabindex="-1">
                  Ne plus être prévenu&nbsp;? Vous perdez votre place dans la file&nbsp;; votre rendez-vous, lui, ne change pas.
                </p>
                <div class="waitlist__actions">
                  <Button
                    onClick={() => {
                      setAsking(false);
                      requestAnimationFrame(() => stop?.focus());
                    }}
                  >
                    Rester sur la liste
                  </Button>
                  <Button variant="danger" onClick={() => void quit()}>
                    Oui, ne plus être prévenu
                  </Button>
                </div>
              </section>
            </Show>
          </>
        }
      >
        <WishesForm
          token={props.token}
          modes={props.modes}
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
