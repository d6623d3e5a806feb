import { A, createAsync } from "@solidjs/router";
import { For, Show } from "solid-js";
import { Loadable } from "../../../components/notice.tsx";
import { PageTitle } from "../../../components/page-title.tsx";
import { useStaffUser } from "../staff-area.tsx";
import { getAdminStructures, getNetworks } from "./admin-api.ts";
import { BackLink } from "./directory-area.tsx";
import { NewStructureForm } from "./new-structure-form.tsx";

/** The directory's other pages: most are the Région's only; the structure admins see those that are not. */
export const ADMIN_PAGES = [
  { href: "/espace/annuaire/reseaux", name: "Réseaux", about: "les réseaux de structures et les partenaires", regionOnly: true },
  { href: "/espace/annuaire/territoires", name: "Territoires", about: "les territoires de coordination", regionOnly: true },
  {
    href: "/espace/annuaire/questions",
    name: "Questions / Réponses",
    about: "les questions de la page publique",
    regionOnly: true,
  },
  {
    href: "/espace/annuaire/orientation",
    name: "Table d'orientation",
    about: "les règles du questionnaire « Trouver le bon interlocuteur »",
    regionOnly: true,
  },
  {
    href: "/espace/annuaire/comptes",
    name: "Comptes",
    about: "les comptes des personnels, coordination et Région",
    regionOnly: true,
  },
  { href: "/espace/annuaire/journal", name: "Journal", about: "le journal des modifications", regionOnly: true },
  {
    href: "/espace/annuaire/messages",
    name: "Messages non parvenus",
    about: "les courriels et SMS qui n'ont pas pu être remis, à renvoyer",
    regionOnly: false,
  },
  {
    href: "/espace/annuaire/donnees-personnelles",
    name: "Données personnelles",
    about: "la durée de conservation et les traitements de chaque nuit",
    regionOnly: true,
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
      <nav aria-labelledby="admin-nav-title">
        <h2 id="admin-nav-title">{user().regionalAdmin ? "Administration régionale" : "Administration"}</h2>
        <ul class="staff-nav">
          <For each={ADMIN_PAGES.filter((page) => user().regionalAdmin || !page.regionOnly)}>
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
