import { createAsync, useAction } from "@solidjs/router";
import { createMemo, createSignal, For, Show } from "solid-js";
import { Button } from "../../../components/button.tsx";
import { CheckboxField, ChoicesField, SelectField, TextAreaField } from "../../../components/fields.tsx";
import { Loadable } from "../../../components/notice.tsx";
import { getServices } from "../../../lib/api.ts";
import {
  AGE_BAND_WORDS,
  type AgeBand,
  conditionWords,
  NEED_WORDS,
  type Need,
  options,
  SITUATION_WORDS,
  type Situation,
} from "../../../lib/orientation-words.ts";
import { getNetworks } from "./admin-api.ts";
import { AdminForm, createAdminForm, createSuccess, SuccessNotice } from "./admin-form.tsx";
import { ConfirmButton } from "./confirm-button.tsx";
import { RegionPage } from "./directory-area.tsx";
import { ProfileTester } from "./routing-profile-tester.tsx";
import {
  createRoutingRule,
  deleteRoutingRule,
  getRoutingRules,
  type RoutingRule,
  reorderRoutingRules,
  updateRoutingRule,
} from "./routing-rules-api.ts";
import { RowEditor } from "./row-editor.tsx";

/** A rule in words: « Salarié·e · Changer de métier → Transitions Pro, Projet de transition professionnelle ». */
export function ruleWords(rule: RoutingRule): string {
  const target = rule.service ? `${rule.network.name}, ${rule.service.name}` : rule.network.name;
  return `${rule.fallback ? "Par défaut" : conditionWords(rule)} → ${target}`;
}

/** `/espace/annuaire/orientation` (Région): the table « Trouver le bon interlocuteur » reads, in order. */
export default function RoutingRulesPage() {
  return (
    <RegionPage
      title="Table d'orientation"
      lead={
        <>
          Le questionnaire «&nbsp;Trouver le bon interlocuteur&nbsp;» lit ces règles dans l'ordre&nbsp;: il recommande les réseaux
          des trois premières qui conviennent à la personne (un réseau une seule fois), et la règle par défaut quand aucune ne
          convient. Une condition laissée vide vaut pour tous.
        </>
      }
    >
      <Loadable
        loading="Chargement de la table…"
        failure="La table d'orientation n'a pas pu être chargée."
        queryKey={[getRoutingRules.key, getNetworks.key, getServices.key]}
      >
        <Rules />
      </Loadable>
      <section class="staff__section" aria-labelledby="test-profile-title">
        <h2 id="test-profile-title">Tester un profil</h2>
        <p>Ce que la table répond aujourd'hui à une personne, structures et disponibilités comprises.</p>
        <ProfileTester />
      </section>
    </RegionPage>
  );
}

function Rules() {
  const rules = createAsync(() => getRoutingRules());
  const success = createSuccess();
  const ordered = createMemo(() => (rules() ?? []).filter((rule) => !rule.fallback));
  const reorder = useAction(reorderRoutingRules);
  const [moving, setMoving] = createSignal<string>();

  async function move(rule: RoutingRule, by: -1 | 1) {
    const ids = ordered().map((r) => r.id);
    const from = ids.indexOf(rule.id);
    const to = from + by;
    if (moving() || from < 0 || to < 0 || to >= ids.length) return;
    [ids[from], ids[to]] = [ids[to] as string, rule.id];
    setMoving(rule.id);
    const outcome = await reorder(ids);
    setMoving(undefined);
    success.say(outcome.kind === "done" ? `Règle ${to + 1} : ${ruleWords(rule)}.` : outcome.message);
  }

  return (
    <>
      <SuccessNotice said={success.said()} />
      <ol class="directory-rows routing-rules">
        <For each={rules()}>
          {(rule, index) => (
            <li class="directory-row">
              <h2 class="directory-row__title">
                <span class="visually-hidden">{rule.fallback ? "Règle par défaut : " : `Règle ${index() + 1} : `}</span>
                {ruleWords(rule)}
              </h2>
              <p class="directory-row__text">
                {rule.reason}
                <Show when={rule.fallback}>
                  <br />
                  <span class="directory-tag">règle par défaut</span> Elle s'applique quand aucune autre ne convient&nbsp;: elle
                  reste active et sans condition, et ne peut être supprimée.
                </Show>
                <Show when={!rule.active}>
                  <br />
                  <span class="directory-tag">désactivée</span>
                </Show>
              </p>
              <div class="directory__actions">
                <Show when={!rule.fallback && index() > 0}>
                  <Button variant="secondary" disabled={moving() !== undefined} onClick={() => move(rule, -1)}>
                    Monter<span class="visually-hidden">&nbsp;la règle {index() + 1}</span>
                  </Button>
                </Show>
                <Show when={!rule.fallback && index() < ordered().length - 1}>
                  <Button variant="secondary" disabled={moving() !== undefined} onClick={() => move(rule, 1)}>
                    Descendre<span class="visually-hidden">&nbsp;la règle {index() + 1}</span>
                  </Button>
                </Show>
                <Show when={!rule.fallback}>
                  <ActiveToggle rule={rule} number={index() + 1} onDone={success.say} />
                  <ConfirmButton
                    label={
                      <>
                        Supprimer<span class="visually-hidden">&nbsp;la règle {index() + 1}</span>
                      </>
                    }
                    title="Supprimer cette règle ?"
                    confirm="Supprimer la règle"
                    onConfirm={() => deleteRoutingRule(rule.id)}
                    onDone={() => success.say(`La règle « ${ruleWords(rule)} » est supprimée.`)}
                  >
                    «&nbsp;{ruleWords(rule)}&nbsp;» ne sera plus proposée par le questionnaire. Pour la suspendre seulement,
                    désactivez-la.
                  </ConfirmButton>
                </Show>
              </div>
              <RowEditor label="Modifier" name={`la règle ${rule.fallback ? "par défaut" : index() + 1}`} onDone={success.say}>
                {(editing) => <RuleForm rule={rule} {...editing} />}
              </RowEditor>
            </li>
          )}
        </For>
      </ol>
      <section class="staff__section" aria-labelledby="new-rule-title">
        <h2 id="new-rule-title">Nouvelle règle</h2>
        <p>Elle s'ajoute à la fin de la table, avant la règle par défaut&nbsp;; déplacez-la ensuite à sa place.</p>
        <RuleForm onDone={success.say} />
      </section>
    </>
  );
}

function ActiveToggle(props: { rule: RoutingRule; number: number; onDone: (text: string) => void }) {
  const update = useAction(updateRoutingRule);
  const [sending, setSending] = createSignal(false);
  async function toggle() {
    setSending(true);
    const active = !props.rule.active;
    const outcome = await update(props.rule.id, { active });
    setSending(false);
    props.onDone(
      outcome.kind === "done"
        ? `La règle « ${ruleWords(props.rule)} » est ${active ? "activée" : "désactivée"}.`
        : outcome.message,
    );
  }
  return (
    <Button variant="secondary" disabled={sending()} onClick={toggle}>
      {props.rule.active ? "Désactiver" : "Activer"}
      <span class="visually-hidden">&nbsp;la règle {props.number}</span>
    </Button>
  );
}

type Field = "ageBands" | "situations" | "needs" | "disability" | "networkId" | "serviceId" | "reason";
type DisabilityChoice = "any" | "yes" | "no";
const DISABILITY_OPTIONS = [
  { value: "any", label: "Indifférent" },
  { value: "yes", label: "Oui : seulement pour qui souhaite un accompagnement adapté" },
  { value: "no", label: "Non : seulement pour les autres" },
] as const satisfies readonly { value: DisabilityChoice; label: string }[];
const FIELD_NAMES: Record<Field | "fallback", string> = {
  ageBands: "Âges",
  situations: "Situations",
  needs: "Besoins",
  disability: "Accompagnement adapté à un handicap",
  networkId: "Réseau",
  serviceId: "Service",
  reason: "Raison",
  fallback: "Règle par défaut",
};

function RuleForm(props: { rule?: RoutingRule; onDone: (text: string) => void; onCancel?: () => void }) {
  const rule = props.rule;
  const prefix = rule ? `regle-${rule.id}` : "nouvelle-regle";
  const ids: Record<Field, string> = {
    ageBands: `${prefix}-ages`,
    situations: `${prefix}-situations`,
    needs: `${prefix}-besoins`,
    disability: `${prefix}-handicap`,
    networkId: `${prefix}-reseau`,
    serviceId: `${prefix}-service`,
    reason: `${prefix}-raison`,
  };
  const networks = createAsync(() => getNetworks());
  const services = createAsync(() => getServices());
  const create = useAction(createRoutingRule);
  const update = useAction(updateRoutingRule);
  const form = createAdminForm(ids, FIELD_NAMES);
  const [ageBands, setAgeBands] = createSignal<AgeBand[]>(rule ? [...rule.ageBands] : []);
  const [situations, setSituations] = createSignal<Situation[]>(rule ? [...rule.situations] : []);
  const [needs, setNeeds] = createSignal<Need[]>(rule ? [...rule.needs] : []);
  const [disability, setDisability] = createSignal<DisabilityChoice>(
    rule?.disability === true ? "yes" : rule?.disability === false ? "no" : "any",
  );
  const [networkId, setNetworkId] = createSignal(rule?.networkId ?? "");
  const [serviceId, setServiceId] = createSignal(rule?.serviceId ?? "");
  const [reason, setReason] = createSignal(rule?.reason ?? "");
  const [active, setActive] = createSignal(true);

  async function submit() {
    const conditions = rule?.fallback
      ? {}
      : {
          ageBands: ageBands(),
          situations: situations(),
          needs: needs(),
          disability: disability() === "any" ? null : disability() === "yes",
        };
    const fields = { ...conditions, networkId: networkId(), serviceId: serviceId() || null, reason: reason().trim() };
    const done = await form.run(
      {
        networkId: fields.networkId ? undefined : "Choisissez le réseau à recommander.",
        reason: fields.reason ? undefined : "Écrivez la raison, telle que la personne la lira.",
      },
      () => (rule ? update(rule.id, fields) : create({ ...fields, active: active() })),
    );
    if (done === undefined) return;
    if (!rule) {
      setAgeBands([]);
      setSituations([]);
      setNeeds([]);
      setDisability("any");
      setNetworkId("");
      setServiceId("");
      setReason("");
      setActive(true);
    }
    const saved = networks()?.find((n) => n.id === fields.networkId)?.name ?? "";
    props.onDone(rule ? `La règle vers ${saved} est enregistrée.` : `La règle vers ${saved} est ajoutée à la fin de la table.`);
  }

  return (
    <AdminForm
      form={form}
      label={rule ? `Modifier la règle ${ruleWords(rule)}` : "Nouvelle règle"}
      submit={rule ? "Enregistrer la règle" : "Ajouter la règle"}
      onSubmit={submit}
      onCancel={props.onCancel}
    >
      <Show when={!rule?.fallback}>
        <ChoicesField
          id={ids.ageBands}
          legend="Âges"
          hint="Aucune case cochée : tous les âges."
          type="checkbox"
          options={options(AGE_BAND_WORDS)}
          selected={ageBands()}
          onChange={setAgeBands}
          error={form.errors().ageBands}
        />
        <ChoicesField
          id={ids.situations}
          legend="Situations"
          hint="Aucune case cochée : toutes les situations."
          type="checkbox"
          options={options(SITUATION_WORDS)}
          selected={situations()}
          onChange={setSituations}
          error={form.errors().situations}
        />
        <ChoicesField
          id={ids.needs}
          legend="Besoins"
          hint="Aucune case cochée : tous les besoins."
          type="checkbox"
          options={options(NEED_WORDS)}
          selected={needs()}
          onChange={setNeeds}
          error={form.errors().needs}
        />
        <ChoicesField
          id={ids.disability}
          legend="Accompagnement adapté à un handicap"
          type="radio"
          options={DISABILITY_OPTIONS}
          selected={[disability()]}
          onChange={(chosen) => setDisability(chosen[0] ?? "any")}
          error={form.errors().disability}
        />
      </Show>
      <SelectField
        id={ids.networkId}
        label="Réseau recommandé"
        value={networkId()}
        onChange={(event) => setNetworkId(event.currentTarget.value)}
        error={form.errors().networkId}
      >
        <option value="">Choisissez un réseau</option>
        <For each={networks()}>{(network) => <option value={network.id}>{network.name}</option>}</For>
      </SelectField>
      <SelectField
        id={ids.serviceId}
        label="Service proposé"
        hint="Sans service : toute structure du réseau qui prend des rendez-vous en ligne."
        value={serviceId()}
        onChange={(event) => setServiceId(event.currentTarget.value)}
        error={form.errors().serviceId}
      >
        <option value="">Aucun service en particulier</option>
        <For each={services()}>{(service) => <option value={service.id}>{service.name}</option>}</For>
      </SelectField>
      <TextAreaField
        id={ids.reason}
        label="Raison"
        hint="En français simple : la personne la lit sous le nom du réseau."
        rows={3}
        maxlength={600}
        value={reason()}
        onInput={(event) => setReason(event.currentTarget.value)}
        error={form.errors().reason}
      />
      <Show when={!rule}>
        <CheckboxField
          id={`${prefix}-active`}
          label="Active dès maintenant"
          checked={active()}
          onChange={(event) => setActive(event.currentTarget.checked)}
        />
      </Show>
    </AdminForm>
  );
}
