import { A, createAsync, useAction } from "@solidjs/router";
import { createSignal, For, Show } from "solid-js";
import { TextField } from "../../../components/fields.tsx";
import { Loadable } from "../../../components/notice.tsx";
import { PageTitle } from "../../../components/page-title.tsx";
import { formatDate, formatParisInstant } from "../../../lib/dates.ts";
import { getJobRuns, getRetentionSettings, type JobRun, type RetentionSettings, saveRetention } from "../privacy/privacy-api.ts";
import { AdminForm, createAdminForm, createSuccess, SuccessNotice, whole } from "./admin-form.tsx";
import { BackLink, RegionOnly } from "./directory-area.tsx";

/** Each daily job in words, and what its counts mean; a new one shows as the server names it. */
const JOBS: Record<string, { name: string; counts: Record<string, string> }> = {
  "waiting-times": { name: "Délais d'attente du jour", counts: {} },
  retention: { name: "Anonymisation au terme de la conservation", counts: { persons: "personnes anonymisées" } },
  "audit-log": { name: "Purge du journal (plus d'un an)", counts: { events: "événements supprimés" } },
  housekeeping: {
    name: "Nettoyage technique",
    counts: { idempotencyKeys: "réponses de réservation oubliées", messages: "courriels envoyés supprimés (plus d'un mois)" },
  },
};

const describeResult = (run: JobRun) =>
  run.result
    ? Object.entries(run.result)
        .map(([key, count]) => `${count} ${JOBS[run.job]?.counts[key] ?? key}`)
        .join(", ") || "fait"
    : "en cours, ou interrompu";

/** `/espace/annuaire/donnees-personnelles` (Région): the retention period, and what the daily jobs did with it. */
export default function PrivacySettingsPage() {
  return (
    <RegionOnly>
      <div class="staff">
        <BackLink href="/espace/annuaire">Retour à l'annuaire</BackLink>
        <PageTitle>Données personnelles</PageTitle>
        <p class="staff__lead">
          Combien de temps les données des personnes sont gardées, et ce que les traitements de chaque nuit en ont fait. Les
          modifications et les consultations sont tracées dans le <A href="/espace/annuaire/journal">journal</A>, qui est lui-même
          purgé après un an.
        </p>
        <section class="staff__section" aria-labelledby="retention-title">
          <h2 id="retention-title">Durée de conservation</h2>
          <Loadable
            loading="Chargement du réglage…"
            failure="La durée de conservation n'a pas pu être chargée."
            queryKey={getRetentionSettings.key}
          >
            <RetentionSection />
          </Loadable>
        </section>
        <section class="staff__section" aria-labelledby="runs-title">
          <h2 id="runs-title">Traitements quotidiens des sept derniers jours</h2>
          <Loadable
            loading="Chargement des traitements…"
            failure="Les traitements n'ont pas pu être chargés."
            queryKey={getJobRuns.key}
          >
            <RunList />
          </Loadable>
        </section>
      </div>
    </RegionOnly>
  );
}

function RetentionSection() {
  const settings = createAsync(() => getRetentionSettings());
  return <Show when={settings()}>{(current) => <RetentionForm settings={current()} />}</Show>;
}

function RetentionForm(props: { settings: RetentionSettings }) {
  const ids = { retentionMonths: "duree-de-conservation" };
  const form = createAdminForm(ids, { retentionMonths: "La durée de conservation" });
  const save = useAction(saveRetention);
  const success = createSuccess();
  const [months, setMonths] = createSignal(String(props.settings.retentionMonths));

  async function submit() {
    const value = whole(months());
    const { min, max } = props.settings;
    const problem =
      Number.isNaN(value) || value < min || value > max ? `Saisissez un nombre entier de mois, de ${min} à ${max}.` : undefined;
    const done = await form.run({ retentionMonths: problem }, () => save(value));
    if (done === undefined) return;
    success.say(`La durée de conservation est de ${value} mois : elle s'applique dès le prochain traitement de nuit.`);
  }

  return (
    <>
      <SuccessNotice said={success.said()} />
      <AdminForm form={form} label="Durée de conservation" submit="Enregistrer la durée" onSubmit={submit}>
        <TextField
          id={ids.retentionMonths}
          label="Durée de conservation, en mois"
          hint={`Après le dernier rendez-vous ou la dernière orientation d'une personne, ses données sont anonymisées ; de ${props.settings.min} à ${props.settings.max} mois. La notice publique « Données personnelles » l'annonce.`}
          inputmode="numeric"
          autocomplete="off"
          value={months()}
          onInput={(event) => setMonths(event.currentTarget.value)}
          error={form.errors().retentionMonths}
        />
      </AdminForm>
    </>
  );
}

function RunList() {
  const runs = createAsync(() => getJobRuns());
  return (
    <Show when={(runs() ?? []).length > 0} fallback={<p>Aucun traitement ces sept derniers jours.</p>}>
      <ul class="directory-list">
        <For each={runs()}>
          {(run) => (
            <li class="directory-list__item">
              <span class="directory-list__name">
                {formatDate(run.day)} — {JOBS[run.job]?.name ?? run.job}
              </span>
              <span class="directory-list__meta">
                {describeResult(run)}
                <Show when={run.finishedAt}>{(at) => ` (terminé le ${formatParisInstant(at())})`}</Show>
              </span>
            </li>
          )}
        </For>
      </ul>
    </Show>
  );
}
