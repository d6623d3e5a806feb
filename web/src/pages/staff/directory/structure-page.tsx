import { Tabs } from "@kobalte/core/tabs";
import { createAsync, useParams, useSearchParams } from "@solidjs/router";
import { type Component, For, Show } from "solid-js";
import { Dynamic } from "solid-js/web";
import { Loadable, Notice } from "../../../components/notice.tsx";
import { PageTitle } from "../../../components/page-title.tsx";
import { useStaffUser } from "../staff-area.tsx";
import { getAdminStructure, type StructureDetail } from "./admin-api.ts";
import { BackLink } from "./directory-area.tsx";
import { StructureApiTokens } from "./structure-api-tokens.tsx";
import { StructureClosures } from "./structure-closures.tsx";
import { StructureInfo } from "./structure-info.tsx";
import { StructureMembers } from "./structure-members.tsx";
import { StructureOfferings } from "./structure-offerings.tsx";
import { StructureSites } from "./structure-sites.tsx";
import { StructureWebhooks } from "./structure-webhooks.tsx";

type Tab = "informations" | "lieux" | "offres" | "personnel" | "fermetures" | "jetons" | "webhooks";
type Props = { structure: StructureDetail; regional: boolean };
const TABS: { value: Tab; name: string; content: Component<Props> }[] = [
  { value: "informations", name: "Informations", content: StructureInfo },
  { value: "lieux", name: "Lieux", content: StructureSites },
  { value: "offres", name: "Offres", content: StructureOfferings },
  { value: "personnel", name: "Personnel", content: StructureMembers },
  { value: "fermetures", name: "Fermetures", content: StructureClosures },
  { value: "jetons", name: "Jetons d'API", content: StructureApiTokens },
  { value: "webhooks", name: "Webhooks", content: StructureWebhooks },
];
const isTab = (value: unknown): value is Tab => TABS.some((tab) => tab.value === value);

/** `/espace/annuaire/structures/:id`: one structure, a tab per part (the tab is in the address, so a reload keeps it). */
export default function StructurePage() {
  const params = useParams();
  return (
    <div class="staff">
      <BackLink href="/espace/annuaire">Retour à l'annuaire</BackLink>
      <Loadable
        loading="Chargement de la structure…"
        failure="La structure n'a pas pu être chargée."
        queryKey={getAdminStructure.key}
      >
        <StructureView id={params.id ?? ""} />
      </Loadable>
    </div>
  );
}

function StructureView(props: { id: string }) {
  const user = useStaffUser();
  const structure = createAsync(() => getAdminStructure(props.id));
  const [search, setSearch] = useSearchParams();
  const tab = (): Tab => (isTab(search.onglet) ? search.onglet : "informations");
  return (
    <Show when={structure() !== undefined}>
      <Show
        when={structure()}
        fallback={
          <>
            <PageTitle>Structure introuvable</PageTitle>
            <Notice>
              <p>Cette structure n'existe pas, ou vous ne l'administrez pas.</p>
            </Notice>
          </>
        }
      >
        {(current) => (
          <>
            <PageTitle>{current().name}</PageTitle>
            <p class="staff__lead">
              {current().network.name}
              <Show when={!current().active}>
                {" "}
                <span class="directory-tag">désactivée</span>
              </Show>
            </p>
            <Tabs value={tab()} onChange={(value) => setSearch({ onglet: value }, { replace: true })} class="tabs">
              <Tabs.List class="tabs__list" aria-label="Parties de la fiche">
                <For each={TABS}>
                  {(entry) => (
                    <Tabs.Trigger class="tabs__trigger" value={entry.value}>
                      {entry.name}
                    </Tabs.Trigger>
                  )}
                </For>
              </Tabs.List>
              <For each={TABS}>
                {(entry) => (
                  <Tabs.Content class="tabs__panel" value={entry.value}>
                    <h2>{entry.name}</h2>
                    <Dynamic component={entry.content} structure={current()} regional={user().regionalAdmin} />
                  </Tabs.Content>
                )}
              </For>
            </Tabs>
          </>
        )}
      </Show>
    </Show>
  );
}
