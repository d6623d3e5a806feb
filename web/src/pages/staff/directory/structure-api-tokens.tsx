import { createAsync, useAction } from "@solidjs/router";
import { createSignal, For, Show } from "solid-js";
import { API_PERMISSIONS, type ApiPermission, PERMISSION_WORDS } from "../../../../../server/domain/api-permissions.ts";
import { Button } from "../../../components/button.tsx";
import { ChoicesField, TextField } from "../../../components/fields.tsx";
import { Loadable, Notice } from "../../../components/notice.tsx";
import { formatDate, formatParisInstant, parisDate } from "../../../lib/dates.ts";
import { canIssueToken } from "../roles.ts";
import { useStaffUser } from "../staff-area.tsx";
import { type ApiToken, createApiToken, getApiTokens, revokeApiToken, type StructureDetail } from "./admin-api.ts";
import { AdminForm, createAdminForm, createSuccess, SuccessNotice } from "./admin-form.tsx";
import { ConfirmButton } from "./confirm-button.tsx";
import { CopyButton } from "./copy-button.tsx";

const OPTIONS = API_PERMISSIONS.map((value) => ({ value, label: PERMISSION_WORDS[value] }));

/**
 * The « Jetons d'API » tab: the structure's systems (a follow-up software, a CRM) call the API
 * with a token rather than a session. A token is shown once, just made (only its hash is kept);
 * it acts as its author, in this structure only, within the permissions ticked.
 */
export function StructureApiTokens(props: { structure: StructureDetail; regional: boolean }) {
  const user = useStaffUser();
  return (
    <>
      <p>
        Un jeton permet à un logiciel de la structure d'utiliser l'API de RDV Orientation (en-tête «&nbsp;Authorization:
        Bearer&nbsp;») avec vos droits, dans cette structure seulement, et pour ce que vous cochez. Chaque action faite avec un
        jeton est inscrite au journal de la plateforme, que tient l'administration régionale, à votre nom et au sien.
      </p>
      <p>
        Pour le logiciel&nbsp;: l'identifiant de la structure (paramètre «&nbsp;structure&nbsp;» de l'API) est{" "}
        <code class="api-token__structure">{props.structure.id}</code>, et la description de l'API est à l'adresse{" "}
        <a href="/api/openapi.json">/api/openapi.json</a>.
      </p>
      <Loadable loading="Chargement des jetons…" failure="Les jetons n'ont pas pu être chargés." queryKey={getApiTokens.key}>
        <Tokens structureId={props.structure.id} issues={canIssueToken(user(), props.structure.id)} />
      </Loadable>
    </>
  );
}

/** The last day a token works: the day before the midnight it expires at. */
const lastDay = (expiresAt: string) => formatDate(parisDate(new Date(Date.parse(expiresAt) - 1)));

/** `issues`: the user is an admin member of the structure; the Région otherwise only oversees (lists, revokes). */
function Tokens(props: { structureId: string; issues: boolean }) {
  const tokens = createAsync(() => getApiTokens(props.structureId));
  const revoke = useAction(revokeApiToken);
  const success = createSuccess();
  const [shown, setShown] = createSignal<{ name: string; token: string }>();
  const live = (token: ApiToken) => !token.revokedAt && !token.expired;

  return (
    <>
      <SuccessNotice said={success.said()} />
      <Show when={shown()}>
        {(made) => (
          <Notice>
            <p>
              <strong>Copiez ce jeton maintenant&nbsp;: il ne sera plus jamais affiché.</strong> Gardez-le comme un mot de passe,
              dans la configuration du logiciel qui l'utilisera&nbsp;; s'il est perdu ou divulgué, révoquez-le et créez-en un
              autre.
            </p>
            <TextField
              id="jeton-nouveau"
              label={`Jeton « ${made().name} »`}
              value={made().token}
              readOnly
              onFocus={(event) => event.currentTarget.select()}
            />
            <div class="directory__actions">
              <CopyButton
                value={made().token}
                label="Copier le jeton"
                copied="Jeton copié."
                what="le jeton"
                onCopied={success.say}
              />
              <Button variant="secondary" onClick={() => setShown(undefined)}>
                J'ai copié le jeton
              </Button>
            </div>
          </Notice>
        )}
      </Show>
      <Show when={(tokens()?.length ?? 0) > 0} fallback={<p>Aucun jeton n'a été créé pour cette structure.</p>}>
        <ul class="directory-rows">
          <For each={tokens()}>
            {(token) => (
              <li class="directory-row">
                <h3 class="directory-row__title">
                  {token.name}
                  <Show when={!live(token)}>
                    {" "}
                    <span class="directory-tag">{token.revokedAt ? "révoqué" : "expiré"}</span>
                  </Show>
                </h3>
                <p class="directory-row__text">
                  Commence par <code>{token.prefix}</code>
                  <br />
                  Créé le {formatParisInstant(token.createdAt)} par {token.createdBy.firstName} {token.createdBy.lastName}
                  <br />
                  <Show
                    when={token.revokedAt}
                    fallback={<Show when={token.expiresAt}>{(at) => <>Valable jusqu'au {lastDay(at())} inclus</>}</Show>}
                  >
                    {(at) => <>Révoqué le {formatParisInstant(at())}</>}
                  </Show>
                  <br />
                  Dernière utilisation&nbsp;: {token.lastUsedAt ? formatParisInstant(token.lastUsedAt) : "jamais"}
                </p>
                <ul class="directory-row__roles" aria-label={`Permissions du jeton « ${token.name} »`}>
                  <For each={token.permissions}>{(permission) => <li>{PERMISSION_WORDS[permission]}</li>}</For>
                </ul>
                <Show when={live(token)}>
                  <ConfirmButton
                    label={
                      <>
                        Révoquer<span class="visually-hidden">&nbsp;le jeton « {token.name} »</span>
                      </>
                    }
                    title={`Révoquer le jeton « ${token.name} » ?`}
                    confirm="Révoquer le jeton"
                    onConfirm={() => revoke(token.id)}
                    onDone={() => success.say(`Le jeton « ${token.name} » est révoqué : il ne fonctionne plus.`)}
                  >
                    Le logiciel qui l'utilise recevra aussitôt un refus (401) à chacune de ses demandes. Un jeton révoqué ne se
                    rétablit pas&nbsp;: il faudra en créer un autre.
                  </ConfirmButton>
                </Show>
              </li>
            )}
          </For>
        </ul>
      </Show>
      <section class="staff__section" aria-labelledby="new-token-title">
        <h3 id="new-token-title">Créer un jeton</h3>
        <Show
          when={props.issues}
          fallback={
            <p>
              Seul un administrateur de la structure peut créer un jeton pour elle&nbsp;: un jeton agit avec ses droits dans la
              structure, que l'administration régionale n'a pas. Vous pouvez révoquer les jetons ci-dessus.
            </p>
          }
        >
          <TokenForm
            structureId={props.structureId}
            onMade={(made) => {
              setShown(made);
              success.say(`Le jeton « ${made.name} » est créé : copiez-le ci-dessous, il ne sera plus affiché.`);
            }}
          />
        </Show>
      </section>
    </>
  );
}

type Field = "name" | "permissions" | "expiresOn";
const IDS: Record<Field, string> = { name: "jeton-nom", permissions: "jeton-permissions", expiresOn: "jeton-fin" };
const NAMES: Record<Field, string> = { name: "Nom du jeton", permissions: "Permissions", expiresOn: "Valable jusqu'au" };

function TokenForm(props: { structureId: string; onMade: (made: { name: string; token: string }) => void }) {
  const create = useAction(createApiToken);
  const form = createAdminForm(IDS, NAMES);
  const [name, setName] = createSignal("");
  const [permissions, setPermissions] = createSignal<ApiPermission[]>([]);
  const [expiresOn, setExpiresOn] = createSignal("");

  async function submit() {
    const made = await form.run(
      {
        name: name().trim() ? undefined : "Donnez un nom au jeton, par exemple celui du logiciel qui l'utilisera.",
        permissions: permissions().length > 0 ? undefined : "Cochez au moins une permission.",
      },
      () =>
        create(props.structureId, {
          name: name().trim(),
          // In the list's order, whatever the order they were ticked in.
          permissions: API_PERMISSIONS.filter((p) => permissions().includes(p)),
          ...(expiresOn() && { expiresOn: expiresOn() }),
        }),
    );
    if (made === undefined) return;
    props.onMade({ name: name().trim(), token: made.token });
    setName("");
    setPermissions([]);
    setExpiresOn("");
  }

  return (
    <AdminForm form={form} label="Créer un jeton" submit="Créer le jeton" onSubmit={submit}>
      <TextField
        id={IDS.name}
        label={NAMES.name}
        hint="Pour le reconnaître : par exemple le nom du logiciel qui l'utilisera."
        maxlength={80}
        value={name()}
        onInput={(event) => setName(event.currentTarget.value)}
        error={form.errors().name}
      />
      <ChoicesField
        id={IDS.permissions}
        legend={NAMES.permissions}
        hint="Modifier permet aussi de lire. Un jeton n'ouvre jamais l'annuaire, les tableaux de bord ni les fiches des personnes."
        type="checkbox"
        options={OPTIONS}
        selected={permissions()}
        onChange={setPermissions}
        error={form.errors().permissions}
      />
      <TextField
        id={IDS.expiresOn}
        label={`${NAMES.expiresOn} (facultatif)`}
        hint="Dernier jour où il fonctionne, deux ans au plus. Vide : un an."
        type="date"
        value={expiresOn()}
        onInput={(event) => setExpiresOn(event.currentTarget.value)}
        error={form.errors().expiresOn}
      />
    </AdminForm>
  );
}
