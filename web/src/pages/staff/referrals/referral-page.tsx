import { A, createAsync, useParams } from "@solidjs/router";
import { createSignal, For, type JSX, onMount, Show } from "solid-js";
import { Loadable, Notice } from "../../../components/notice.tsx";
import { PageTitle } from "../../../components/page-title.tsx";
import { dateOf, formatDayWithYear, formatMoment, formatTime, timeOf } from "../../../lib/dates.ts";
import { telHref } from "../../../lib/phone.ts";
import { fullName, MODES, OUTCOMES, ofPerson } from "../agenda/agenda-words.ts";
import { AreaGuard } from "../agenda/area-guard.tsx";
import { createSuccess, SuccessNotice } from "../directory/admin-form.tsx";
import { BackLink } from "../directory/directory-area.tsx";
import { AnswerActions } from "./answer-actions.tsx";
import { BookForPerson, type ReferralBooked } from "./book-for-person.tsx";
import { InvitationSlip, InvitePerson } from "./invite-person.tsx";
import { ReaddressAction } from "./readdress-action.tsx";
import { ReferralWaitlist } from "./referral-waitlist.tsx";
import { STATUSES, timelineWords } from "./referral-words.ts";
import { getReferral, type Invitation, type ReferralDetail } from "./referrals-api.ts";
import { FromTo, REFERRALS_PATH, referralHref } from "./referrals-page.tsx";
import "../directory/directory.css";
import "./referrals.css";

/** « lundi 30 mars 2026 à 9 h 00 », in the structure's zone as the API writes it. */
const at = (iso: string) => `${formatDayWithYear(dateOf(iso))} à ${formatTime(timeOf(iso))}`;

/** `/espace/orientations/:id`: a referral — who, what for, where to, its timeline, and what one may do now. */
export default function ReferralPage() {
  const params = useParams();
  return (
    <AreaGuard area="referrals" refusal="Les orientations sont celles des structures où vous travaillez.">
      <div class="staff">
        <BackLink href={REFERRALS_PATH}>Retour aux orientations</BackLink>
        <Loadable
          loading="Chargement de l'orientation…"
          failure="L'orientation n'a pas pu être chargée."
          queryKey={getReferral.key}
        >
          {/* Keyed: another referral (a redirection's) starts afresh, nothing shown once carries over. */}
          <Show when={params.id} keyed>
            {(id) => <ReferralView id={id} />}
          </Show>
        </Loadable>
      </div>
    </AreaGuard>
  );
}

function ReferralView(props: { id: string }) {
  const referral = createAsync(() => getReferral(props.id));
  return (
    <Show when={referral() !== undefined}>
      <Show
        when={referral()}
        fallback={
          <>
            <PageTitle>Orientation introuvable</PageTitle>
            <Notice>
              <p>Cette orientation n'existe pas, ou elle n'a été ni envoyée ni reçue par une structure où vous travaillez.</p>
            </Notice>
          </>
        }
      >
        {(current) => <Referral referral={current()} />}
      </Show>
    </Show>
  );
}

function Referral(props: { referral: ReferralDetail }) {
  const r = () => props.referral;
  const success = createSuccess();
  // Shown once, as the API gives them once: a reload does not show them again.
  const [invitation, setInvitation] = createSignal<{ sent: Invitation; reprinted: boolean }>();
  const [booked, setBooked] = createSignal<ReferralBooked>();
  return (
    <>
      <div class="no-print referral">
        <PageTitle>{`Orientation ${ofPerson(r().person)}`}</PageTitle>
        <p class="staff__lead">
          <span class="referral-status">
            <span class="visually-hidden">Statut&nbsp;: </span>
            {STATUSES[r().status]}
          </span>{" "}
          <FromTo from={r().from.name} to={r().to.name} />
        </p>
        <SuccessNotice said={success.said()} />
        <Show when={booked()}>
          {(done) => (
            <FocusedNotice>
              <p class="notice__title">Rendez-vous réservé le {formatMoment(done().appointment.start)}.</p>
              <p>
                {r().person.email
                  ? `La confirmation est envoyée à ${r().person.email}, avec le lien pour déplacer ou annuler le rendez-vous.`
                  : "La personne n'a pas d'adresse électronique : donnez-lui la date, l'heure et le lien ci-dessous."}
              </p>
              <p>
                Lien personnel de la personne, pour déplacer ou annuler&nbsp;:
                <br />
                <span class="referral-link">{done().manageUrl}</span>
              </p>
            </FocusedNotice>
          )}
        </Show>
        <ReferralFacts referral={r()} />
        <AnswerActions referral={r()} onDone={success.say} />
        <Show when={r().can.readdress}>
          <ReaddressAction referral={r()} />
        </Show>
        <Show when={r().can.book}>
          <BookForPerson referral={r()} onBooked={setBooked} />
        </Show>
        <Show when={r().can.waitlist}>
          <ReferralWaitlist referral={r()} onDone={success.say} />
        </Show>
        <Show when={r().waitingSince}>
          {(since) => (
            <p>
              En liste d'attente depuis le {formatMoment(since())}&nbsp;: le premier créneau libéré qui lui convient lui est
              proposé.
            </p>
          )}
        </Show>
        <Show when={r().can.invite}>
          <InvitePerson referral={r()} onInvited={(sent, reprinted = false) => setInvitation({ sent, reprinted })} />
        </Show>
        <Timeline referral={r()} />
      </div>
      <Show when={invitation()}>
        {(made) => <InvitationSlip referral={r()} invitation={made().sent} reprinted={made().reprinted} />}
      </Show>
    </>
  );
}

/** What a change did, when the part of the page that made it is gone: it takes the focus, and is read. */
function FocusedNotice(props: { children: JSX.Element }) {
  let element!: HTMLDivElement;
  onMount(() => element.focus());
  return (
    <div class="notice" role="status" tabindex="-1" ref={element}>
      {props.children}
    </div>
  );
}

function Fact(props: { name: string; children: JSX.Element }) {
  return (
    <>
      <dt>{props.name}</dt>
      <dd>{props.children}</dd>
    </>
  );
}

function ReferralFacts(props: { referral: ReferralDetail }) {
  const r = () => props.referral;
  return (
    <section class="staff__section" aria-labelledby="referral-facts-title">
      <h2 id="referral-facts-title">L'orientation</h2>
      <dl class="directory-facts">
        <Fact name="Statut">
          {STATUSES[r().status]}
          <Show when={r().statusReason}>{(reason) => ` — motif : ${reason()}`}</Show>
        </Fact>
        <Fact name="Personne">{fullName(r().person)}</Fact>
        <Fact name="Pour la joindre">
          <Show when={r().person.email || r().person.phone} fallback="Aucune coordonnée">
            <Show when={r().person.email}>{(email) => <a href={`mailto:${email()}`}>{email()}</a>}</Show>
            <Show when={r().person.email && r().person.phone}>
              <br />
            </Show>
            <Show when={r().person.phone}>{(phone) => <a href={telHref(phone())}>{phone()}</a>}</Show>
          </Show>
        </Fact>
        <Fact name="Besoin">
          <Show when={!r().person.anonymisedAt} fallback="Effacé avec les données de la personne">
            <span class="referral-need">{r().need}</span>
          </Show>
        </Fact>
        <Fact name="Orientée par">
          {r().from.name} ({fullName(r().referrer)}), le {formatDayWithYear(dateOf(r().createdAt))}
        </Fact>
        <Fact name="Vers">{r().to.name}</Fact>
        <Fact name="Service">{r().service.name}</Fact>
        <Show when={r().redirectedFrom}>
          {(origin) => (
            <Fact name="Réorientée par">
              <A href={referralHref(origin().id)}>{origin().structure}</A>
            </Fact>
          )}
        </Show>
        <Show when={r().redirectedTo}>
          {(next) => (
            <Fact name="Réorientée vers">
              <A href={referralHref(next().id)}>{next().structure}</A>
            </Fact>
          )}
        </Show>
        <Show when={r().readdressedFrom}>
          {(previous) => (
            <Fact name="Après le refus de">
              <A href={referralHref(previous().id)}>{previous().structure}</A>
            </Fact>
          )}
        </Show>
        <Show when={r().readdressedTo}>
          {(next) => (
            <Fact name="Adressée ensuite à">
              <A href={referralHref(next().id)}>{next().structure}</A>
            </Fact>
          )}
        </Show>
        <Fact name="Rendez-vous">
          <Show when={r().appointment} fallback="Aucun pour le moment">
            {(meeting) => (
              <>
                {at(meeting().start)},{" "}
                {meeting().mode === "onsite" && meeting().site ? meeting().site?.name : MODES[meeting().mode]}
                <Show when={meeting().mode === "onsite" && meeting().site}>
                  {(site) => (
                    <>
                      <br />
                      {site().address}
                    </>
                  )}
                </Show>
                <Show when={meeting().status === "cancelled"}> (annulé)</Show>
                <Show when={meeting().outcome}>{(outcome) => ` — ${OUTCOMES[outcome()]}`}</Show>
              </>
            )}
          </Show>
        </Fact>
        <Fact name="Invitation">
          <Show when={r().invitation} fallback="Aucune invitation envoyée">
            {(sent) => (
              <>
                <Show when={sent().sentAt}>{(sentAt) => `Envoyée le ${formatDayWithYear(dateOf(sentAt()))}, `}</Show>
                valable jusqu'au {at(sent().expiresAt)}
              </>
            )}
          </Show>
        </Fact>
      </dl>
    </section>
  );
}

function Timeline(props: { referral: ReferralDetail }) {
  return (
    <section class="staff__section" aria-labelledby="referral-timeline-title">
      <h2 id="referral-timeline-title">Chronologie</h2>
      <ol class="referral-timeline">
        <For each={props.referral.timeline}>
          {(event) => (
            <li>
              <span class="referral-timeline__when">{at(event.at)}</span>
              <span>{timelineWords(event)}</span>
            </li>
          )}
        </For>
      </ol>
    </section>
  );
}
