import { createAsync } from "@solidjs/router";
import { createSignal, For, Show } from "solid-js";
import { Button } from "../../../components/button.tsx";
import { CheckboxField } from "../../../components/fields.tsx";
import { Loadable } from "../../../components/notice.tsx";
import type { Commune } from "../../../lib/api.ts";
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
import { ProfileSelect } from "../profile-select.tsx";
import { getSuggestions, type Recommendation } from "./referrals-api.ts";

/** A structure recommended for the person, and the service the recommendation names (if it does). */
export interface Suggestion {
  structure: { id: string; name: string };
  service: { slug: string; name: string } | null;
}

type Answers = { ageBand: AgeBand; situation: Situation; need: Need; disability: boolean; commune: string };

/**
 * « Trouver le bon interlocuteur » for a referrer: the person's need, situation and age, and
 * their commune, give the recommended networks and the structures serving the commune; one
 * click fills the target and the service. Inside the referral's form, hence a button and no
 * form of its own; nothing of the answers is stored.
 */
export function TargetSuggestions(props: { commune: Commune | undefined; onChoose: (suggestion: Suggestion) => void }) {
  const [need, setNeed] = createSignal<Need | "">("");
  const [situation, setSituation] = createSignal<Situation | "">("");
  const [ageBand, setAgeBand] = createSignal<AgeBand | "">("");
  const [disability, setDisability] = createSignal(false);
  const [missing, setMissing] = createSignal<string>();
  const [asked, setAsked] = createSignal<Answers>();
  const results = createAsync(async () => {
    const answers = asked();
    return answers ? getSuggestions(answers) : undefined;
  });

  function ask() {
    const commune = props.commune?.code;
    const [n, s, a] = [need(), situation(), ageBand()];
    const lacking = [
      isNeed(n) ? "" : "le besoin",
      isSituation(s) ? "" : "la situation",
      isAgeBand(a) ? "" : "l'âge",
      commune ? "" : "la commune de la personne (plus haut)",
    ].filter(Boolean);
    if (lacking.length > 0 || !isNeed(n) || !isSituation(s) || !isAgeBand(a) || !commune) {
      setMissing(`Pour une suggestion, indiquez ${lacking.join(", ")}.`);
      return;
    }
    setMissing(undefined);
    setAsked({ need: n, situation: s, ageBand: a, disability: disability(), commune });
  }

  return (
    <div class="referral-suggest">
      <h3>Trouver la structure adaptée (facultatif)</h3>
      <p class="field__hint">Décrivez la personne en quelques choix&nbsp;: les structures conseillées servent sa commune.</p>
      <div class="directory-grid">
        <ProfileSelect id="suggestion-besoin" label="Son besoin principal" words={NEED_WORDS} value={need()} onChange={setNeed} />
        <ProfileSelect
          id="suggestion-situation"
          label="Sa situation"
          words={SITUATION_WORDS}
          value={situation()}
          onChange={setSituation}
        />
        <ProfileSelect id="suggestion-age" label="Son âge" words={AGE_BAND_WORDS} value={ageBand()} onChange={setAgeBand} />
      </div>
      <CheckboxField
        id="suggestion-handicap"
        label="Elle souhaite un accompagnement adapté à un handicap"
        checked={disability()}
        onChange={(event) => setDisability(event.currentTarget.checked)}
      />
      <Show when={missing()}>
        {(text) => (
          <p class="field__error" role="alert">
            {text()}
          </p>
        )}
      </Show>
      <Button variant="secondary" onClick={ask}>
        Voir les structures conseillées
      </Button>
      <Show when={asked()}>
        <Loadable
          loading="Recherche des structures conseillées…"
          failure="Les structures conseillées n'ont pas pu être trouvées."
          queryKey={getSuggestions.key}
        >
          <Show when={results()}>
            {(list) => <Recommendations list={list()} onChoose={(suggestion) => props.onChoose(suggestion)} />}
          </Show>
        </Loadable>
      </Show>
    </div>
  );
}

function Recommendations(props: { list: Recommendation[]; onChoose: (suggestion: Suggestion) => void }) {
  return (
    <div class="referral-suggest__results">
      <p role="status">
        {props.list.length === 0
          ? "Aucune recommandation pour ce profil : choisissez la structure ci-dessous."
          : `${props.list.length === 1 ? "1 réseau conseillé" : `${props.list.length} réseaux conseillés`}.`}
      </p>
      <For each={props.list}>
        {(recommendation) => (
          <div class="referral-suggest__network">
            <h4>
              {recommendation.network.name}
              <Show when={recommendation.service}>{(service) => ` — ${service().name}`}</Show>
            </h4>
            <p>{recommendation.reason}</p>
            <Show
              when={recommendation.structures.length > 0}
              fallback={<p>Aucune structure de ce réseau ne sert la commune de la personne.</p>}
            >
              <ul class="directory-list">
                <For each={recommendation.structures}>
                  {(structure) => (
                    <li class="directory-list__item referral-suggest__structure">
                      <span class="directory-list__name">{structure.name}</span>
                      <span class="directory-list__meta">
                        {structure.sites
                          .map((site) => site.commune.name)
                          .filter((name, i, all) => all.indexOf(name) === i)
                          .join(", ")}
                      </span>
                      <Button
                        variant="secondary"
                        onClick={() =>
                          props.onChoose({
                            structure: { id: structure.id, name: structure.name },
                            service: recommendation.service,
                          })
                        }
                      >
                        Choisir <span class="visually-hidden">{structure.name}</span>
                      </Button>
                    </li>
                  )}
                </For>
              </ul>
            </Show>
          </div>
        )}
      </For>
    </div>
  );
}
