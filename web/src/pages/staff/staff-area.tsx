import { createAsync, type RouteSectionProps, useLocation, useNavigate } from "@solidjs/router";
import { type Accessor, createContext, createEffect, type JSX, Show, useContext } from "solid-js";
import { Loadable } from "../../components/notice.tsx";
import { AccountBar } from "./account-bar.tsx";
import { signInHref } from "./return-path.ts";
import { getMe, type StaffUser } from "./staff-api.ts";
import "../../components/form.css";
import "./staff.css";

const StaffContext = createContext<Accessor<StaffUser>>();

/** The signed-in staff member, inside the staff area. */
export function useStaffUser(): Accessor<StaffUser> {
  const user = useContext(StaffContext);
  if (!user) throw new Error("useStaffUser outside the staff area");
  return user;
}

/** `/espace/…`: only for a signed-in staff member; anyone else goes to the sign-in page, and comes back here after. */
export default function StaffArea(props: RouteSectionProps) {
  return (
    <Loadable loading="Chargement de votre espace…" failure="Votre espace n'a pas pu être chargé." queryKey={getMe.key}>
      <SignedIn>{props.children}</SignedIn>
    </Loadable>
  );
}

function SignedIn(props: { children: JSX.Element }) {
  const navigate = useNavigate();
  const location = useLocation();
  const me = createAsync(() => getMe());
  createEffect(() => {
    if (me() === null) navigate(signInHref(`${location.pathname}${location.search}`), { replace: true });
  });
  return (
    <Show when={me()}>
      {(user) => (
        <StaffContext.Provider value={user}>
          <AccountBar user={user()} />
          {props.children}
        </StaffContext.Provider>
      )}
    </Show>
  );
}
