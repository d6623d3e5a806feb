import { createAsync, useAction } from "@solidjs/router";
import { createSignal, Show } from "solid-js";
import { ChoicesField, TextAreaField, TextField } from "../../../components/fields.tsx";
import { Loadable } from "../../../components/notice.tsx";
import { createNetwork, getNetworks, type Network, updateNetwork } from "./admin-api.ts";
import { AdminForm, createAdminForm, slugOf } from "./admin-form.tsx";
import { RegionPage } from "./directory-area.tsx";
import { FIELD_NAMES, NETWORK_KINDS, networkKindOptions } from "./directory-words.ts";
import { type EntryFormProps, EntryList } from "./entry-list.tsx";
import { SlugField } from "./slug-field.tsx";

/** `/espace/annuaire/reseaux` (Région): the networks of structures, and the partner organisations. */
export default function NetworksPage() {
  return (
    <RegionPage
      title="Réseaux"
      lead={<>Chaque structure appartient à un réseau&nbsp;: CIO, Missions Locales… ou partenaires qui orientent sans agenda.</>}
    >
      <Loadable loading="Chargement des réseaux…" failure="Les réseaux n'ont pas pu être chargés." queryKey={getNetworks.key}>
        <Networks />
      </Loadable>
    </RegionPage>
  );
}

function Networks() {
  const networks = createAsync(() => getNetworks());
  return (
    <EntryList
      entries={networks()}
      name={(network) => network.name}
      form={NetworkForm}
      adding={{ id: "new-network-title", title: "Nouveau réseau" }}
    >
      {(network) => (
        <p class="directory-row__text">
          {NETWORK_KINDS[network.kind]} — {network.structureCount === 1 ? "1 structure" : `${network.structureCount} structures`}
          <Show when={network.description}>
            <br />
            {network.description}
          </Show>
        </p>
      )}
    </EntryList>
  );
}

type Field = "name" | "slug" | "kind" | "description";

function NetworkForm(props: EntryFormProps<Network>) {
  const network = props.entry;
  const prefix = network ? `reseau-${network.id}` : "nouveau-reseau";
  const ids: Record<Field, string> = {
    name: `${prefix}-nom`,
    slug: `${prefix}-identifiant`,
    kind: `${prefix}-type`,
    description: `${prefix}-description`,
  };
  const create = useAction(createNetwork);
  const update = useAction(updateNetwork);
  const form = createAdminForm(ids, FIELD_NAMES.Network);
  const [name, setName] = createSignal(network?.name ?? "");
  const [slug, setSlug] = createSignal("");
  const [kind, setKind] = createSignal<Network["kind"]>(network?.kind ?? "spro");
  const [description, setDescription] = createSignal(network?.description ?? "");

  async function submit() {
    const fields = { name: name().trim(), kind: kind(), description: description().trim() };
    const done = await form.run({ name: fields.name ? undefined : "Saisissez le nom du réseau." }, () =>
      network ? update(network.id, fields) : create({ ...fields, slug: slug().trim() || slugOf(fields.name) }),
    );
    if (done === undefined) return;
    if (!network) {
      setName("");
      setSlug("");
      setDescription("");
    }
    props.onDone(network ? `Le réseau « ${fields.name} » est enregistré.` : `Le réseau « ${fields.name} » est créé.`);
  }

  return (
    <AdminForm
      form={form}
      label={network ? `Modifier le réseau ${network.name}` : "Nouveau réseau"}
      submit={network ? "Enregistrer le réseau" : "Créer le réseau"}
      onSubmit={submit}
      onCancel={props.onCancel}
    >
      <TextField
        id={ids.name}
        label="Nom"
        hint="Par exemple « Missions Locales »."
        maxlength={120}
        value={name()}
        onInput={(event) => setName(event.currentTarget.value)}
        error={form.errors().name}
      />
      <Show when={!network}>
        <SlugField
          id={ids.slug}
          hint="Minuscules, chiffres et tirets, par exemple missions-locales. Laissé vide, il est tiré du nom ; il ne change plus ensuite."
          value={slug()}
          onValue={setSlug}
          error={form.errors().slug}
        />
      </Show>
      <ChoicesField
        id={ids.kind}
        legend="Type"
        type="radio"
        options={networkKindOptions}
        selected={[kind()]}
        onChange={(chosen) => setKind(chosen[0] ?? "spro")}
        error={form.errors().kind}
      />
      <TextAreaField
        id={ids.description}
        label="Description (facultatif)"
        rows={3}
        maxlength={2000}
        value={description()}
        onInput={(event) => setDescription(event.currentTarget.value)}
        error={form.errors().description}
      />
    </AdminForm>
  );
}
