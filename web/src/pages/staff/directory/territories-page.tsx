import { createAsync, useAction } from "@solidjs/router";
import { createSignal, Show } from "solid-js";
import { TextField } from "../../../components/fields.tsx";
import { Loadable } from "../../../components/notice.tsx";
import { de } from "../../../lib/french.ts";
import { createTerritory, getTerritories, type Territory, updateTerritory } from "./admin-api.ts";
import { AdminForm, createAdminForm, slugOf } from "./admin-form.tsx";
import { CommunesField, type PickedCommune } from "./communes-field.tsx";
import { RegionPage } from "./directory-area.tsx";
import { FIELD_NAMES } from "./directory-words.ts";
import { type EntryFormProps, EntryList } from "./entry-list.tsx";
import { SlugField } from "./slug-field.tsx";

/** `/espace/annuaire/territoires` (Région): the coordination zones, their communes and coordinators. */
export default function TerritoriesPage() {
  return (
    <RegionPage
      title="Territoires"
      lead={
        <>
          Un territoire réunit des communes&nbsp;; ses coordinateurs en suivent l'activité. Les coordinateurs se désignent sur la
          page Comptes.
        </>
      }
    >
      <Loadable
        loading="Chargement des territoires…"
        failure="Les territoires n'ont pas pu être chargés."
        queryKey={getTerritories.key}
      >
        <Territories />
      </Loadable>
    </RegionPage>
  );
}

function Territories() {
  const territories = createAsync(() => getTerritories());
  return (
    <EntryList
      entries={territories()}
      name={(territory) => territory.name}
      form={TerritoryForm}
      adding={{ id: "new-territory-title", title: "Nouveau territoire" }}
    >
      {(territory) => (
        <>
          <p class="directory-row__text">
            Coordination&nbsp;:{" "}
            {territory.coordinators.length > 0
              ? territory.coordinators.map((person) => `${person.firstName} ${person.lastName}`).join(", ")
              : "Personne pour le moment"}
          </p>
          <details class="directory-details">
            <summary>
              {territory.communes.length === 1 ? "1 commune" : `${territory.communes.length} communes`}
              <span class="visually-hidden">&nbsp;{de(territory.name)}</span>
            </summary>
            <p>{territory.communes.map((commune) => commune.name).join(", ")}</p>
          </details>
        </>
      )}
    </EntryList>
  );
}

type Field = "name" | "slug" | "communes";

function TerritoryForm(props: EntryFormProps<Territory>) {
  const territory = props.entry;
  const prefix = territory ? `territoire-${territory.id}` : "nouveau-territoire";
  const ids: Record<Field, string> = { name: `${prefix}-nom`, slug: `${prefix}-identifiant`, communes: `${prefix}-communes` };
  const create = useAction(createTerritory);
  const update = useAction(updateTerritory);
  const form = createAdminForm(ids, FIELD_NAMES.Territory);
  const [name, setName] = createSignal(territory?.name ?? "");
  const [slug, setSlug] = createSignal("");
  const [communes, setCommunes] = createSignal<PickedCommune[]>(territory?.communes ?? []);

  async function submit() {
    const fields = { name: name().trim(), communes: communes().map((commune) => commune.code) };
    const done = await form.run({ name: fields.name ? undefined : "Saisissez le nom du territoire." }, () =>
      territory ? update(territory.id, fields) : create({ ...fields, slug: slug().trim() || slugOf(fields.name) }),
    );
    if (done === undefined) return;
    if (!territory) {
      setName("");
      setSlug("");
      setCommunes([]);
    }
    props.onDone(territory ? `Le territoire « ${fields.name} » est enregistré.` : `Le territoire « ${fields.name} » est créé.`);
  }

  return (
    <AdminForm
      form={form}
      label={territory ? `Modifier le territoire ${territory.name}` : "Nouveau territoire"}
      submit={territory ? "Enregistrer le territoire" : "Créer le territoire"}
      onSubmit={submit}
      onCancel={props.onCancel}
    >
      <TextField
        id={ids.name}
        label="Nom"
        maxlength={160}
        value={name()}
        onInput={(event) => setName(event.currentTarget.value)}
        error={form.errors().name}
      />
      <Show when={!territory}>
        <SlugField
          id={ids.slug}
          hint="Minuscules, chiffres et tirets. Laissé vide, il est tiré du nom."
          value={slug()}
          onValue={setSlug}
          error={form.errors().slug}
        />
      </Show>
      <CommunesField
        id={ids.communes}
        legend="Communes du territoire"
        hint="Saisissez un nom ou un code postal, puis choisissez-le dans la liste."
        error={form.errors().communes}
        value={communes()}
        onChange={setCommunes}
      />
    </AdminForm>
  );
}
