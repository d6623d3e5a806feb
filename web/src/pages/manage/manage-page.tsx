import { createAsync, useLocation, useParams, useSearchParams } from "@solidjs/router";
import { createMemo, createSignal, lazy, Match, onMount, Switch } from "solid-js";
import { ButtonLink } from "../../components/button.tsx";
import { Loadable, Notice } from "../../components/notice.tsx";
import { PageTitle } from "../../components/page-title.tsx";
import {
  type Appointment,
  type DeadLink as DeadLinkAnswer,
  getManagedAppointment,
  type ManagedAppointment,
} from "../../lib/api.ts";
import "../booking/booking.css";
import { pastedToken } from "../../lib/private-link.ts";
import { bookingHref } from "../booking/booking-href.ts";
import { meetingMoment } from "../booking/meeting-details.tsx";
import { type ManageState, type MovedState, readManageState, toldWords } from "./manage-href.ts";
import "./manage.css";
import type { Arrive } from "./move-view.tsx";

// Each view its own chunk: the overview with the dialogs and their primitives (Kobalte), the
// move with the week of slots. Together they weigh more than a public page may (60 kB gzipped,
// tests/e2e/budget.test.ts); apart, each view loads what it shows.
const Overview = lazy(() => import("./overview.tsx"));
const moveViews = () => import("./move-view.tsx");
const MoveView = lazy(() => moveViews().then((views) => ({ default: views.MoveView })));
const ConfirmMove = lazy(() => moveViews().then((views) => ({ default: views.ConfirmMove })));

/**
 * The page of the private link, `/rdv/<token>`: the appointment, its calendar file, and the
 * ways to move or cancel it. The server sends it with no referrer and no caching.
 */
export default function ManagePage() {
  const params = useParams();
  const [searchParams] = useSearchParams();
  const token = createMemo(() => pastedToken(params.token ?? ""));
  const state = createMemo(() => readManageState(searchParams));
  return (
    <div class="manage">
      <Loadable
        loading="Chargement de votre rendez-vous…"
        failure="Votre rendez-vous n'a pas pu être chargé."
        queryKey={getManagedAppointment.key}
      >
        <Managed token={token()} state={state()} />
      </Loadable>
    </div>
  );
}

function Managed(props: { token: string; state: ManageState }) {
  // The view's code loads beside the appointment, not after it.
  void (props.state.view ? moveViews() : Overview.preload());
  const managed = createAsync(() => getManagedAppointment(props.token));
  // Once cancelled, the link is dead: what the cancellation answered is all there is to show.
  const [cancelled, setCancelled] = createSignal<{ appointment: Appointment; person: ManagedAppointment["person"] }>();
  return (
    <Switch>
      <Match when={cancelled()}>{(done) => <Cancelled appointment={done().appointment} person={done().person} />}</Match>
      <Match when={deadWords(managed())}>{(words) => <DeadLink words={words()} />}</Match>
      <Match when={liveOnly(managed())}>
        {(current) => (
          <Live
            token={props.token}
            state={props.state}
            managed={current()}
            onCancelled={(appointment) => setCancelled({ appointment, person: current().person })}
          />
        )}
      </Match>
    </Switch>
  );
}

/** Why the link is dead, if it is. */
const deadWords = (found: ManagedAppointment | DeadLinkAnswer | undefined) => (found && "dead" in found ? found.dead : undefined);
/** The appointment, if the link is live. */
const liveOnly = (found: ManagedAppointment | DeadLinkAnswer | undefined) => (found && !("dead" in found) ? found : undefined);

/** A cancelled meeting's link says so, and when (the server's words); any other dead link, what may have happened. */
function DeadLink(props: { words: string }) {
  return (
    <div class="prose">
      <PageTitle>Ce lien n'est plus valable</PageTitle>
      <p>
        {props.words.startsWith("Ce rendez-vous a été annulé")
          ? props.words
          : "Ce lien n'est plus valable\u00a0: le rendez-vous a été annulé ou est passé, ou l'adresse est incomplète. Si vous l'avez copiée depuis un courriel, vérifiez qu'elle est entière."}
      </p>
      <p>
        Un nouveau lien vous a peut-être été envoyé depuis&nbsp;: seul le dernier reçu fonctionne. Vous ne le trouvez pas&nbsp;?{" "}
        <a href="/retrouver-mon-rendez-vous">Retrouver mon rendez-vous</a>
      </p>
      <p>
        <ButtonLink href={bookingHref()}>Prendre un nouveau rendez-vous</ButtonLink>
      </p>
    </div>
  );
}

function Cancelled(props: { appointment: Appointment; person: ManagedAppointment["person"] }) {
  return (
    <div class="prose manage__done">
      <PageTitle>Rendez-vous annulé</PageTitle>
      <Notice>
        <p class="notice__title">C'est fait&nbsp;: votre rendez-vous est annulé.</p>
        <p>
          Le rendez-vous du {meetingMoment(props.appointment)} avec {props.appointment.structure.name} est annulé et le créneau
          libéré. {toldWords(props.person)} Ce lien ne sert plus.
        </p>
      </Notice>
      <p>
        <ButtonLink href={bookingHref({ service: props.appointment.service.slug })}>Prendre un nouveau rendez-vous</ButtonLink>
      </p>
    </div>
  );
}

function Live(props: {
  token: string;
  state: ManageState;
  managed: ManagedAppointment;
  onCancelled: (appointment: Appointment) => void;
}) {
  const location = useLocation();
  const moved = createMemo(() => !props.state.view && (location.state as Partial<MovedState> | undefined)?.moved === true);
  const documentTitle = createMemo(() => {
    switch (props.state.view) {
      case "deplacer":
        return "Déplacer le rendez-vous — Votre rendez-vous";
      case "confirmer":
        return "Confirmer le nouveau créneau — Votre rendez-vous";
      default:
        return moved() ? "Rendez-vous déplacé — Votre rendez-vous" : "Votre rendez-vous";
    }
  });

  // The first view is announced with the page; each next one moves the focus to its heading.
  let firstView = true;
  const arrive: Arrive = (heading) => {
    onMount(() => {
      if (firstView) firstView = false;
      else heading.focus();
    });
  };

  return (
    <>
      <PageTitle documentTitle={documentTitle()}>Votre rendez-vous</PageTitle>
      <Switch>
        <Match when={props.state.view === "deplacer"}>
          <MoveView token={props.token} managed={props.managed} state={props.state} arrive={arrive} />
        </Match>
        <Match when={props.state.view === "confirmer" && props.state.mode && props.state.week && props.state.slot}>
          <ConfirmMove token={props.token} managed={props.managed} state={props.state} arrive={arrive} />
        </Match>
        <Match when={true}>
          <Overview token={props.token} managed={props.managed} moved={moved()} arrive={arrive} onCancelled={props.onCancelled} />
        </Match>
      </Switch>
    </>
  );
}
