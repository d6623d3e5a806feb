import { A, createAsync } from "@solidjs/router";
import { createSignal, For, Show, Suspense } from "solid-js";
import { Button, ButtonLink } from "../../../components/button.tsx";
import { SelectField, TextField } from "../../../components/fields.tsx";
import { Loadable } from "../../../components/notice.tsx";
import { PageTitle } from "../../../components/page-title.tsx";
import { dateOf, formatDate } from "../../../lib/dates.ts";
import { fullName } from "../agenda/agenda-words.ts";
import { AreaGuard } from "../agenda/area-guard.tsx";
import { BackLink } from "../directory/directory-area.tsx";
import { useStaffUser } from "../staff-area.tsx";
import { STATUSES, waitingWords } from "./referral-words.ts";
import { type Box, type FollowedStatus, getPendingReferrals, getReferrals, type Referral } from "./referrals-api.ts";
import "../directory/directory.css";
import "./referrals.css";

export const REFERRALS_PATH = "/espace/orientations";
export const referralHref = (id: string) => `${REFERRALS_PATH}/${encodeURIComponent(id)}`;

const REFUSAL = "Les orientations sont celles des structures où vous travaillez.";

/** Whether one handles the referrals some structure receives: its advisors, reception and admins do. */
export function handlesReferrals(user: { memberships: readonly { role: string }[] }): boolean {
  return user.memberships.some((membership) => membership.role !== "referrer");
}

/** `/espace/orientations`: the referrals one's structures sent, and those they received. */
export default function ReferralsPage() {
  const user = useStaffUser();
  const pending = createAsync(() => getPendingReferrals());
  return (
    <AreaGuard area="referrals" refusal={REFUSAL}>
      <div class="staff">
        <BackLink href="/espace">Retour à l'espace professionnel</BackLink>
        <PageTitle>Orientations</PageTitle>
        <p class="staff__lead">
          Orientez une personne vers une structure du SPRO, avec son accord, puis prenez le rendez-vous pour elle ou invitez-la à
          le prendre. Vous suivez ici ce que devient chaque orientation.
        </p>
        <p>
          <ButtonLink href={`${REFERRALS_PATH}/nouvelle`}>Nouvelle orientation</ButtonLink>
        </p>
        <ReferralList
          box="sent"
          title="Envoyées"
          empty="Aucune orientation envoyée par vos structures pour le moment."
          pending={pending()?.sent}
        />
        <Show when={handlesReferrals(user())}>
          <ReferralList
            box="received"
            title="Reçues"
            empty="Aucune orientation reçue par vos structures pour le moment."
            pending={pending()?.received}
          />
        </Show>
      </div>
    </AreaGuard>
  );
}

/** « En attente de réponse » first: what a partner looks for; then the states in the order they come. */
const STATUS_FILTERS: [FollowedStatus, string][] = [
  ["sent", "En attente de réponse"],
  ["accepted", "Acceptées"],
  ["booked", "Rendez-vous pris"],
  ["honoured", "Rendez-vous honorés"],
  ["no_show", "Personne absente"],
  ["excused", "Personne excusée"],
  ["declined", "Refusées"],
  ["redirected", "Réorientées"],
  ["expired", "Invitation expirée"],
];
const isStatus = (value: string): value is FollowedStatus => STATUS_FILTERS.some(([status]) => status === value);

function ReferralList(props: { box: Box; title: string; empty: string; pending?: number | undefined }) {
  const [typed, setTyped] = createSignal("");
  const [q, setQ] = createSignal("");
  const [status, setStatus] = createSignal<FollowedStatus>();
  const [page, setPage] = createSignal(1);
  const list = createAsync(() => getReferrals(props.box, { q: q(), status: status(), page: page() }));
  const titleId = `orientations-${props.box}`;
  const filtered = () => q() !== "" || status() !== undefined;
  return (
    <section class="staff__section" aria-labelledby={titleId}>
      <h2 id={titleId}>
        {props.title}
        {/* Its own boundary: the list does not wait for the count, nor the count for the list. */}
        <Suspense>
          <Show when={props.pending}>{(count) => <span class="referral-pending"> ({waitingWords(count())})</span>}</Show>
        </Suspense>
      </h2>
      <form
        class="referral-filters"
        aria-label={`Chercher parmi les orientations ${props.box === "sent" ? "envoyées" : "reçues"}`}
        onSubmit={(event) => {
          event.preventDefault();
          setQ(typed().trim());
          setPage(1);
        }}
      >
        <TextField
          id={`${titleId}-nom`}
          label="Nom de la personne"
          type="search"
          autocomplete="off"
          spellcheck={false}
          maxlength={100}
          value={typed()}
          onInput={(event) => setTyped(event.currentTarget.value)}
        />
        <SelectField
          id={`${titleId}-statut`}
          label="Statut"
          value={status() ?? ""}
          onChange={(event) => {
            const value = event.currentTarget.value;
            setStatus(isStatus(value) ? value : undefined);
            setPage(1);
          }}
        >
          <option value="">Tous les statuts</option>
          <For each={STATUS_FILTERS}>{([value, label]) => <option value={value}>{label}</option>}</For>
        </SelectField>
        <Button type="submit">Rechercher</Button>
      </form>
      <Loadable
        loading="Chargement des orientations…"
        failure="Les orientations n'ont pas pu être chargées."
        queryKey={getReferrals.key}
      >
        <Show when={list()}>
          {(found) => (
            <>
              <p class="referral-count" aria-live="polite">
                {countWords(found().total, filtered())}
              </p>
              <Show
                when={found().referrals.length > 0}
                fallback={
                  <Show when={!filtered()}>
                    <p>{props.empty}</p>
                  </Show>
                }
              >
                <ul class="directory-list referral-list">
                  <For each={found().referrals}>{(referral) => <ReferralItem referral={referral} />}</For>
                </ul>
              </Show>
              <Show when={found().pages > 1}>
                <nav class="referral-pages" aria-label={`Pages des orientations ${props.box === "sent" ? "envoyées" : "reçues"}`}>
                  <Show when={found().page > 1}>
                    <Button variant="secondary" onClick={() => setPage(found().page - 1)}>
                      Page précédente
                    </Button>
                  </Show>
                  <span>
                    Page {found().page} sur {found().pages}
                  </span>
                  <Show when={found().page < found().pages}>
                    <Button variant="secondary" onClick={() => setPage(found().page + 1)}>
                      Page suivante
                    </Button>
                  </Show>
                </nav>
              </Show>
            </>
          )}
        </Show>
      </Loadable>
    </section>
  );
}

function countWords(total: number, filtered: boolean): string {
  if (total === 0) return filtered ? "Aucune orientation ne correspond." : "Aucune orientation.";
  const noun = total > 1 ? "orientations" : "orientation";
  return filtered ? `${total} ${noun} ${total > 1 ? "correspondent" : "correspond"}` : `${total} ${noun}`;
}

function ReferralItem(props: { referral: Referral }) {
  const r = () => props.referral;
  return (
    <li class="directory-list__item referral-list__item">
      <A class="directory-list__name" href={referralHref(r().id)}>
        {fullName(r().person)}
      </A>
      <span class="referral-status">
        <span class="visually-hidden">Statut&nbsp;: </span>
        {STATUSES[r().status]}
      </span>
      <span class="directory-list__meta">
        <FromTo from={r().from.name} to={r().to.name} />
      </span>
      <span class="directory-list__meta">
        {r().service.name} · le {formatDate(dateOf(r().createdAt))}
      </span>
    </li>
  );
}

/** « CCAS de Roubaix → Mission Locale de Lille », the arrow read « vers ». */
export function FromTo(props: { from: string; to: string }) {
  return (
    <>
      {props.from} <span aria-hidden="true">→</span> <span class="visually-hidden">vers</span> {props.to}
    </>
  );
}
