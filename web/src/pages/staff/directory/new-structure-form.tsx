import { createAsync, useAction, useNavigate } from "@solidjs/router";
import { createSignal } from "solid-js";
import { ChoicesField, IdOptions, SelectField, TextField } from "../../../components/fields.tsx";
import { createStructure, getNetworks, type StructureDetail } from "./admin-api.ts";
import { AdminForm, createAdminForm, slugOf } from "./admin-form.tsx";
import { CommunesField, type PickedCommune } from "./communes-field.tsx";
import { FIELD_NAMES, sproRoleOptions } from "./directory-words.ts";
import { SlugField } from "./slug-field.tsx";

type Field = "name" | "slug" | "networkId" | "sproRoles" | "communes";
const IDS: Record<Field, string> = {
  name: "structure-nom",
  slug: "structure-identifiant",
  networkId: "structure-reseau",
  sproRoles: "structure-roles-spro",
  communes: "structure-communes",
};

/** The Région opens a structure: its name, network and roles; the rest is filled in on its page. */
export function NewStructureForm() {
  const navigate = useNavigate();
  const create = useAction(createStructure);
  const networks = createAsync(() => getNetworks());
  const form = createAdminForm(IDS, FIELD_NAMES.Structure);
  const [name, setName] = createSignal("");
  const [slug, setSlug] = createSignal("");
  const [networkId, setNetworkId] = createSignal("");
  const [sproRoles, setSproRoles] = createSignal<StructureDetail["sproRoles"]>([]);
  const [communes, setCommunes] = createSignal<PickedCommune[]>([]);

  async function submit() {
    const created = await form.run(
      {
        name: name().trim() ? undefined : "Saisissez le nom de la structure.",
        networkId: networkId() ? undefined : "Choisissez le réseau de la structure.",
      },
      () =>
        create({
          name: name().trim(),
          slug: slug().trim() || slugOf(name()),
          networkId: networkId(),
          sproRoles: sproRoles(),
          communes: communes().map((commune) => commune.code),
        }),
    );
    if (created) navigate(`/espace/annuaire/structures/${created.id}`);
  }

  return (
    <AdminForm form={form} label="Nouvelle structure" submit="Créer la structure" onSubmit={submit}>
      <TextField
        id={IDS.name}
        label="Nom"
        hint="Tel que le public le lit, par exemple « CIO de Lille-Centre »."
        maxlength={160}
        value={name()}
        onInput={(event) => setName(event.currentTarget.value)}
        error={form.errors().name}
      />
      <SlugField
        id={IDS.slug}
        hint="Minuscules, chiffres et tirets, par exemple cio-lille-centre. Laissé vide, il est tiré du nom."
        value={slug()}
        onValue={setSlug}
        error={form.errors().slug}
      />
      <SelectField
        id={IDS.networkId}
        label="Réseau"
        value={networkId()}
        onChange={(event) => setNetworkId(event.currentTarget.value)}
        error={form.errors().networkId}
      >
        <option value="">Choisissez un réseau</option>
        <IdOptions each={networks()} selected={networkId()} label={(network) => network.name} />
      </SelectField>
      <ChoicesField
        id={IDS.sproRoles}
        legend="Rôles dans le service public régional de l'orientation (facultatif)"
        type="checkbox"
        options={sproRoleOptions}
        selected={sproRoles()}
        onChange={setSproRoles}
        error={form.errors().sproRoles}
      />
      <CommunesField
        id={IDS.communes}
        legend="Communes desservies (facultatif)"
        hint="Les habitants de ces communes trouvent la structure en cherchant un rendez-vous. Saisissez un nom ou un code postal, puis choisissez-le dans la liste."
        error={form.errors().communes}
        value={communes()}
        onChange={setCommunes}
      />
    </AdminForm>
  );
}
