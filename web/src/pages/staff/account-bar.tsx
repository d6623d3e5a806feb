import { A } from "@solidjs/router";
import { Portal } from "solid-js/web";
import { headerAccountSlot } from "../../components/site-header.tsx";
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
        <A class="account-bar__link" href="/espace/compte">
          Mon compte
        </A>
        <SignOutButton />
      </div>
    </Portal>
  );
}
