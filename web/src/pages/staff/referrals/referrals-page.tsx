import { A, createAsync } from "@solidjs/router";
import { For, Show } from "solid-js";
import { ButtonLink } from "../../../components/button.tsx";
import { Loadable } from "../../../components/notice.tsx";
import { PageTitle } from "../../../components/page-title.tsx";
import { dateOf, formatDate } from "../../../lib/dates.ts";
import { fullName } from "../agenda/agenda-words.ts";
import { AreaGuard } from "../agenda/area-guard.tsx";
import { BackLink } from "../directory/directory-area.tsx";
import { useStaffUser } from "../staff-area.tsx";
import { STATUSES } from "./referral-words.ts";
import { type Box, getReferrals, type Referral } from "./referrals-api.ts";
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
        <ReferralList box="sent" title="Envoyées" empty="Aucune orientation envoyée par vos structures pour le moment." />
        <Show when={handlesReferrals(user())}>
          <ReferralList box="received" title="Reçues" empty="Aucune orientation reçue par vos structures pour le moment." />
        </Show>
      </div>
    </AreaGuard>
  );
}

function ReferralList(props: { box: Box; title: string; empty: string }) {
  const list = createAsync(() => getReferrals(props.box));
  const titleId = `orientations-${props.box}`;
  return (
    <section class="staff__section" aria-labelledby={titleId}>
      <h2 id={titleId}>{props.title}</h2>
      <Loadable
        loading="Chargement des orientations…"
        failure="Les orientations n'ont pas pu être chargées."
        queryKey={getReferrals.key}
      >
        <Show when={list()}>
          {(referrals) => (
            <Show when={referrals().length > 0} fallback={<p>{props.empty}</p>}>
              <ul class="directory-list referral-list">
                <For each={referrals()}>{(referral) => <ReferralItem referral={referral} />}</For>
              </ul>
            </Show>
          )}
        </Show>
      </Loadable>
    </section>
  );
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
