import { A, createAsync } from "@solidjs/router";
import { For, Show } from "solid-js";
import { Loadable } from "../../../components/notice.tsx";
import { PageTitle } from "../../../components/page-title.tsx";
import { useStaffUser } from "../staff-area.tsx";
import { getAdminStructures, getNetworks } from "./admin-api.ts";
import { BackLink } from "./directory-area.tsx";
import { NewStructureForm } from "./new-structure-form.tsx";

/** The Région's other pages of the directory. */
export const REGION_PAGES = [
  { href: "/espace/annuaire/reseaux", name: "Réseaux", about: "les réseaux de structures et les partenaires" },
  { href: "/espace/annuaire/territoires", name: "Territoires", about: "les territoires de coordination" },
  { href: "/espace/annuaire/questions", name: "Questions / Réponses", about: "les questions de la page publique" },
  {
    href: "/espace/annuaire/orientation",
    name: "Table d'orientation",
    about: "les règles du questionnaire « Trouver le bon interlocuteur »",
  },
  { href: "/espace/annuaire/comptes", name: "Comptes", about: "les comptes des personnels, coordination et Région" },
  { href: "/espace/annuaire/journal", name: "Journal", about: "le journal des modifications" },
  {
    href: "/espace/annuaire/donnees-personnelles",
    name: "Données personnelles",
    about: "la durée de conservation et les traitements de chaque nuit",
  },
] as const;

/** `/espace/annuaire`: the structures one administers (all of them for the Région), and the Région's pages. */
export default function DirectoryPage() {
  const user = useStaffUser();
  return (
    <div class="staff">
      <BackLink href="/espace">Retour à l'espace professionnel</BackLink>
      <PageTitle>Annuaire</PageTitle>
      <p class="staff__lead">
        {user().regionalAdmin
          ? "Les structures du service public régional de l'orientation et ses partenaires, leurs lieux, offres, personnels et fermetures."
          : "Les structures que vous administrez : leurs informations, lieux, offres, personnels et fermetures."}
      </p>
      <Show when={user().regionalAdmin}>
        <nav aria-labelledby="region-nav-title">
          <h2 id="region-nav-title">Administration régionale</h2>
          <ul class="staff-nav">
            <For each={REGION_PAGES}>
              {(page) => (
                <li>
                  <A class="staff-nav__link" href={page.href}>
                    {page.name}
                  </A>
                  <span class="visually-hidden">&nbsp;: {page.about}</span>
                </li>
              )}
            </For>
          </ul>
        </nav>
      </Show>
      <section class="staff__section" aria-labelledby="structures-title">
        <h2 id="structures-title">Structures</h2>
        <Loadable
          loading="Chargement des structures…"
          failure="Les structures n'ont pas pu être chargées."
          queryKey={getAdminStructures.key}
        >
          <StructureList />
        </Loadable>
      </section>
      <Show when={user().regionalAdmin}>
        <section class="staff__section" aria-labelledby="new-structure-title">
          <h2 id="new-structure-title">Nouvelle structure</h2>
          <Loadable loading="Chargement des réseaux…" failure="Les réseaux n'ont pas pu être chargés." queryKey={getNetworks.key}>
            <NewStructureForm />
          </Loadable>
        </section>
      </Show>
    </div>
  );
}

function StructureList() {
  const structures = createAsync(() => getAdminStructures());
  return (
    <Show when={(structures() ?? []).length > 0} fallback={<p>Vous n'administrez aucune structure.</p>}>
      <p>{structures()?.length === 1 ? "1 structure" : `${structures()?.length} structures`}, par ordre alphabétique.</p>
      <ul class="directory-list">
        <For each={structures()}>
          {(structure) => (
            <li class="directory-list__item">
              <A href={`/espace/annuaire/structures/${structure.id}`} class="directory-list__name">
                {structure.name}
              </A>
              <span class="directory-list__meta">
                {structure.network.name}
                <Show when={!structure.active}>
                  {" "}
                  <span class="directory-tag">désactivée</span>
                </Show>
              </span>
            </li>
          )}
        </For>
      </ul>
    </Show>
  );
}
