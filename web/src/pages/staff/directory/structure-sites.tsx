import { useAction } from "@solidjs/router";
import { createSignal, For, Show } from "solid-js";
import { Button } from "../../../components/button.tsx";
import { TextAreaField, TextField } from "../../../components/fields.tsx";
import type { Commune } from "../../../lib/api.ts";
import { CommuneField } from "../../booking/commune-field.tsx";
import { type AdminSite, createSite, type StructureDetail, updateSite } from "./admin-api.ts";
import { AdminForm, createAdminForm, createSuccess, optional, SuccessNotice } from "./admin-form.tsx";
import { ConfirmButton } from "./confirm-button.tsx";
import { FIELD_NAMES } from "./directory-words.ts";
import { RowEditor } from "./row-editor.tsx";

/** The « Lieux » tab: where the structure receives people. A site is closed (deactivated), never deleted: appointments refer to it. */
export function StructureSites(props: { structure: StructureDetail; regional: boolean }) {
  const success = createSuccess();
  const update = useAction(updateSite);
  return (
    <>
      <SuccessNotice said={success.said()} />
      <Show when={props.structure.sites.length > 0} fallback={<p>Aucun lieu pour le moment.</p>}>
        <ul class="directory-rows">
          <For each={props.structure.sites}>
            {(site) => (
              <li class="directory-row">
                <h3 class="directory-row__title">
                  {site.name}
                  <Show when={!site.active}>
                    {" "}
                    <span class="directory-tag">fermé</span>
                  </Show>
                </h3>
                <p class="directory-row__text">
                  {site.address}, {site.postcode} {site.commune.name}
                  <Show when={site.phone}>
                    <br />
                    Téléphone&nbsp;: {site.phone}
                  </Show>
                </p>
                <Show when={site.accessInfo}>
                  <p class="directory-row__text">{site.accessInfo}</p>
                </Show>
                <RowEditor label="Modifier" name={site.name} onDone={success.say}>
                  {(editing) => <SiteForm structureId={props.structure.id} site={site} {...editing} />}
                </RowEditor>
                <div class="directory__actions">
                  <Show
                    when={site.active}
                    fallback={
                      <Button
                        variant="secondary"
                        onClick={async () => {
                          const outcome = await update(site.id, { active: true });
                          success.say(outcome.kind === "done" ? `Le lieu « ${site.name} » est rouvert.` : outcome.message);
                        }}
                      >
                        Rouvrir<span class="visually-hidden">&nbsp;{site.name}</span>
                      </Button>
                    }
                  >
                    <ConfirmButton
                      label={
                        <>
                          Fermer le lieu<span class="visually-hidden">&nbsp;{site.name}</span>
                        </>
                      }
                      title={`Fermer le lieu « ${site.name} » ?`}
                      confirm="Fermer le lieu"
                      onConfirm={() => update(site.id, { active: false })}
                      onDone={() => success.say(`Le lieu « ${site.name} » est fermé.`)}
                    >
                      Il ne sera plus proposé pour de nouveaux rendez-vous. Les rendez-vous déjà pris y restent&nbsp;: prévenez
                      les personnes concernées. Vous pourrez le rouvrir.
                    </ConfirmButton>
                  </Show>
                </div>
              </li>
            )}
          </For>
        </ul>
      </Show>
      <section class="staff__section" aria-labelledby="new-site-title">
        <h3 id="new-site-title">Ajouter un lieu</h3>
        <SiteForm structureId={props.structure.id} onDone={success.say} />
      </section>
    </>
  );
}

type Field = "name" | "address" | "communeCode" | "postcode" | "phone" | "accessInfo";

/** Adds a site, or edits `site`. */
function SiteForm(props: { structureId: string; site?: AdminSite; onDone: (text: string) => void; onCancel?: () => void }) {
  const prefix = props.site ? `lieu-${props.site.id}` : "nouveau-lieu";
  // In the form's order: the error summary lists the fields in this order.
  const ids: Record<Field, string> = {
    name: `${prefix}-nom`,
    address: `${prefix}-adresse`,
    communeCode: `${prefix}-commune`,
    postcode: `${prefix}-code-postal`,
    phone: `${prefix}-telephone`,
    accessInfo: `${prefix}-acces`,
  };
  const create = useAction(createSite);
  const update = useAction(updateSite);
  const form = createAdminForm(ids, FIELD_NAMES.Site);
  const site = props.site;
  const [name, setName] = createSignal(site?.name ?? "");
  const [address, setAddress] = createSignal(site?.address ?? "");
  const [postcode, setPostcode] = createSignal(site?.postcode ?? "");
  const [commune, setCommune] = createSignal<Commune | undefined>(
    site && { ...site.commune, postcodes: [site.postcode], departmentCode: site.commune.code.slice(0, 2) },
  );
  const [phone, setPhone] = createSignal(site?.phone ?? "");
  const [accessInfo, setAccessInfo] = createSignal(site?.accessInfo ?? "");
  const [round, setRound] = createSignal(1);

  function chooseCommune(chosen: Commune | undefined) {
    setCommune(chosen);
    // The previous commune's postcode is wrong for the new one: a commune with a single postcode
    // fills it in, any other leaves it to be typed.
    setPostcode(chosen?.postcodes.length === 1 ? (chosen.postcodes[0] ?? "") : "");
  }

  async function submit() {
    const input = {
      name: name().trim(),
      address: address().trim(),
      postcode: postcode().trim(),
      communeCode: commune()?.code ?? "",
      phone: optional(phone()) ?? null,
      accessInfo: accessInfo().trim(),
    };
    const done = await form.run(
      {
        name: input.name ? undefined : "Saisissez le nom du lieu.",
        address: input.address ? undefined : "Saisissez l'adresse.",
        postcode: /^\d{5}$/.test(input.postcode) ? undefined : "Saisissez un code postal à 5 chiffres.",
        communeCode: input.communeCode ? undefined : "Choisissez la commune dans la liste.",
      },
      () => (site ? update(site.id, input) : create(props.structureId, input)),
    );
    if (done === undefined) return;
    if (!site) {
      setName("");
      setAddress("");
      setPostcode("");
      setCommune(undefined);
      setRound(round() + 1);
      setPhone("");
      setAccessInfo("");
    }
    props.onDone(site ? `Le lieu « ${input.name} » est enregistré.` : `Le lieu « ${input.name} » est ajouté.`);
  }

  return (
    <AdminForm
      form={form}
      label={site ? `Modifier le lieu ${site.name}` : "Ajouter un lieu"}
      submit={site ? "Enregistrer le lieu" : "Ajouter le lieu"}
      onSubmit={submit}
      onCancel={props.onCancel}
    >
      <TextField
        id={ids.name}
        label="Nom du lieu"
        hint="Par exemple « Antenne de Lille-Sud »."
        maxlength={160}
        value={name()}
        onInput={(event) => setName(event.currentTarget.value)}
        error={form.errors().name}
      />
      <TextField
        id={ids.address}
        label="Adresse"
        hint="Numéro et rue."
        autocomplete="street-address"
        maxlength={300}
        value={address()}
        onInput={(event) => setAddress(event.currentTarget.value)}
        error={form.errors().address}
      />
      {/* A new round, once the form is cleared, mounts an empty commune field. */}
      <Show when={round()} keyed>
        <CommuneField
          id={ids.communeCode}
          label="Commune"
          value={commune()}
          onChange={chooseCommune}
          error={form.errors().communeCode}
        />
      </Show>
      <TextField
        id={ids.postcode}
        label="Code postal"
        inputmode="numeric"
        autocomplete="postal-code"
        maxlength={5}
        value={postcode()}
        onInput={(event) => setPostcode(event.currentTarget.value)}
        error={form.errors().postcode}
      />
      <TextField
        id={ids.phone}
        label="Téléphone (facultatif)"
        type="tel"
        autocomplete="tel"
        value={phone()}
        onInput={(event) => setPhone(event.currentTarget.value)}
        error={form.errors().phone}
      />
      <TextAreaField
        id={ids.accessInfo}
        label="Accès (facultatif)"
        hint="Transports, accessibilité, étage, interphone : ce que la personne doit savoir pour venir."
        rows={3}
        maxlength={1000}
        value={accessInfo()}
        onInput={(event) => setAccessInfo(event.currentTarget.value)}
        error={form.errors().accessInfo}
      />
    </AdminForm>
  );
}
