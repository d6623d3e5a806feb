import { createAsync } from "@solidjs/router";
import { For, Show } from "solid-js";
import { Loadable, Notice } from "../../components/notice.tsx";
import { PageTitle } from "../../components/page-title.tsx";
import { bookingHref } from "../booking/booking-href.ts";
import { type FaqEntry, getFaq } from "./directory-api.ts";
import { DIRECTORY_PATH } from "./directory-href.ts";
import "./directory-pages.css";

/** The questionnaire « Trouver le bon interlocuteur », opened on a need. */
export const questionnaireHref = (need: string) => `/trouver-le-bon-interlocuteur?besoin=${encodeURIComponent(need)}`;

/** An answer's paragraphs: the Région writes plain text, a blank line between paragraphs. */
export const paragraphs = (answer: string) =>
  answer
    .split(/\n\s*\n/)
    .map((part) => part.trim())
    .filter(Boolean);

/** `/questions-reponses`: common questions, answered by the Région, each leading to the questionnaire or to a booking. */
export default function FaqPage() {
  return (
    <div class="directory faq">
      <PageTitle>Questions / Réponses</PageTitle>
      <p class="lead">
        Les questions que l'on nous pose souvent. Pour une réponse à votre situation, un conseiller vous reçoit gratuitement.
      </p>
      <Loadable loading="Chargement des questions…" failure="Les questions n'ont pas pu être chargées." queryKey={getFaq.key}>
        <Entries />
      </Loadable>
      <p>
        Vous cherchez une structure près de chez vous&nbsp;? Consultez <a href={DIRECTORY_PATH}>Où s'adresser&nbsp;?</a>
      </p>
    </div>
  );
}

function Entries() {
  const entries = createAsync(() => getFaq());
  return (
    <Show
      when={(entries() ?? []).length > 0}
      fallback={
        <Notice>
          <p>Aucune question n'est publiée pour le moment.</p>
        </Notice>
      }
    >
      {/* biome-ignore lint/a11y/noRedundantRoles: Safari drops the list semantics of a <ul> without list-style outside <nav>. */}
      <ul class="faq__list" role="list">
        <For each={entries()}>{(entry) => <Entry entry={entry} />}</For>
      </ul>
    </Show>
  );
}

function Entry(props: { entry: FaqEntry }) {
  return (
    <li class="faq__entry">
      <h2 id={`question-${props.entry.slug}`} class="faq__question">
        {props.entry.question}
      </h2>
      <For each={paragraphs(props.entry.answer)}>{(paragraph) => <p>{paragraph}</p>}</For>
      <Show when={props.entry.service || props.entry.need}>
        <ul class="faq__next">
          <Show when={props.entry.service}>
            {(service) => (
              <li>
                <a href={bookingHref({ service: service().slug })}>Prendre rendez-vous&nbsp;: {service().name}</a>
              </li>
            )}
          </Show>
          <Show when={props.entry.need}>
            {(need) => (
              <li>
                <a href={questionnaireHref(need())}>
                  Trouver le bon interlocuteur
                  <span class="visually-hidden">{`\u00a0: ${props.entry.question}`}</span>
                </a>
              </li>
            )}
          </Show>
        </ul>
      </Show>
    </li>
  );
}
