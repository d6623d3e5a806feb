import { A, createAsync, useSearchParams } from "@solidjs/router";
import { createMemo, For, Show, Suspense } from "solid-js";
import { Loadable, Notice } from "../../../components/notice.tsx";
import { PageTitle } from "../../../components/page-title.tsx";
import { getDeskStructure } from "../agenda/agenda-api.ts";
import { fullName } from "../agenda/agenda-words.ts";
import { AreaGuard } from "../agenda/area-guard.tsx";
import { BackLink } from "../directory/directory-area.tsx";
import { useStaffUser } from "../staff-area.tsx";
import { getAvailability } from "./availability-api.ts";
import { AvailabilityEditor } from "./availability-editor.tsx";
import { advisorStructures, availabilityHref, availabilityTarget, managesStructure } from "./who.ts";
import "../directory/directory.css";
import "./availability.css";
import { de } from "../../../lib/french.ts";

/** `/espace/agenda/disponibilites?structure=…&advisor=…`: an advisor's ranges, single dates and absences in a structure. */
export default function AvailabilityPage() {
  return (
    <AreaGuard
      area="agenda"
      refusal="Les disponibilités sont celles des conseillers, que modifient eux-mêmes et les administrateurs de leur structure."
    >
      <AvailabilityView />
    </AreaGuard>
  );
}

const param = (value: string | string[] | undefined) => (typeof value === "string" && value ? value : undefined);

function AvailabilityView() {
  const user = useStaffUser();
  const [search] = useSearchParams();
  const target = createMemo(() =>
    availabilityTarget(user(), { structure: param(search.structure), advisor: param(search.advisor) }),
  );
  const own = createMemo(() => advisorStructures(user()));
  // Keyed below: another advisor or structure is another page, its forms emptied.
  const shownTarget = createMemo(
    () => {
      const { structure, advisor } = target();
      return structure && advisor ? { structure, advisor } : undefined;
    },
    undefined,
    { equals: (a, b) => a?.structure === b?.structure && a?.advisor === b?.advisor },
  );

  return (
    <div class="staff availability">
      <BackLink href="/espace/agenda">Retour à l'agenda</BackLink>
      <PageTitle>Disponibilités</PageTitle>
      <Show when={own().length > 1}>
        <nav class="availability__structures" aria-label="Mes disponibilités par structure">
          <ul>
            <For each={own()}>
              {(structure) => (
                <li>
                  <a
                    href={availabilityHref(structure.id, user().id)}
                    aria-current={target().structure === structure.id && target().advisor === user().id ? "page" : undefined}
                  >
                    {structure.name}
                  </a>
                </li>
              )}
            </For>
          </ul>
        </nav>
      </Show>
      <Show
        when={shownTarget()}
        keyed
        fallback={
          <Notice>
            <p>
              Vous ne recevez pas de rendez-vous vous-même. Pour modifier les disponibilités d'un conseiller, ouvrez l'agenda de
              son équipe et choisissez-le.
            </p>
            <p>
              <A href="/espace/agenda">Ouvrir l'agenda</A>
            </p>
          </Notice>
        }
      >
        {(shown) => (
          <>
            <Whose structure={shown.structure} advisor={shown.advisor} />
            <Show when={managesStructure(user(), shown.structure)}>
              <p>
                <A href={`/espace/annuaire/structures/${shown.structure}?onglet=fermetures`}>
                  Fermetures de la structure (jours où elle ne reçoit personne)
                </A>
              </p>
            </Show>
            <Loadable
              loading="Chargement des disponibilités…"
              failure="Les disponibilités n'ont pas pu être chargées."
              queryKey={getAvailability.key}
            >
              <Loaded structure={shown.structure} advisor={shown.advisor} />
            </Loadable>
          </>
        )}
      </Show>
    </div>
  );
}

/** Whose availability this is, and where: one's own in words, someone else's by name. */
function Whose(props: { structure: string; advisor: string }) {
  const user = useStaffUser();
  const mine = () => props.advisor === user().id;
  const ownName = () => user().memberships.find((membership) => membership.structure.id === props.structure)?.structure.name;
  const team = createAsync(async () => (mine() && ownName() ? undefined : getDeskStructure(props.structure)));
  const advisorName = () => {
    const person = team()?.advisors.find((candidate) => candidate.id === props.advisor);
    return person ? fullName(person) : "ce conseiller";
  };
  return (
    <Suspense fallback={<p class="staff__lead">Chargement…</p>}>
      <p class="staff__lead">
        {mine()
          ? "Vos plages d'ouverture, dates ajoutées et absences"
          : `Les plages d'ouverture, dates et absences ${de(advisorName())}`}
        , à {ownName() ?? team()?.name ?? "la structure"}.
      </p>
    </Suspense>
  );
}

function Loaded(props: { structure: string; advisor: string }) {
  const data = createAsync(() => getAvailability(props.advisor, props.structure));
  return (
    <Show when={data() !== undefined}>
      <Show
        when={data()}
        fallback={
          <Notice>
            <p>Ces disponibilités ne vous sont pas ouvertes, ou ce conseiller ne travaille pas dans cette structure.</p>
          </Notice>
        }
      >
        {(availability) => (
          <AvailabilityEditor availability={availability()} advisorId={props.advisor} structureId={props.structure} />
        )}
      </Show>
    </Show>
  );
}
