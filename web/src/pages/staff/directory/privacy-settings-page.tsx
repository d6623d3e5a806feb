import { Dialog } from "@kobalte/core/dialog";
import { A, createAsync, useAction } from "@solidjs/router";
import { createSignal, For, Show } from "solid-js";
import { Button } from "../../../components/button.tsx";
import { TextField } from "../../../components/fields.tsx";
import { Loadable } from "../../../components/notice.tsx";
import { formatDate, formatParisInstant } from "../../../lib/dates.ts";
import "../../../components/dialog.css";
import { isEmailAddress } from "../../../lib/email.ts";
import {
  getJobRuns,
  getRetentionSettings,
  type RetentionSettings,
  retentionPreview,
  saveSettings,
} from "../privacy/privacy-api.ts";
import { AdminForm, createAdminForm, createSuccess, SuccessNotice, whole } from "./admin-form.tsx";
import { RegionPage } from "./directory-area.tsx";
import { count, describeResult, jobName } from "./job-words.ts";

/** `/espace/annuaire/donnees-personnelles` (Région): the retention period, and what the daily jobs did with it. */
export default function PrivacySettingsPage() {
  return (
    <RegionPage
      title="Données personnelles"
      lead={
        <>
          Combien de temps les données des personnes sont gardées, et ce que les traitements de chaque nuit en ont fait. Les
          modifications et les consultations sont tracées dans le <A href="/espace/annuaire/journal">journal</A>, qui est lui-même
          purgé après un an.
        </>
      }
    >
      <section class="staff__section" aria-labelledby="retention-title">
        <h2 id="retention-title">Conservation et contact</h2>
        <Loadable
          loading="Chargement du réglage…"
          failure="La durée de conservation n'a pas pu être chargée."
          queryKey={getRetentionSettings.key}
        >
          <RetentionSection />
        </Loadable>
      </section>
      <section class="staff__section" aria-labelledby="legal-title">
        <h2 id="legal-title">Mentions légales et accessibilité</h2>
        <Loadable
          loading="Chargement des mentions légales…"
          failure="Les mentions légales n'ont pas pu être chargées."
          queryKey={getRetentionSettings.key}
        >
          <LegalNoticeSection />
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
    </RegionPage>
  );
}

function RetentionSection() {
  const settings = createAsync(() => getRetentionSettings());
  return <Show when={settings()}>{(current) => <RetentionForm settings={current()} />}</Show>;
}

function RetentionForm(props: { settings: RetentionSettings }) {
  const ids = { retentionMonths: "duree-de-conservation", dpoContact: "contact-dpo" };
  const form = createAdminForm(ids, {
    retentionMonths: "La durée de conservation",
    dpoContact: "Le contact du délégué à la protection des données",
  });
  const save = useAction(saveSettings);
  const success = createSuccess();
  const [months, setMonths] = createSignal(String(props.settings.retentionMonths));
  const [dpoContact, setDpoContact] = createSignal(props.settings.dpoContact);
  // A shorter period anonymises, at the next nightly run, everyone already past it: irreversible
  // in bulk, so the number is shown and confirmed first.
  let keepButton: HTMLButtonElement | undefined;
  const [question, setQuestion] = createSignal<{ months: number; persons: number; answer: (go: boolean) => void }>();

  async function submit() {
    const value = whole(months());
    const { min, max } = props.settings;
    const problem =
      Number.isNaN(value) || value < min || value > max ? `Saisissez un nombre entier de mois, de ${min} à ${max}.` : undefined;
    const contact = dpoContact().trim();
    // Read before saving: the settings are loaded again once saved.
    const before = props.settings.retentionMonths;
    const done = await form.run({ retentionMonths: problem, dpoContact: contactProblem(contact) }, async () => {
      if (value < before) {
        const preview = await retentionPreview(value);
        if (preview.kind !== "done") return preview;
        const go = await new Promise<boolean>((answer) => setQuestion({ months: value, persons: preview.value.persons, answer }));
        if (!go)
          return {
            kind: "failed" as const,
            message: "Rien n'a changé : la durée de conservation reste la même.",
            disconnected: false,
          };
      }
      return save({ retentionMonths: value, dpoContact: contact });
    });
    if (done === undefined) return;
    success.say(
      value === before
        ? "Les réglages sont enregistrés."
        : `La durée de conservation est de ${value} mois : elle s'applique dès le prochain traitement de nuit.`,
    );
  }

  function answer(go: boolean) {
    const asked = question();
    setQuestion(undefined);
    asked?.answer(go);
  }

  return (
    <>
      <SuccessNotice said={success.said()} />
      <AdminForm form={form} label="Réglages des données personnelles" submit="Enregistrer les réglages" onSubmit={submit}>
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
        <TextField
          id={ids.dpoContact}
          label="Contact du délégué à la protection des données"
          hint="Une adresse électronique ou une adresse postale, 200 caractères au plus ; la notice publique la donne. Vide, elle invite à écrire à la Région à l'adresse des mentions légales."
          autocomplete="off"
          maxlength={200}
          value={dpoContact()}
          onInput={(event) => setDpoContact(event.currentTarget.value)}
          error={form.errors().dpoContact}
        />
      </AdminForm>
      <Dialog open={question() !== undefined} onOpenChange={(open) => open || answer(false)}>
        <Dialog.Portal>
          <Dialog.Overlay class="dialog__overlay" />
          <div class="dialog__positioner">
            <Dialog.Content
              class="dialog"
              onOpenAutoFocus={(event) => {
                // Irreversible in bulk: Enter must not confirm it.
                event.preventDefault();
                keepButton?.focus();
              }}
            >
              <Dialog.Title class="dialog__title">{`Raccourcir la conservation à ${question()?.months} mois ?`}</Dialog.Title>
              <Dialog.Description class="dialog__description">
                {question()?.persons === 0
                  ? "Personne ne serait anonymisé au prochain traitement de nuit : aucune personne n'est au-delà de cette durée aujourd'hui."
                  : `${count(question()?.persons ?? 0, ["personne serait anonymisée", "personnes seraient anonymisées"])} au prochain traitement de nuit : leur nom, leurs coordonnées et les notes disparaîtraient, sans retour possible.`}
              </Dialog.Description>
              <div class="dialog__actions">
                <Button onClick={() => answer(true)}>Raccourcir la durée</Button>
                {/* Not Kobalte's CloseButton: it names itself « Dismiss », whatever its text says. */}
                <Button
                  variant="secondary"
                  onClick={() => answer(false)}
                  ref={(element: HTMLButtonElement) => {
                    keepButton = element;
                  }}
                >
                  Garder la durée actuelle
                </Button>
              </div>
            </Dialog.Content>
          </div>
        </Dialog.Portal>
      </Dialog>
    </>
  );
}

function LegalNoticeSection() {
  const settings = createAsync(() => getRetentionSettings());
  return <Show when={settings()}>{(current) => <LegalNoticeForm settings={current()} />}</Show>;
}

/** The legal notice's texts and the accessibility contact, shown on /mentions-legales and /accessibilite. */
const LEGAL_FIELDS = {
  publisher: {
    id: "editeur",
    name: "L'éditeur du site",
    label: "Éditeur du site",
    hint: "Nom, adresse et téléphone de l'organisme qui publie le site.",
  },
  publicationDirector: {
    id: "directeur-publication",
    name: "Le directeur ou la directrice de la publication",
    label: "Directeur ou directrice de la publication",
    hint: "Nom ou qualité de la personne qui répond du contenu du site.",
  },
  host: { id: "hebergeur", name: "L'hébergeur", label: "Hébergeur", hint: "Nom, adresse et téléphone de l'hébergeur du site." },
  accessibilityContact: {
    id: "contact-accessibilite",
    name: "Le contact pour l'accessibilité",
    label: "Contact pour signaler un défaut d'accessibilité",
    hint: "Une adresse électronique, ou l'adresse web (https://…) d'un formulaire ; la déclaration d'accessibilité la donne.",
  },
} as const;
type LegalField = keyof typeof LEGAL_FIELDS;
const LEGAL_KEYS = Object.keys(LEGAL_FIELDS) as LegalField[];

function LegalNoticeForm(props: { settings: RetentionSettings }) {
  const form = createAdminForm(
    Object.fromEntries(LEGAL_KEYS.map((field) => [field, LEGAL_FIELDS[field].id])) as Record<LegalField, string>,
    Object.fromEntries(LEGAL_KEYS.map((field) => [field, LEGAL_FIELDS[field].name])),
  );
  const save = useAction(saveSettings);
  const success = createSuccess();
  const [values, setValues] = createSignal(
    Object.fromEntries(LEGAL_KEYS.map((field) => [field, props.settings[field]])) as Record<LegalField, string>,
  );

  async function submit() {
    const texts = Object.fromEntries(LEGAL_KEYS.map((field) => [field, values()[field].trim()])) as Record<LegalField, string>;
    const problems = Object.fromEntries(
      LEGAL_KEYS.map((field) => [field, texts[field].length > 300 ? "300 caractères au plus." : undefined]),
    ) as Record<LegalField, string | undefined>;
    problems.accessibilityContact ??= accessibilityContactProblem(texts.accessibilityContact);
    const done = await form.run(problems, () => save(texts));
    if (done !== undefined) success.say("Les mentions légales sont enregistrées.");
  }

  return (
    <>
      <SuccessNotice said={success.said()} />
      <AdminForm
        form={form}
        label="Mentions légales et accessibilité"
        submit="Enregistrer les mentions légales"
        onSubmit={submit}
      >
        <For each={LEGAL_KEYS}>
          {(field) => (
            <TextField
              id={LEGAL_FIELDS[field].id}
              label={LEGAL_FIELDS[field].label}
              hint={`${LEGAL_FIELDS[field].hint} 300 caractères au plus.`}
              autocomplete="off"
              maxlength={300}
              value={values()[field]}
              onInput={(event) => {
                const value = event.currentTarget.value;
                setValues((current) => ({ ...current, [field]: value }));
              }}
              error={form.errors()[field]}
            />
          )}
        </For>
      </AdminForm>
    </>
  );
}

/** The server's rule, said before sending: an e-mail address or a web address in https. */
function accessibilityContactProblem(contact: string): string | undefined {
  if (contact === "" || isEmailAddress(contact) || /^https:\/\/[^\s/]+\.[^\s]+$/.test(contact)) return undefined;
  return "Adresse électronique ou adresse web en https:// attendue, par exemple accessibilite@exemple.fr.";
}

/** The server's rule, said before sending: with an @ it is an e-mail address. */
function contactProblem(contact: string): string | undefined {
  if (contact.length > 200) return "200 caractères au plus.";
  if (contact.includes("@") && !isEmailAddress(contact))
    return "Adresse électronique invalide, par exemple dpo@exemple.fr (ou une adresse postale).";
  return undefined;
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
                {formatDate(run.day)} — {jobName(run.job)}
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
