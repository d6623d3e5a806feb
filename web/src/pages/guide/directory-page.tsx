import { createAsync, useNavigate, useSearchParams } from "@solidjs/router";
import { createMemo, createSignal, For, Show, untrack } from "solid-js";
import { Button } from "../../components/button.tsx";
import { SelectField, TextField } from "../../components/fields.tsx";
import "../../components/form.css";
import { Loadable, Notice } from "../../components/notice.tsx";
import { PageTitle } from "../../components/page-title.tsx";
import { type Commune, getCommune } from "../../lib/api.ts";
import { CommuneField } from "../booking/commune-field.tsx";
import { type DirectoryEntry, type DirectoryFilters, getDirectory, getDirectoryFilters } from "./directory-api.ts";
import { NextAvailability, PlacesAndContact, ServiceList } from "./directory-entry.tsx";
import { DIRECTORY_PATH, type DirectorySearch, directoryHref, readDirectorySearch, structureHref } from "./directory-href.ts";
import "./directory-pages.css";

/**
 * `/ou-s-adresser`: every structure of the SPRO, searched by commune, network, service,
 * territory or name. The search is the address: a result can be shared, and Back goes back.
 */
export default function DirectorySearchPage() {
  const [params] = useSearchParams();
  const search = createMemo(() => readDirectorySearch(params), undefined, {
    equals: (a, b) => directoryHref(a) === directoryHref(b),
  });
  return (
    <div class="directory">
      <PageTitle>Où s'adresser&nbsp;?</PageTitle>
      <p class="lead">
        Les structures du service public régional de l'orientation&nbsp;: leurs adresses, leurs horaires, les services qu'elles
        proposent et leur prochaine disponibilité. Toutes sont gratuites.
      </p>
      <p>
        Vous ne savez pas à qui vous adresser&nbsp;? <a href="/trouver-le-bon-interlocuteur">Trouvez le bon interlocuteur</a> en
        quelques questions, ou lisez les <a href="/questions-reponses">questions / réponses</a>.
      </p>
      <Loadable
        loading="Chargement du formulaire de recherche…"
        failure="Le formulaire de recherche n'a pas pu être chargé."
        queryKey={[getDirectoryFilters.key, getCommune.key]}
      >
        <SearchSection search={search()} />
      </Loadable>
      <section class="directory__results" aria-labelledby="directory-results-title">
        <h2 id="directory-results-title">Résultats</h2>
        <Loadable
          loading="Recherche des structures…"
          failure="Les structures n'ont pas pu être chargées."
          queryKey={getDirectory.key}
        >
          <Results search={search()} />
        </Loadable>
      </section>
    </div>
  );
}

function SearchSection(props: { search: DirectorySearch }) {
  // One answer for both, so that the form starts from the address's choices; a new address starts a new form.
  const start = createAsync(async () => {
    const search = props.search;
    const [filters, commune] = await Promise.all([
      getDirectoryFilters(),
      search.commune ? getCommune(search.commune) : undefined,
    ]);
    return { search, filters, commune };
  });
  return (
    <Show when={start()} keyed>
      {(known) => <SearchForm search={known.search} filters={known.filters} commune={known.commune} />}
    </Show>
  );
}

function SearchForm(props: { search: DirectorySearch; filters: DirectoryFilters; commune: Commune | undefined }) {
  const navigate = useNavigate();
  const initial = untrack(() => props.search);
  const [commune, setCommune] = createSignal(untrack(() => props.commune));
  const [network, setNetwork] = createSignal(initial.network ?? "");
  const [service, setService] = createSignal(initial.service ?? "");
  const [territory, setTerritory] = createSignal(initial.territory ?? "");
  const [q, setQ] = createSignal(initial.q ?? "");

  function submit(event: SubmitEvent) {
    event.preventDefault();
    navigate(
      directoryHref({
        commune: commune()?.code,
        network: network() || undefined,
        service: service() || undefined,
        territory: territory() || undefined,
        q: q().trim() || undefined,
      }),
    );
  }

  return (
    <form class="directory-search" aria-label="Rechercher une structure" novalidate onSubmit={submit}>
      <CommuneField
        id="annuaire-commune"
        label="Commune"
        hint="Les structures qui reçoivent ses habitants. Saisissez son nom ou son code postal, puis choisissez-la dans la liste."
        value={commune()}
        onChange={setCommune}
      />
      <div class="directory-search__selects">
        <SelectField
          id="annuaire-reseau"
          label="Réseau"
          value={network()}
          onChange={(event) => setNetwork(event.currentTarget.value)}
        >
          <option value="">Tous les réseaux</option>
          <For each={props.filters.networks}>{(option) => <option value={option.slug}>{option.name}</option>}</For>
        </SelectField>
        <SelectField
          id="annuaire-service"
          label="Service"
          value={service()}
          onChange={(event) => setService(event.currentTarget.value)}
        >
          <option value="">Tous les services</option>
          <For each={props.filters.services}>{(option) => <option value={option.slug}>{option.name}</option>}</For>
        </SelectField>
        <SelectField
          id="annuaire-territoire"
          label="Territoire"
          value={territory()}
          onChange={(event) => setTerritory(event.currentTarget.value)}
        >
          <option value="">Tous les territoires</option>
          <For each={props.filters.territories}>{(option) => <option value={option.slug}>{option.name}</option>}</For>
        </SelectField>
      </div>
      <TextField
        id="annuaire-nom"
        label="Nom de la structure (facultatif)"
        hint="Un mot de son nom, par exemple « Mission Locale »."
        maxlength={100}
        value={q()}
        onInput={(event) => setQ(event.currentTarget.value)}
      />
      <div class="directory-search__actions">
        <Button type="submit">Rechercher</Button>
        <Show when={directoryHref(props.search) !== DIRECTORY_PATH}>
          <a href={DIRECTORY_PATH}>Effacer les filtres</a>
        </Show>
      </div>
    </form>
  );
}

function Results(props: { search: DirectorySearch }) {
  const results = createAsync(() => getDirectory(props.search));
  const count = createMemo(() => {
    const total = results()?.total ?? 0;
    return total === 0
      ? "Aucune structure ne correspond à votre recherche."
      : total === 1
        ? "1 structure correspond à votre recherche."
        : `${total} structures correspondent à votre recherche.`;
  });
  return (
    <Show when={results()}>
      {(found) => (
        <>
          {/* Announced, but not role="status": on the public pages a status says that something loads. */}
          <p aria-live="polite">{count()}</p>
          <Show when={found().total === 0}>
            <Notice>
              <p>Essayez avec moins de filtres, ou une commune voisine.</p>
            </Notice>
          </Show>
          {/* biome-ignore lint/a11y/noRedundantRoles: Safari drops the list semantics of a <ul> without list-style outside <nav>. */}
          <ul class="directory-list" role="list">
            <For each={found().structures}>
              {(structure) => <ResultCard structure={structure} commune={props.search.commune} />}
            </For>
          </ul>
          <Show when={found().pages > 1}>
            <Pages search={props.search} page={found().page} pages={found().pages} />
          </Show>
        </>
      )}
    </Show>
  );
}

function ResultCard(props: { structure: DirectoryEntry; commune: string | undefined }) {
  return (
    <li class="directory-entry">
      <h3 class="directory-entry__name">
        <a href={structureHref(props.structure.path, props.commune)}>{props.structure.name}</a>
      </h3>
      <p class="directory-entry__network">Réseau&nbsp;: {props.structure.network.name}</p>
      <NextAvailability structure={props.structure} />
      <ServiceList structure={props.structure} level={4} />
      <PlacesAndContact structure={props.structure} level={4} />
    </li>
  );
}

function Pages(props: { search: DirectorySearch; page: number; pages: number }) {
  return (
    <nav class="directory-pages" aria-label="Pages de résultats">
      <Show when={props.page > 1}>
        <a href={directoryHref({ ...props.search, page: props.page - 1 })}>Page précédente</a>
      </Show>
      <span>
        Page {props.page} sur {props.pages}
      </span>
      <Show when={props.page < props.pages}>
        <a href={directoryHref({ ...props.search, page: props.page + 1 })}>Page suivante</a>
      </Show>
    </nav>
  );
}
