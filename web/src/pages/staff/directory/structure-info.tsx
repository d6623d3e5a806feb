import { createAsync, useAction } from "@solidjs/router";
import { createSignal, Show } from "solid-js";
import { CheckboxField, ChoicesField, IdOptions, SelectField, TextAreaField, TextField } from "../../../components/fields.tsx";
import { Loadable } from "../../../components/notice.tsx";
import { getNetworks, type StructureDetail, type StructurePatch, updateStructure } from "./admin-api.ts";
import { AdminForm, createAdminForm, createSuccess, optional, SuccessNotice } from "./admin-form.tsx";
import { CommunesField, type PickedCommune } from "./communes-field.tsx";
import { FIELD_NAMES, sproRoleOptions } from "./directory-words.ts";

type Field =
  | "name"
  | "description"
  | "phone"
  | "email"
  | "website"
  | "inboxAlert"
  | "inboxEmail"
  | "timeZone"
  | "slug"
  | "networkId"
  | "sproRoles"
  | "communes"
  | "active";
const IDS: Record<Field, string> = {
  name: "info-nom",
  description: "info-description",
  phone: "info-telephone",
  email: "info-courriel",
  website: "info-site-web",
  inboxAlert: "info-alerte-orientations",
  inboxEmail: "info-courriel-orientations",
  timeZone: "info-fuseau",
  slug: "info-identifiant",
  networkId: "info-reseau",
  sproRoles: "info-roles-spro",
  communes: "info-communes",
  active: "info-active",
};

/**
 * The « Informations » tab. A structure admin edits how the public reaches the structure; its
 * identity in the SPRO (identifier, network, roles, communes served, activity) is the Région's,
 * and shown only to it: the server refuses those fields to anyone else.
 */
export function StructureInfo(props: { structure: StructureDetail; regional: boolean }) {
  const save = useAction(updateStructure);
  const success = createSuccess();
  const form = createAdminForm(IDS, FIELD_NAMES.Structure);
  const initial = props.structure;
  const [name, setName] = createSignal(initial.name);
  const [description, setDescription] = createSignal(initial.description);
  const [phone, setPhone] = createSignal(initial.phone ?? "");
  const [email, setEmail] = createSignal(initial.email ?? "");
  const [website, setWebsite] = createSignal(initial.website ?? "");
  const [inboxAlert, setInboxAlert] = createSignal(initial.inboxAlert);
  const [inboxEmail, setInboxEmail] = createSignal(initial.inboxEmail ?? "");
  const [timeZone, setTimeZone] = createSignal(initial.timeZone);
  const [slug, setSlug] = createSignal(initial.slug);
  const [networkId, setNetworkId] = createSignal(initial.network.id);
  const [sproRoles, setSproRoles] = createSignal(initial.sproRoles);
  const [communes, setCommunes] = createSignal<PickedCommune[]>(initial.communes);
  const [active, setActive] = createSignal(initial.active);

  async function submit() {
    const patch: StructurePatch = {
      name: name().trim(),
      description: description().trim(),
      phone: optional(phone()) ?? null,
      email: optional(email()) ?? null,
      website: optional(website()) ?? null,
      inboxAlert: inboxAlert(),
      inboxEmail: optional(inboxEmail()) ?? null,
      timeZone: timeZone().trim(),
      ...(props.regional && {
        slug: slug().trim(),
        networkId: networkId(),
        sproRoles: sproRoles(),
        communes: communes().map((commune) => commune.code),
        active: active(),
      }),
    };
    const done = await form.run(
      {
        name: patch.name ? undefined : "Saisissez le nom de la structure.",
        slug: !props.regional || patch.slug ? undefined : "Saisissez l'identifiant de la structure.",
        inboxEmail: !patch.inboxAlert || patch.inboxEmail ? undefined : "Saisissez l'adresse à prévenir des orientations reçues.",
      },
      () => save(props.structure.id, patch),
    );
    if (done !== undefined) success.say("Les informations de la structure sont enregistrées.");
  }

  return (
    <>
      <SuccessNotice said={success.said()} />
      <AdminForm form={form} label="Informations de la structure" submit="Enregistrer les informations" onSubmit={submit}>
        <TextField
          id={IDS.name}
          label="Nom"
          maxlength={160}
          value={name()}
          onInput={(event) => setName(event.currentTarget.value)}
          error={form.errors().name}
        />
        <TextAreaField
          id={IDS.description}
          label="Présentation (facultatif)"
          hint="Ce que la structure propose, pour qui : le public la lit en choisissant où prendre rendez-vous."
          rows={4}
          maxlength={2000}
          value={description()}
          onInput={(event) => setDescription(event.currentTarget.value)}
          error={form.errors().description}
        />
        <TextField
          id={IDS.phone}
          label="Téléphone (facultatif)"
          hint="Par exemple 03 20 12 34 56."
          type="tel"
          value={phone()}
          onInput={(event) => setPhone(event.currentTarget.value)}
          error={form.errors().phone}
        />
        <TextField
          id={IDS.email}
          label="Adresse électronique (facultatif)"
          type="email"
          spellcheck={false}
          autocapitalize="off"
          maxlength={254}
          value={email()}
          onInput={(event) => setEmail(event.currentTarget.value)}
          error={form.errors().email}
        />
        <TextField
          id={IDS.website}
          label="Site web (facultatif)"
          hint="Par exemple https://exemple.fr"
          type="url"
          spellcheck={false}
          autocapitalize="off"
          maxlength={300}
          value={website()}
          onInput={(event) => setWebsite(event.currentTarget.value)}
          error={form.errors().website}
        />
        <fieldset class="fieldset">
          <legend class="fieldset__legend">Orientations reçues</legend>
          <CheckboxField
            id={IDS.inboxAlert}
            label="Prévenir par courriel de chaque orientation reçue"
            hint="Le courriel dit quelle structure oriente et donne le lien de l'orientation, sans nommer la personne."
            checked={inboxAlert()}
            onChange={(event) => setInboxAlert(event.currentTarget.checked)}
            error={form.errors().inboxAlert}
          />
          <TextField
            id={IDS.inboxEmail}
            label="Adresse à prévenir (facultatif sans alerte)"
            hint="Une adresse partagée, par exemple accueil@… : elle sert aussi quand l'équipe change."
            type="email"
            spellcheck={false}
            autocapitalize="off"
            maxlength={254}
            value={inboxEmail()}
            onInput={(event) => setInboxEmail(event.currentTarget.value)}
            error={form.errors().inboxEmail}
          />
        </fieldset>
        <TextField
          id={IDS.timeZone}
          label="Fuseau horaire"
          hint="Europe/Paris en métropole ; les horaires de la structure s'y entendent."
          spellcheck={false}
          autocapitalize="off"
          value={timeZone()}
          onInput={(event) => setTimeZone(event.currentTarget.value)}
          error={form.errors().timeZone}
        />
        <Show when={props.regional}>
          <fieldset class="fieldset directory-region-fields">
            <legend class="fieldset__legend">Réservé à l'administration régionale</legend>
            <TextField
              id={IDS.slug}
              label="Identifiant"
              hint="Minuscules, chiffres et tirets, par exemple mission-locale-lille."
              maxlength={80}
              spellcheck={false}
              autocapitalize="off"
              value={slug()}
              onInput={(event) => setSlug(event.currentTarget.value)}
              error={form.errors().slug}
            />
            <Loadable
              loading="Chargement des réseaux…"
              failure="Les réseaux n'ont pas pu être chargés."
              queryKey={getNetworks.key}
            >
              <NetworkSelect value={networkId()} onChange={setNetworkId} error={form.errors().networkId} />
            </Loadable>
            <ChoicesField
              id={IDS.sproRoles}
              legend="Rôles dans le service public régional de l'orientation"
              type="checkbox"
              options={sproRoleOptions}
              selected={sproRoles()}
              onChange={setSproRoles}
              error={form.errors().sproRoles}
            />
            <CommunesField
              id={IDS.communes}
              legend="Communes desservies"
              hint="Les habitants de ces communes trouvent la structure en cherchant un rendez-vous. Saisissez un nom ou un code postal, puis choisissez-le dans la liste."
              error={form.errors().communes}
              value={communes()}
              onChange={setCommunes}
            />
            <CheckboxField
              id={IDS.active}
              label="Structure active"
              hint="Décochée, la structure n'est plus proposée au public ni aux orientations."
              checked={active()}
              onChange={(event) => setActive(event.currentTarget.checked)}
              error={form.errors().active}
            />
          </fieldset>
        </Show>
      </AdminForm>
    </>
  );
}

function NetworkSelect(props: { value: string; onChange: (id: string) => void; error: string | undefined }) {
  const networks = createAsync(() => getNetworks());
  return (
    <SelectField
      id={IDS.networkId}
      label="Réseau"
      value={props.value}
      onChange={(event) => props.onChange(event.currentTarget.value)}
      error={props.error}
    >
      <IdOptions each={networks()} selected={props.value} label={(network) => network.name} />
    </SelectField>
  );
}
