import { createAsync, useParams } from "@solidjs/router";
import { createMemo, createSignal, Match, Switch } from "solid-js";
import { ButtonLink } from "../../components/button.tsx";
import { Loadable } from "../../components/notice.tsx";
import { PageTitle } from "../../components/page-title.tsx";
import type { DeadLink, Slot } from "../../lib/api.ts";
import { pastedToken } from "../../lib/private-link.ts";
import { bookingHref } from "../booking/booking-href.ts";
import "../booking/booking.css";
import "../manage/manage.css";
import { OfferAccepted } from "./offer-accepted.tsx";
import { CLOSED_WORDS, ClosedOffer } from "./offer-closed.tsx";
import { type Answered, OpenOffer } from "./offer-open.tsx";
import { type Accepted, getOffer, type Offer } from "./waitlist-api.ts";
import "./waitlist.css";

/**
 * `/offre/<token>`: a freed slot held for someone waiting, to take or let go. The server sends
 * it with no referrer and no caching, as the private link's page.
 */
export default function OfferPage() {
  const params = useParams();
  const token = createMemo(() => pastedToken(params.token ?? ""));
  return (
    <Loadable loading="Chargement de la proposition…" failure="La proposition n'a pas pu être chargée." queryKey={getOffer.key}>
      <OfferView token={token()} />
    </Loadable>
  );
}

const live = (found: Offer | DeadLink | undefined) => (found && !("dead" in found) ? found : undefined);
const closedStatus = (offer: Offer) => (offer.status === "open" ? undefined : offer.status);

// Each answer shows a page of its own, whose title takes the focus (PageTitle).
function OfferView(props: { token: string }) {
  const found = createAsync(() => getOffer(props.token));
  const [accepted, setAccepted] = createSignal<Accepted>();
  const [declined, setDeclined] = createSignal<{ left: boolean }>();
  const [gone, setGone] = createSignal<{ message: string; alternatives: Slot[] }>();
  function answered(answer: Answered) {
    if (answer.kind === "accepted") setAccepted(answer.answer);
    else if (answer.kind === "declined") setDeclined({ left: answer.left });
    else setGone(answer);
  }
  return (
    <Switch>
      <Match when={found() && "dead" in (found() ?? {})}>
        <DeadOffer />
      </Match>
      <Match when={live(found())}>
        {(offer) => (
          <Switch>
            <Match when={accepted()}>{(answer) => <OfferAccepted answer={answer()} moved={offer().current !== null} />}</Match>
            <Match when={declined()}>{(done) => <Declined left={done().left} offer={offer()} />}</Match>
            <Match when={gone()}>
              {(refused) => <ClosedOffer offer={offer()} message={refused().message} alternatives={refused().alternatives} />}
            </Match>
            <Match when={closedStatus(offer())}>
              {(status) => <ClosedOffer offer={offer()} message={CLOSED_WORDS[status()]} alternatives={offer().alternatives} />}
            </Match>
            <Match when={true}>
              <OpenOffer token={props.token} offer={offer()} onAnswered={answered} />
            </Match>
          </Switch>
        )}
      </Match>
    </Switch>
  );
}

/** The slot let go: it went to the next person; the person stays on the list unless they left. */
function Declined(props: { left: boolean; offer: Offer }) {
  return (
    <div class="prose">
      <PageTitle documentTitle="Créneau refusé">C'est noté</PageTitle>
      <div class="notice">
        <p class="notice__title">Vous avez refusé ce créneau&nbsp;: il est libéré pour d'autres personnes.</p>
        <p>
          {props.left
            ? "Vous avez quitté la liste d'attente : vous ne serez plus prévenu."
            : "Vous restez sur la liste d'attente : un autre créneau pourra vous être proposé."}{" "}
          {props.offer.current ? "Votre rendez-vous reste inchangé." : ""}
        </p>
      </div>
    </div>
  );
}

/** A link no offer has (mangled, or from before its data was erased). */
function DeadOffer() {
  return (
    <div class="prose">
      <PageTitle>Ce lien n'est plus valable</PageTitle>
      <p>Cette proposition n'existe pas ou plus. Si vous avez copié l'adresse depuis un message, vérifiez qu'elle est entière.</p>
      <p>
        <ButtonLink href={bookingHref()}>Prendre un rendez-vous</ButtonLink>
      </p>
    </div>
  );
}
