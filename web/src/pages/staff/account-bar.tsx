import { A, createAsync } from "@solidjs/router";
import { ErrorBoundary, Show, Suspense } from "solid-js";
import { Portal } from "solid-js/web";
import { headerAccountSlot } from "../../components/site-header.tsx";
import { waitingWords } from "./referrals/referral-words.ts";
import { getPendingReferrals } from "./referrals/referrals-api.ts";
import { handlesReferrals, REFERRALS_PATH } from "./referrals/referrals-page.tsx";
import { SignOutButton } from "./sign-out.tsx";
import type { StaffUser } from "./staff-api.ts";

/** In the site's header, on every staff page: who is signed in, the way back to their space, their account, signing out. */
export function AccountBar(props: { user: StaffUser }) {
  return (
    <Portal mount={headerAccountSlot()}>
      <div class="account-bar">
        <p class="account-bar__who">
          <span class="visually-hidden">Compte connecté&nbsp;: </span>
          {props.user.firstName} {props.user.lastName}
        </p>
        <A class="account-bar__link" href="/espace" end>
          Espace professionnel
        </A>
        <Show when={handlesReferrals(props.user) && props.user.areas.includes("referrals")}>
          <ReceivedLink />
        </Show>
        <A class="account-bar__link" href="/espace/compte">
          Mon compte
        </A>
        <SignOutButton />
      </div>
    </Portal>
  );
}

/**
 * « Orientations reçues (2 en attente) »: the inbox on every page of one who answers referrals,
 * with the count of those waiting for an answer (answering one revalidates it).
 */
function ReceivedLink() {
  const pending = createAsync(() => getPendingReferrals());
  return (
    <A class="account-bar__link" href={`${REFERRALS_PATH}#orientations-received`} end>
      Orientations reçues
      {/* A count that cannot load leaves the link as it is. */}
      <ErrorBoundary fallback="">
        <Suspense>
          <Show when={pending()?.received}>{(count) => <span class="account-bar__count"> ({waitingWords(count())})</span>}</Show>
        </Suspense>
      </ErrorBoundary>
    </A>
  );
}
