import { createAsync, useAction, useSearchParams } from "@solidjs/router";
import { createSignal, For, Show } from "solid-js";
import { Button } from "../../../components/button.tsx";
import { CheckboxField, ChoicesField, TextField } from "../../../components/fields.tsx";
import { Loadable } from "../../../components/notice.tsx";
import { de } from "../../../lib/french.ts";
import { PersonNameFields } from "../person-name-fields.tsx";
import { roleLines } from "../roles.ts";
import { AccountActiveButton, PersonEmailField, ResendInvitationButton } from "./account-actions.tsx";
import { type Account, getAccounts, getTerritories, inviteAccount, updateAccount } from "./admin-api.ts";
import { AdminForm, createAdminForm, createSuccess, SuccessNotice } from "./admin-form.tsx";
import { RegionPage } from "./directory-area.tsx";
import { FIELD_NAMES } from "./directory-words.ts";
import { RowEditor } from "./row-editor.tsx";

/** `/espace/annuaire/comptes` (Région): find an account; open coordination and regional accounts; deactivate. */
export default function AccountsPage() {
  const [search, setSearch] = useSearchParams();
  const query = () => (typeof search.q === "string" ? search.q : "");
  const [text, setText] = createSignal(query());
  const success = createSuccess();
  return (
    <RegionPage
      title="Comptes"
      lead={
        <>
          Les comptes des personnels. Les rôles dans une structure se donnent depuis l'onglet Personnel de la structure&nbsp;;
          ici, la coordination des territoires et l'administration régionale.
        </>
      }
    >
      <form
        class="staff-form directory-search"
        aria-label="Chercher un compte"
        onSubmit={(event) => {
          event.preventDefault();
          setSearch({ q: text().trim() || undefined });
        }}
      >
        <TextField
          id="recherche-compte"
          label="Nom ou adresse électronique"
          hint="Une partie suffit. 200 comptes au plus sont affichés."
          type="search"
          value={text()}
          onInput={(event) => setText(event.currentTarget.value)}
        />
        <Button type="submit">Chercher</Button>
      </form>
      <SuccessNotice said={success.said()} />
      <Loadable loading="Chargement des comptes…" failure="Les comptes n'ont pas pu être chargés." queryKey={getAccounts.key}>
        <Accounts query={query()} onDone={success.say} />
      </Loadable>
      <section class="staff__section" aria-labelledby="new-account-title">
        <h2 id="new-account-title">Inviter une personne de la coordination ou de la Région</h2>
        <Loadable
          loading="Chargement des territoires…"
          failure="Les territoires n'ont pas pu être chargés."
          queryKey={getTerritories.key}
        >
          <AccountForm onDone={success.say} />
        </Loadable>
      </section>
    </RegionPage>
  );
}

/** The server answers 200 accounts at most: a full page means there may be more. */
const ACCOUNT_LIMIT = 200;

function Accounts(props: { query: string; onDone: (text: string) => void }) {
  const accounts = createAsync(() => getAccounts(props.query));
  const count = () => accounts()?.length ?? 0;
  return (
    <section aria-labelledby="accounts-title">
      <h2 id="accounts-title">
        {props.query ? `Comptes pour « ${props.query} »` : "Tous les comptes"}{" "}
        {count() >= ACCOUNT_LIMIT ? `(les ${ACCOUNT_LIMIT} premiers)` : `(${count()})`}
      </h2>
      <Show when={count() >= ACCOUNT_LIMIT}>
        <p>Seuls les {ACCOUNT_LIMIT} premiers comptes sont affichés&nbsp;: précisez la recherche pour trouver les autres.</p>
      </Show>
      <Show when={(accounts() ?? []).length > 0} fallback={<p>Aucun compte ne correspond.</p>}>
        <ul class="directory-rows">
          <For each={accounts()}>
            {(account) => {
              const name = `${account.firstName} ${account.lastName}`;
              return (
                <li class="directory-row">
                  <h3 class="directory-row__title">
                    {name}
                    <Show when={account.invited && account.active && account.manageable}>
                      {" "}
                      <span class="directory-tag">invitation envoyée</span>
                    </Show>
                    <Show when={!account.active}>
                      {" "}
                      <span class="directory-tag">compte désactivé</span>
                    </Show>
                  </h3>
                  <p class="directory-row__text">{account.email}</p>
                  <ul class="directory-row__roles">
                    <For each={roleLines(account)} fallback={<li>Aucun rôle</li>}>
                      {(line) => <li>{line}</li>}
                    </For>
                  </ul>
                  <div class="directory__actions">
                    <Show when={account.invited && account.active && account.manageable}>
                      <ResendInvitationButton id={account.id} name={name} onDone={props.onDone} />
                    </Show>
                    <Show when={account.manageable}>
                      <AccountActiveButton id={account.id} name={name} active={account.active} onDone={props.onDone} />
                    </Show>
                  </div>
                  <RowEditor label="Coordination et Région" name={name} onDone={props.onDone}>
                    {(editing) => (
                      <Loadable
                        loading="Chargement des territoires…"
                        failure="Les territoires n'ont pas pu être chargés."
                        queryKey={getTerritories.key}
                      >
                        <AccountForm account={account} {...editing} />
                      </Loadable>
                    )}
                  </RowEditor>
                </li>
              );
            }}
          </For>
        </ul>
      </Show>
    </section>
  );
}

type Field = "email" | "firstName" | "lastName" | "regionalAdmin" | "territoryIds";

/** Opens an account for coordination or the Région (an invitation goes by e-mail), or changes `account`'s regional roles. */
function AccountForm(props: { account?: Account; onDone: (text: string) => void; onCancel?: () => void }) {
  const account = props.account;
  const prefix = account ? `compte-${account.id}` : "nouveau-compte";
  const ids: Record<Field, string> = {
    email: `${prefix}-courriel`,
    firstName: `${prefix}-prenom`,
    lastName: `${prefix}-nom`,
    regionalAdmin: `${prefix}-region`,
    territoryIds: `${prefix}-territoires`,
  };
  const invite = useAction(inviteAccount);
  const update = useAction(updateAccount);
  const territories = createAsync(() => getTerritories());
  const form = createAdminForm(ids, FIELD_NAMES.StaffUser);
  const [email, setEmail] = createSignal("");
  const [firstName, setFirstName] = createSignal(account?.firstName ?? "");
  const [lastName, setLastName] = createSignal(account?.lastName ?? "");
  const [regionalAdmin, setRegionalAdmin] = createSignal(account?.regionalAdmin ?? false);
  const [territoryIds, setTerritoryIds] = createSignal<string[]>(account?.territories.map((t) => t.id) ?? []);

  async function submit() {
    const names = { firstName: firstName().trim(), lastName: lastName().trim() };
    const roles = { regionalAdmin: regionalAdmin(), territoryIds: territoryIds() };
    const done = await form.run(
      {
        email: account || email().trim() ? undefined : "Saisissez l'adresse électronique de la personne.",
        firstName: names.firstName ? undefined : "Saisissez le prénom.",
        lastName: names.lastName ? undefined : "Saisissez le nom.",
      },
      () => (account ? update(account.id, { ...names, ...roles }) : invite({ email: email().trim(), ...names, ...roles })),
    );
    if (done === undefined) return;
    const name = `${names.firstName} ${names.lastName}`;
    if (!account) {
      setEmail("");
      setFirstName("");
      setLastName("");
      setRegionalAdmin(false);
      setTerritoryIds([]);
    }
    props.onDone(account ? `Le compte ${de(name)} est enregistré.` : `${name} est invité·e : un courriel lui a été envoyé.`);
  }

  return (
    <AdminForm
      form={form}
      label={account ? `Coordination et Région : ${account.firstName} ${account.lastName}` : "Inviter une personne"}
      submit={account ? "Enregistrer le compte" : "Inviter"}
      onSubmit={submit}
      onCancel={props.onCancel}
    >
      <Show when={!account}>
        <PersonEmailField id={ids.email} value={email()} onValue={setEmail} error={form.errors().email} />
      </Show>
      <PersonNameFields
        ids={ids}
        firstName={firstName()}
        lastName={lastName()}
        onFirstName={setFirstName}
        onLastName={setLastName}
        errors={form.errors()}
      />
      <ChoicesField
        id={ids.territoryIds}
        legend="Territoires coordonnés"
        hint="Aucun coché : pas de coordination."
        type="checkbox"
        options={(territories() ?? []).map((territory) => ({ value: territory.id, label: territory.name }))}
        selected={territoryIds()}
        onChange={setTerritoryIds}
        error={form.errors().territoryIds}
      />
      <CheckboxField
        id={ids.regionalAdmin}
        label="Administration régionale"
        hint="Donne tous les droits sur l'annuaire de la région, comptes compris."
        checked={regionalAdmin()}
        onChange={(event) => setRegionalAdmin(event.currentTarget.checked)}
        error={form.errors().regionalAdmin}
      />
    </AdminForm>
  );
}
