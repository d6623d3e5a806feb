import { createAsync, useParams, useSearchParams } from "@solidjs/router";
import { createMemo, Show } from "solid-js";
import { Loadable, Notice } from "../../components/notice.tsx";
import { PageTitle } from "../../components/page-title.tsx";
import { getDirectoryStructure } from "./directory-api.ts";
import { NextAvailability, PlacesAndContact, ServiceList } from "./directory-entry.tsx";
import { DIRECTORY_PATH, readDirectorySearch } from "./directory-href.ts";
import "./directory-pages.css";

/**
 * `/structures/:slug`: a structure's own page, at an address that stays (a partner site may
 * link to it). `?commune=` (from a search) makes its booking links go straight to its slots.
 */
export default function DirectoryStructurePage() {
  return (
    <div class="directory">
      <p class="directory__back">
        <a href={DIRECTORY_PATH}>Où s'adresser&nbsp;? Toutes les structures</a>
      </p>
      <Loadable
        loading="Chargement de la structure…"
        failure="La structure n'a pas pu être chargée."
        queryKey={getDirectoryStructure.key}
      >
        <StructureContent />
      </Loadable>
    </div>
  );
}

function StructureContent() {
  const params = useParams();
  const [query] = useSearchParams();
  const commune = createMemo(() => readDirectorySearch(query).commune);
  const structure = createAsync(() => getDirectoryStructure(params.slug ?? "", commune()));
  return (
    <Show when={structure() !== undefined}>
      <Show
        when={structure()}
        fallback={
          <>
            <PageTitle>Structure introuvable</PageTitle>
            <Notice>
              <p>Aucune structure du service public régional de l'orientation ne se trouve à cette adresse.</p>
              <p>
                <a href={DIRECTORY_PATH}>Rechercher une structure</a>
              </p>
            </Notice>
          </>
        }
      >
        {(found) => (
          <>
            <PageTitle>{found().name}</PageTitle>
            <p class="lead">Réseau&nbsp;: {found().network.name}</p>
            <Show when={found().description}>
              <p class="directory__description">{found().description}</p>
            </Show>
            <NextAvailability structure={found()} />
            <ServiceList structure={found()} level={2} />
            <PlacesAndContact structure={found()} level={2} />
          </>
        )}
      </Show>
    </Show>
  );
}
