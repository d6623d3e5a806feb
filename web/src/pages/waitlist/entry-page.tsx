import { createAsync, useAction, useParams } from "@solidjs/router";
import { createMemo, createSignal, Match, Show, Switch } from "solid-js";
import { Button, ButtonLink } from "../../components/button.tsx";
import { Loadable, Loading, Refusal } from "../../components/notice.tsx";
import { PageTitle } from "../../components/page-title.tsx";
import type { DeadLink } from "../../lib/api.ts";
import { pastedToken } from "../../lib/private-link.ts";
import { bookingHref } from "../booking/booking-href.ts";
import "../booking/booking.css";
import "../manage/manage.css";
import { EntrySummary } from "./entry-summary.tsx";
import { getWaitlistEntry, leaveWaitlist, type WaitlistEntry } from "./waitlist-api.ts";
import "./waitlist.css";

/**
 * `/attente/<token>`: the place on a waiting list of someone with no meeting, and the way to
 * leave it. The server sends it with no referrer and no caching.
 */
export default function EntryPage() {
  const params = useParams();
  const token = createMemo(() => pastedToken(params.token ?? ""));
  return (
    <Loadable
      loading="Chargement de votre inscription…"
      failure="Votre inscription n'a pas pu être chargée."
      queryKey={getWaitlistEntry.key}
    >
      <EntryView token={token()} />
    </Loadable>
  );
}

const live = (found: WaitlistEntry | DeadLink | undefined) => (found && !("dead" in found) ? found : undefined);

function EntryView(props: { token: string }) {
  const found = createAsync(() => getWaitlistEntry(props.token));
  const [left, setLeft] = createSignal<WaitlistEntry>();
  // The button pressed is gone with the dialog: the page's new title takes the focus.
  const leave = (entry: WaitlistEntry) => {
    setLeft(entry);
    requestAnimationFrame(() => document.querySelector<HTMLElement>("main h1")?.focus());
  };
  const entry = () => left() ?? live(found());
  return (
    <Switch>
      <Match when={found() && "dead" in (found() ?? {})}>
        <div class="prose">
          <PageTitle>Ce lien n'est plus valable</PageTitle>
          <p>
            Cette inscription n'existe pas ou plus. Si vous avez copié l'adresse depuis un message, vérifiez qu'elle est entière.
          </p>
          <p>
            <ButtonLink href={bookingHref()}>Prendre un rendez-vous</ButtonLink>
          </p>
        </div>
      </Match>
      <Match when={entry()}>
        {(current) => (
          <div class="manage">
            <PageTitle documentTitle={left() ? "Liste d'attente quittée" : "Votre liste d'attente"}>
              {left() ? "Vous avez quitté la liste d'attente" : "Votre place sur la liste d'attente"}
            </PageTitle>
            <Show
              when={current().waiting}
              fallback={
                <div class="notice">
                  <p>
                    {left()
                      ? "C'est fait : vous ne serez plus prévenu des créneaux qui se libèrent."
                      : "Vous n'êtes plus sur cette liste d'attente : vous l'avez quittée, un rendez-vous a été pris, ou la date choisie est passée."}
                  </p>
                </div>
              }
            >
              <p class="lead">
                Vous serez prévenu par message dès qu'un créneau se libère pour ce service. Il vous est réservé le temps de le
                prendre&nbsp;: un quart d'heure en journée, jusqu'à 9&nbsp;h le lendemain s'il se libère le soir ou la nuit.
              </p>
            </Show>
            <section class="manage__section" aria-labelledby="entry-title">
              <h2 id="entry-title">Votre inscription</h2>
              <EntrySummary entry={current()} hasMeeting={false} withService={true} />
            </section>
            <Show
              when={current().waiting}
              fallback={
                <p>
                  <ButtonLink href={bookingHref({ service: current().service.slug })}>Voir les créneaux libres</ButtonLink>
                </p>
              }
            >
              <LeaveDialog token={props.token} entry={current()} onLeft={leave} />
            </Show>
          </div>
        )}
      </Match>
    </Switch>
  );
}

/**
 * « Quitter la liste d'attente », then a confirmation in place, the safe choice first. In place
 * rather than in the modal dialog: the dialog would become a chunk shared with the private
 * link's page, whose budget it would cost (tests/e2e/budget.test.ts).
 */
function LeaveDialog(props: { token: string; entry: WaitlistEntry; onLeft: (entry: WaitlistEntry) => void }) {
  const leave = useAction(leaveWaitlist);
  const [asking, setAsking] = createSignal(false);
  const [sending, setSending] = createSignal(false);
  const [failure, setFailure] = createSignal<string>();
  let opener: HTMLButtonElement | undefined;

  async function submit(event: SubmitEvent) {
    event.preventDefault();
    if (sending()) return;
    setSending(true);
    setFailure(undefined);
    const outcome = await leave(props.token);
    setSending(false);
    if (outcome.kind === "done") props.onLeft(outcome.value.entry);
    else setFailure(outcome.message);
  }

  return (
    <Show
      when={asking()}
      fallback={
        <Button variant="secondary" ref={opener} onClick={() => setAsking(true)}>
          Quitter la liste d'attente
        </Button>
      }
    >
      <form
        class="notice"
        onSubmit={submit}
        novalidate
        aria-labelledby="leave-title"
        ref={(form) => requestAnimationFrame(() => form.querySelector("h2")?.focus())}
      >
        <h2 id="leave-title" class="notice__title" tabindex="-1">
          Quitter la liste d'attente&nbsp;?
        </h2>
        <p>
          Vous ne serez plus prévenu des créneaux qui se libèrent pour «&nbsp;{props.entry.service.name}&nbsp;» avec{" "}
          {props.entry.structure.name}. Un créneau qui vous serait réservé passe à la personne suivante.
        </p>
        <Show when={sending()}>
          <Loading>Envoi en cours…</Loading>
        </Show>
        <Refusal message={failure()} />
        <div class="waitlist__actions">
          <Button
            onClick={() => {
              setAsking(false);
              requestAnimationFrame(() => opener?.focus());
            }}
          >
            Rester sur la liste
          </Button>
          <Button type="submit" variant="danger">
            Oui, quitter la liste
          </Button>
        </div>
      </form>
    </Show>
  );
}
