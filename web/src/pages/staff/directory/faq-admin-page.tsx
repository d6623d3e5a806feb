import { createAsync, useAction } from "@solidjs/router";
import { createSignal, For, Show } from "solid-js";
import { Button } from "../../../components/button.tsx";
import { CheckboxField, SelectField, TextAreaField, TextField } from "../../../components/fields.tsx";
import { Loadable } from "../../../components/notice.tsx";
import { getServices, type Service } from "../../../lib/api.ts";
import { NEED_WORDS, NEEDS, type Need } from "../../../lib/orientation-words.ts";
import { AdminForm, createAdminForm, slugOf, whole } from "./admin-form.tsx";
import { ConfirmButton } from "./confirm-button.tsx";
import { RegionPage } from "./directory-area.tsx";
import { type EntryFormProps, EntryList } from "./entry-list.tsx";
import { createFaqEntry, deleteFaqEntry, type FaqAdminEntry, getFaqAdmin, updateFaqEntry } from "./faq-api.ts";
import { SlugField } from "./slug-field.tsx";

const FIELD_NAMES = {
  question: "Question",
  answer: "Réponse",
  position: "Position",
  need: "Mène au questionnaire",
  service: "Mène à la réservation",
  published: "Publiée",
  slug: "Identifiant",
};

/** `/espace/annuaire/questions` (Région): the entries of the public page « Questions / Réponses ». */
export default function FaqAdminPage() {
  return (
    <RegionPage
      title="Questions / Réponses"
      lead={
        <>
          Les questions de la page publique <a href="/questions-reponses">Questions / Réponses</a>, dans l'ordre de leur position.
          Chaque réponse mène au questionnaire « Trouver le bon interlocuteur » (un besoin) ou à la réservation d'un service.
        </>
      }
    >
      <Loadable
        loading="Chargement des questions…"
        failure="Les questions n'ont pas pu être chargées."
        queryKey={[getFaqAdmin.key, getServices.key]}
      >
        <Entries />
      </Loadable>
    </RegionPage>
  );
}

function Entries() {
  const entries = createAsync(() => getFaqAdmin());
  const services = createAsync(() => getServices());
  const update = useAction(updateFaqEntry);
  const remove = useAction(deleteFaqEntry);
  return (
    <Show when={services()}>
      {(known) => (
        <EntryList
          entries={entries()}
          name={(entry) => entry.question}
          title={(entry) => (
            <>
              {entry.question}{" "}
              <Show when={!entry.published}>
                <span class="directory-tag">non publiée</span>
              </Show>
            </>
          )}
          actions={(entry, say) => (
            <>
              <Button
                variant="secondary"
                onClick={async () => {
                  const outcome = await update(entry.id, { published: !entry.published });
                  say(
                    outcome.kind !== "done"
                      ? outcome.message
                      : entry.published
                        ? `« ${entry.question} » est retirée de la page publique.`
                        : `« ${entry.question} » est publiée.`,
                  );
                }}
              >
                {entry.published ? "Retirer de la page publique" : "Publier"}
                <span class="visually-hidden">&nbsp;: {entry.question}</span>
              </Button>
              <ConfirmButton
                label={
                  <>
                    Supprimer<span class="visually-hidden">&nbsp;: {entry.question}</span>
                  </>
                }
                title="Supprimer cette question ?"
                confirm="Supprimer la question"
                onConfirm={() => remove(entry.id)}
                onDone={() => say(`« ${entry.question} » est supprimée.`)}
              >
                « {entry.question} » disparaîtra de la page publique. Pour la cacher sans la perdre, retirez-la plutôt de la page
                publique.
              </ConfirmButton>
            </>
          )}
          form={(editing) => (
            <FaqForm {...editing} services={known()} next={Math.max(0, ...(entries() ?? []).map((e) => e.position)) + 1} />
          )}
          adding={{ id: "new-faq-title", title: "Nouvelle question" }}
        >
          {(entry) => (
            <p class="directory-row__text">
              Position {entry.position}
              <Show when={entry.need}>{(need) => <> — questionnaire&nbsp;: {NEED_WORDS[need()]}</>}</Show>
              <Show when={entry.service}>{(service) => <> — réservation&nbsp;: {service().name}</>}</Show>
            </p>
          )}
        </EntryList>
      )}
    </Show>
  );
}

type Field = keyof typeof FIELD_NAMES;

function FaqForm(
  props: EntryFormProps<FaqAdminEntry> & {
    services: Service[];
    /** The position a new entry gets: after the last one. */
    next: number;
  },
) {
  const entry = props.entry;
  const prefix = entry ? `question-${entry.id}` : "nouvelle-question";
  const ids: Record<Field, string> = {
    question: `${prefix}-question`,
    answer: `${prefix}-reponse`,
    position: `${prefix}-position`,
    need: `${prefix}-besoin`,
    service: `${prefix}-service`,
    published: `${prefix}-publiee`,
    slug: `${prefix}-identifiant`,
  };
  const create = useAction(createFaqEntry);
  const update = useAction(updateFaqEntry);
  const form = createAdminForm(ids, FIELD_NAMES);
  const [question, setQuestion] = createSignal(entry?.question ?? "");
  const [answer, setAnswer] = createSignal(entry?.answer ?? "");
  const [position, setPosition] = createSignal(String(entry?.position ?? props.next ?? 1));
  const [need, setNeed] = createSignal<Need | "">(entry?.need ?? "");
  const [service, setService] = createSignal(entry?.service?.slug ?? "");
  const [published, setPublished] = createSignal(entry?.published ?? true);
  const [slug, setSlug] = createSignal("");

  async function submit() {
    const fields = {
      question: question().trim(),
      answer: answer().trim(),
      position: whole(position()),
      need: need() || null,
      service: service() || null,
      published: published(),
    };
    const found = {
      question: fields.question ? undefined : "Saisissez la question.",
      answer: fields.answer ? undefined : "Saisissez la réponse.",
      position: Number.isNaN(fields.position) ? "Saisissez un nombre entier, par exemple 3." : undefined,
    };
    const done = await form.run(found, () =>
      entry ? update(entry.id, fields) : create({ ...fields, slug: slug().trim() || slugOf(fields.question) }),
    );
    if (done === undefined) return;
    if (!entry) {
      setQuestion("");
      setAnswer("");
      setSlug("");
      setNeed("");
      setService("");
      setPosition(String(fields.position + 1));
    }
    props.onDone(entry ? `« ${fields.question} » est enregistrée.` : `« ${fields.question} » est ajoutée.`);
  }

  return (
    <AdminForm
      form={form}
      label={entry ? `Modifier la question ${entry.question}` : "Nouvelle question"}
      submit={entry ? "Enregistrer la question" : "Ajouter la question"}
      onSubmit={submit}
      onCancel={props.onCancel}
    >
      <TextField
        id={ids.question}
        label="Question"
        hint="Comme une personne la poserait, par exemple « Quels sont les métiers d'avenir ? »."
        maxlength={300}
        value={question()}
        onInput={(event) => setQuestion(event.currentTarget.value)}
        error={form.errors().question}
      />
      <TextAreaField
        id={ids.answer}
        label="Réponse"
        hint="Texte simple ; séparez les paragraphes par une ligne vide."
        rows={6}
        maxlength={5000}
        value={answer()}
        onInput={(event) => setAnswer(event.currentTarget.value)}
        error={form.errors().answer}
      />
      <TextField
        id={ids.position}
        label="Position"
        hint="Les questions s'affichent de la plus petite position à la plus grande."
        inputmode="numeric"
        maxlength={5}
        value={position()}
        onInput={(event) => setPosition(event.currentTarget.value)}
        error={form.errors().position}
      />
      <SelectField
        id={ids.need}
        label="Mène au questionnaire (facultatif)"
        hint="Le besoin avec lequel s'ouvre « Trouver le bon interlocuteur »."
        value={need()}
        onChange={(event) => setNeed(event.currentTarget.value as Need | "")}
        error={form.errors().need}
      >
        <option value="">Aucun</option>
        <For each={NEEDS}>{(value) => <option value={value}>{NEED_WORDS[value]}</option>}</For>
      </SelectField>
      <SelectField
        id={ids.service}
        label="Mène à la réservation (facultatif)"
        value={service()}
        onChange={(event) => setService(event.currentTarget.value)}
        error={form.errors().service}
      >
        <option value="">Aucun service</option>
        <For each={props.services}>{(option) => <option value={option.slug}>{option.name}</option>}</For>
      </SelectField>
      <CheckboxField
        id={ids.published}
        label="Publiée sur la page publique"
        checked={published()}
        onChange={(event) => setPublished(event.currentTarget.checked)}
        error={form.errors().published}
      />
      <Show when={!entry}>
        <SlugField
          id={ids.slug}
          hint="Minuscules, chiffres et tirets. Laissé vide, il est tiré de la question ; il ne change plus ensuite."
          value={slug()}
          onValue={setSlug}
          error={form.errors().slug}
        />
      </Show>
    </AdminForm>
  );
}
