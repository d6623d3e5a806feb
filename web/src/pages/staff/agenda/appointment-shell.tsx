import type { Accessor, JSX } from "solid-js";
import { Show } from "solid-js";
import { Loadable, Notice } from "../../../components/notice.tsx";
import { PageTitle } from "../../../components/page-title.tsx";
import { BackLink } from "../directory/directory-area.tsx";
import { AreaGuard } from "./area-guard.tsx";

/**
 * A page about one appointment (its page, its confirmation to print): the agenda's guard, the
 * way back, its loading and failure, and what is said when the appointment is out of reach
 * (`loaded()` null: unknown, or neither one's own nor one's structure's).
 */
export function AppointmentShell<T>(props: {
  back: { href: string; label: string };
  loading: string;
  failure: string;
  queryKey: string;
  loaded: Accessor<T | null | undefined>;
  children: (found: Accessor<T>) => JSX.Element;
}) {
  return (
    <AreaGuard area="agenda" refusal="Les rendez-vous se consultent depuis l'agenda des conseillers et de l'accueil.">
      <div class="staff">
        <BackLink href={props.back.href}>{props.back.label}</BackLink>
        <Loadable loading={props.loading} failure={props.failure} queryKey={props.queryKey}>
          <Show when={props.loaded() !== undefined}>
            <Show
              when={props.loaded()}
              fallback={
                <>
                  <PageTitle>Rendez-vous introuvable</PageTitle>
                  <Notice>
                    <p>Ce rendez-vous n'existe pas, ou il n'est ni le vôtre ni celui d'une structure où vous travaillez.</p>
                  </Notice>
                </>
              }
            >
              {(found) => props.children(found)}
            </Show>
          </Show>
        </Loadable>
      </div>
    </AreaGuard>
  );
}
