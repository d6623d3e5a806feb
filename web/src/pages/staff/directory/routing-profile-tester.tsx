import { createAsync } from "@solidjs/router";
import { createSignal, For, Show } from "solid-js";
import { CheckboxField } from "../../../components/fields.tsx";
import { Loadable } from "../../../components/notice.tsx";
import type { Commune } from "../../../lib/api.ts";
import { formatMoment } from "../../../lib/dates.ts";
import {
  AGE_BAND_WORDS,
  type AgeBand,
  isAgeBand,
  isNeed,
  isSituation,
  NEED_WORDS,
  type Need,
  SITUATION_WORDS,
  type Situation,
} from "../../../lib/orientation-words.ts";
import { CommuneField } from "../../booking/commune-field.tsx";
import { type Answers, getRecommendations } from "../../guide/orientation-api.ts";
import { ProfileSelect } from "../profile-select.tsx";
import { AdminForm, createAdminForm } from "./admin-form.tsx";

type Field = "ageBand" | "situation" | "need" | "commune";
const IDS: Record<Field, string> = {
  ageBand: "test-age",
  situation: "test-situation",
  need: "test-besoin",
  commune: "test-commune",
};

/**
 * « Tester un profil »: what the table, as it is now, answers a person — the very call the
 * public questionnaire makes, so nothing is stored either.
 */
export function ProfileTester() {
  const form = createAdminForm(IDS);
  const [ageBand, setAgeBand] = createSignal<AgeBand | "">("");
  const [situation, setSituation] = createSignal<Situation | "">("");
  const [need, setNeed] = createSignal<Need | "">("");
  const [disability, setDisability] = createSignal(false);
  const [commune, setCommune] = createSignal<Commune>();
  const [answers, setAnswers] = createSignal<Answers>();

  async function submit() {
    const chosen = { ageBand: ageBand(), situation: situation(), need: need(), commune: commune()?.code };
    const tested = await form.run(
      {
        ageBand: chosen.ageBand ? undefined : "Choisissez une tranche d'âge.",
        situation: chosen.situation ? undefined : "Choisissez une situation.",
        need: chosen.need ? undefined : "Choisissez un besoin.",
        commune: chosen.commune ? undefined : "Choisissez une commune dans la liste proposée.",
      },
      async () => ({ kind: "done" as const, value: chosen }),
    );
    if (!tested || !isAgeBand(tested.ageBand) || !isSituation(tested.situation) || !isNeed(tested.need) || !tested.commune)
      return;
    setAnswers({
      ...tested,
      ageBand: tested.ageBand,
      situation: tested.situation,
      need: tested.need,
      commune: tested.commune,
      disability: disability(),
    });
  }

  return (
    <>
      <AdminForm form={form} label="Tester un profil" submit="Voir les recommandations" onSubmit={submit}>
        <ProfileSelect
          id={IDS.ageBand}
          label="Âge"
          words={AGE_BAND_WORDS}
          value={ageBand()}
          onChange={setAgeBand}
          error={form.errors().ageBand}
        />
        <ProfileSelect
          id={IDS.situation}
          label="Situation"
          words={SITUATION_WORDS}
          value={situation()}
          onChange={setSituation}
          error={form.errors().situation}
        />
        <ProfileSelect
          id={IDS.need}
          label="Besoin"
          words={NEED_WORDS}
          value={need()}
          onChange={setNeed}
          error={form.errors().need}
        />
        <CheckboxField
          id="test-handicap"
          label="Souhaite un accompagnement adapté à un handicap"
          checked={disability()}
          onChange={(event) => setDisability(event.currentTarget.checked)}
        />
        <CommuneField id={IDS.commune} label="Commune" value={commune()} onChange={setCommune} error={form.errors().commune} />
      </AdminForm>
      <Show when={answers()} keyed>
        {(tested) => (
          <div aria-live="polite">
            <Loadable
              loading="Lecture de la table…"
              failure="Les recommandations n'ont pas pu être chargées."
              queryKey={getRecommendations.key}
            >
              <TestedProfile answers={tested} />
            </Loadable>
          </div>
        )}
      </Show>
    </>
  );
}

function TestedProfile(props: { answers: Answers }) {
  const recommendations = createAsync(() => getRecommendations(props.answers));
  return (
    <ol class="directory-rows" aria-label="Ce que la table répond">
      <For each={recommendations()}>
        {(recommendation) => (
          <li class="directory-row">
            <h3 class="directory-row__title">
              {recommendation.network.name}
              {recommendation.service ? `, ${recommendation.service.name}` : ""}
            </h3>
            <p class="directory-row__text">{recommendation.reason}</p>
            <Show
              when={recommendation.structures.length > 0}
              fallback={<p>Aucune structure de ce réseau ne dessert la commune.</p>}
            >
              <ul>
                <For each={recommendation.structures}>
                  {(structure) => (
                    <li>
                      {structure.name} —{" "}
                      {structure.nextSlot
                        ? `prochaine disponibilité ${formatMoment(structure.nextSlot)}`
                        : "pas de créneau libre en ligne"}
                    </li>
                  )}
                </For>
              </ul>
            </Show>
          </li>
        )}
      </For>
    </ol>
  );
}
