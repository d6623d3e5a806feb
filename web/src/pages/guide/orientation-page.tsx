import { A, createAsync, useNavigate, useSearchParams } from "@solidjs/router";
import { createMemo, createSignal, For, Show, Suspense, untrack } from "solid-js";
import { Button, ButtonLink } from "../../components/button.tsx";
import { ErrorSummary } from "../../components/error-summary.tsx";
import { CheckboxField, ChoicesField } from "../../components/fields.tsx";
import { Loadable } from "../../components/notice.tsx";
import { PageTitle } from "../../components/page-title.tsx";
import "../../components/card-grid.css";
import { PhoneLine } from "../../components/phone-line.tsx";
import "../../components/form.css";
import { contradiction } from "../../../../server/domain/routing.ts";
import { type Commune, getCommune } from "../../lib/api.ts";
import { formatMoment } from "../../lib/dates.ts";
import { distanceWords } from "../../lib/distance.ts";
import {
  AGE_BAND_WORDS,
  type AgeBand,
  NEED_WORDS,
  type Need,
  options,
  SITUATION_WORDS,
  type Situation,
} from "../../lib/orientation-words.ts";
import { CommuneField, communeLabel } from "../booking/commune-field.tsx";
import { type Answers, getRecommendations, type Recommendation, type RecommendedStructure } from "./orientation-api.ts";
import { type OrientationState, orientationHref, readOrientationState } from "./orientation-href.ts";
import "./orientation.css";

const TITLE = "Trouver le bon interlocuteur";

/** The public directory, for a commune (another page of the guide). */
const directoryHref = (commune: string) => `/ou-s-adresser?commune=${encodeURIComponent(commune)}`;

/**
 * `/trouver-le-bon-interlocuteur`: a few questions, then the services and structures that fit,
 * each with its reason. The answers live in the address alone; the one request that reads them
 * is a GET, which stores nothing.
 */
export default function OrientationPage() {
  const [searchParams] = useSearchParams();
  const state = createMemo(() => readOrientationState(searchParams));
  const answers = createMemo<Answers | undefined>(
    () => {
      const { ageBand, situation, need, disability, commune, editing } = state();
      // Contradictory answers (a link written by hand) go back to the questions, which say why.
      return ageBand && situation && need && commune && !editing && !contradiction({ ageBand, situation })
        ? { ageBand, situation, need, disability: disability ?? false, commune }
        : undefined;
    },
    undefined,
    { equals: (a, b) => JSON.stringify(a) === JSON.stringify(b) },
  );
  // Keyed: going from the questions to the answers (or back) is a new page, whose heading takes the focus.
  return (
    <div class="orientation">
      <Show when={answers()} keyed fallback={<Questions state={state()} />}>
        {(given) => <Results answers={given} />}
      </Show>
    </div>
  );
}

function Questions(props: { state: OrientationState }) {
  const [errorTitle, setErrorTitle] = createSignal(false);
  return (
    <>
      <PageTitle documentTitle={errorTitle() ? `Erreur : ${TITLE}` : TITLE}>{TITLE}</PageTitle>
      <p class="orientation__lead">
        Répondez à quelques questions&nbsp;: nous vous indiquons les services et les structures près de chez vous qui peuvent vous
        aider, et leurs prochaines disponibilités. Vos réponses ne sont pas enregistrées.
      </p>
      <Loadable
        loading="Chargement du questionnaire…"
        failure="Le questionnaire n'a pas pu être chargé."
        queryKey={getCommune.key}
      >
        <QuestionsForm state={props.state} onErrors={setErrorTitle} />
      </Loadable>
    </>
  );
}

function QuestionsForm(props: { state: OrientationState; onErrors: (shown: boolean) => void }) {
  // The commune of the address, as the combobox shows it, before the form starts from it.
  const start = createAsync(async () => {
    const code = props.state.commune;
    return { commune: code ? await getCommune(code) : undefined };
  });
  return (
    <Show when={start()}>{(known) => <Form state={props.state} commune={known().commune} onErrors={props.onErrors} />}</Show>
  );
}

type Field = "ageBand" | "situation" | "need" | "commune";
const IDS: Record<Field, string> = { ageBand: "age", situation: "situation", need: "besoin", commune: "commune" };
const MISSING: Record<Field, string> = {
  ageBand: "Choisissez votre tranche d'âge.",
  situation: "Choisissez votre situation.",
  need: "Choisissez votre besoin.",
  commune: "Choisissez votre commune dans la liste proposée : saisissez son nom ou son code postal, puis choisissez-la.",
};

/** The same rule as the server's (domain/routing.ts), checked before anything is sent. */
function contradictions(answers: { ageBand?: AgeBand | undefined; situation?: Situation | undefined }) {
  const { ageBand, situation } = answers;
  const problem = ageBand && situation ? contradiction({ ageBand, situation }) : undefined;
  return problem ? { situation: problem } : {};
}

function Form(props: { state: OrientationState; commune: Commune | undefined; onErrors: (shown: boolean) => void }) {
  const navigate = useNavigate();
  const initial = untrack(() => props.state);
  const [ageBand, setAgeBand] = createSignal<AgeBand | undefined>(initial.ageBand);
  const [situation, setSituation] = createSignal<Situation | undefined>(initial.situation);
  const [need, setNeed] = createSignal<Need | undefined>(initial.need);
  const [disability, setDisability] = createSignal(initial.disability ?? false);
  const [commune, setCommune] = createSignal<Commune | undefined>(untrack(() => props.commune));
  const [errors, setErrors] = createSignal<Partial<Record<Field, string>>>(untrack(() => contradictions(initial)));
  let summary: HTMLElement | undefined;

  const links = createMemo(() =>
    (Object.keys(IDS) as Field[]).flatMap((field) => {
      const message = errors()[field];
      return message ? [{ target: field === "commune" ? IDS.commune : IDS[field], message }] : [];
    }),
  );

  function submit(event: SubmitEvent) {
    event.preventDefault();
    const chosen = { ageBand: ageBand(), situation: situation(), need: need(), commune: commune()?.code };
    const found: Partial<Record<Field, string>> = {};
    for (const field of Object.keys(IDS) as Field[]) if (!chosen[field]) found[field] = MISSING[field];
    Object.assign(found, contradictions(chosen));
    setErrors(found);
    props.onErrors(Object.keys(found).length > 0);
    if (Object.keys(found).length > 0) {
      summary?.focus();
      return;
    }
    navigate(orientationHref({ ...chosen, disability: disability() }));
  }

  return (
    <form class="orientation-form" onSubmit={submit} novalidate aria-label="Vos réponses">
      <Show when={links().length > 0}>
        <ErrorSummary
          links={links()}
          ref={(element) => {
            summary = element;
          }}
        />
      </Show>
      <ChoicesField
        id={IDS.ageBand}
        legend="Votre âge"
        type="radio"
        options={options(AGE_BAND_WORDS)}
        selected={ageBand() ? [ageBand() as AgeBand] : []}
        onChange={(chosen) => setAgeBand(chosen[0])}
        error={errors().ageBand}
      />
      <ChoicesField
        id={IDS.situation}
        legend="Votre situation"
        type="radio"
        options={options(SITUATION_WORDS)}
        selected={situation() ? [situation() as Situation] : []}
        onChange={(chosen) => setSituation(chosen[0])}
        error={errors().situation}
      />
      <ChoicesField
        id={IDS.need}
        legend="Votre besoin"
        type="radio"
        options={options(NEED_WORDS)}
        selected={need() ? [need() as Need] : []}
        onChange={(chosen) => setNeed(chosen[0])}
        error={errors().need}
      />
      <CheckboxField
        id="handicap"
        label="Je souhaite un accompagnement adapté à un handicap (facultatif)"
        hint="Vous n'avez pas à dire de quel handicap il s'agit : nous en tenons compte pour vous orienter."
        checked={disability()}
        onChange={(event) => setDisability(event.currentTarget.checked)}
      />
      <CommuneField id={IDS.commune} value={commune()} onChange={setCommune} error={errors().commune} />
      <Button type="submit">Voir mes interlocuteurs</Button>
    </form>
  );
}

function Results(props: { answers: Answers }) {
  const editHref = () => orientationHref({ ...props.answers, editing: true });
  return (
    <>
      <PageTitle documentTitle={`Vos interlocuteurs — ${TITLE}`}>Vos interlocuteurs</PageTitle>
      <div class="recap orientation__recap">
        <p class="recap__title">Vos réponses</p>
        <dl class="recap__list">
          <div class="recap__item">
            <dt>Âge</dt>
            <dd>{AGE_BAND_WORDS[props.answers.ageBand]}</dd>
          </div>
          <div class="recap__item">
            <dt>Situation</dt>
            <dd>{SITUATION_WORDS[props.answers.situation]}</dd>
          </div>
          <div class="recap__item">
            <dt>Besoin</dt>
            <dd>{NEED_WORDS[props.answers.need]}</dd>
          </div>
          <Show when={props.answers.disability}>
            <div class="recap__item">
              <dt>Accompagnement</dt>
              <dd>Adapté à un handicap</dd>
            </div>
          </Show>
          <div class="recap__item">
            <dt>Commune</dt>
            <dd>
              <CommuneName code={props.answers.commune} />
            </dd>
          </div>
        </dl>
        <A href={editHref()}>Modifier vos réponses</A>
      </div>
      <Loadable
        loading="Recherche de vos interlocuteurs…"
        failure="Les recommandations n'ont pas pu être chargées."
        queryKey={getRecommendations.key}
      >
        <Recommendations answers={props.answers} />
      </Loadable>
    </>
  );
}

/**
 * The commune's name, from its code in the address. Under its own Suspense: read outside one, a
 * query started by the navigation's transition never showed its answer (the code stayed).
 */
function CommuneName(props: { code: string }) {
  return (
    <Suspense fallback={props.code}>
      <KnownCommuneName code={props.code} />
    </Suspense>
  );
}

function KnownCommuneName(props: { code: string }) {
  const commune = createAsync(() => getCommune(props.code).catch(() => undefined));
  return <>{commune() ? communeLabel(commune() as Commune) : props.code}</>;
}

function Recommendations(props: { answers: Answers }) {
  const recommendations = createAsync(() => getRecommendations(props.answers));
  return (
    <>
      <ol class="recommendations">
        <For each={recommendations()}>
          {(recommendation, index) => (
            <RecommendationItem recommendation={recommendation} number={index() + 1} commune={props.answers.commune} />
          )}
        </For>
      </ol>
      <p class="orientation__directory">
        <A href={directoryHref(props.answers.commune)}>Voir toutes les structures qui vous reçoivent près de chez vous</A>
      </p>
    </>
  );
}

function RecommendationItem(props: { recommendation: Recommendation; number: number; commune: string }) {
  const titleId = () => `recommandation-${props.number}`;
  return (
    <li class="recommendation">
      <h2 class="recommendation__title" id={titleId()}>
        {props.recommendation.network.name}
        <Show when={props.recommendation.service}>
          {(service) => <span class="recommendation__service">{service().name}</span>}
        </Show>
      </h2>
      <p class="recommendation__reason">{props.recommendation.reason}</p>
      <Show
        when={props.recommendation.structures.length > 0}
        fallback={<NoneServing nearby={props.recommendation.nearby} commune={props.commune} />}
      >
        <ul class="card-grid">
          <For each={props.recommendation.structures}>{(structure) => <StructureCard structure={structure} />}</For>
        </ul>
      </Show>
    </li>
  );
}

/**
 * The network serves not the commune: the nearest of its structures offering the service, how far,
 * outside the person's area (so one calls them), and the directory of those that serve it.
 */
function NoneServing(props: { nearby: Recommendation["nearby"]; commune: string }) {
  return (
    <>
      <p>
        Aucune structure de ce réseau ne dessert votre commune.{" "}
        <A href={directoryHref(props.commune)}>Voir les structures qui vous reçoivent (Où s'adresser&nbsp;?)</A>
      </p>
      <Show when={props.nearby.length > 0}>
        <p>Les plus proches, hors de votre secteur&nbsp;: appelez-les pour savoir si elles peuvent vous recevoir.</p>
        <ul class="card-grid">
          <For each={props.nearby}>
            {(structure) => (
              <li class="card orientation-structure">
                <h3 class="orientation-structure__name">{structure.name}</h3>
                <Sites sites={structure.sites} />
                <Show when={distanceWords(structure.closeness?.distanceKm)}>
                  {(words) => <p>{words()} de chez vous (à vol d'oiseau), hors de votre secteur</p>}
                </Show>
                <PhoneLine phone={structure.phone} />
              </li>
            )}
          </For>
        </ul>
      </Show>
    </>
  );
}

function Sites(props: { sites: RecommendedStructure["sites"] }) {
  return (
    <For each={props.sites}>
      {(site) => (
        <p class="orientation-structure__site">
          {site.name}&nbsp;: {site.address}, {site.postcode} {site.commune.name}
        </p>
      )}
    </For>
  );
}

function StructureCard(props: { structure: RecommendedStructure }) {
  return (
    <li class="card orientation-structure">
      <h3 class="orientation-structure__name">{props.structure.name}</h3>
      <Sites sites={props.structure.sites} />
      <Show when={distanceWords(props.structure.closeness?.distanceKm)}>
        {(words) => <p>{words()} de chez vous (à vol d'oiseau)</p>}
      </Show>
      <p class="orientation-structure__next">
        <Show when={props.structure.nextSlot} fallback="Pas de créneau libre en ligne pour le moment.">
          {(start) => (
            <>
              Prochaine disponibilité&nbsp;: <strong>{formatMoment(start())}</strong>
            </>
          )}
        </Show>
      </p>
      <ButtonLink href={props.structure.bookingHref}>
        Prendre rendez-vous<span class="visually-hidden">&nbsp;: {props.structure.name}</span>
      </ButtonLink>
    </li>
  );
}
