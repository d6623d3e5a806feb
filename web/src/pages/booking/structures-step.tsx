import { createAsync } from "@solidjs/router";
import { createMemo, For, Show } from "solid-js";
import { ButtonLink } from "../../components/button.tsx";
import { de } from "../../lib/french.ts";
import "../../components/card-grid.css";
import { Loadable, Notice } from "../../components/notice.tsx";
import { PhoneLine } from "../../components/phone-line.tsx";
import { getCommune, getFirstSlots, getServices, getStructures, type Slot, type Structure } from "../../lib/api.ts";
import { formatMoment } from "../../lib/dates.ts";
import { distanceWords } from "../../lib/distance.ts";
import { telHref } from "../../lib/phone.ts";
import { bookingHref } from "./booking-href.ts";
import { type Chosen, loadChosen, Recap, WhenChosen } from "./recap.tsx";
import { siteAddress } from "./slot-choices.ts";

/** Step 2, first part: the structures that serve the commune for this need, and when each is free. */
export function StructuresStep(props: { service: string; commune: string }) {
  const chosen = createAsync(() => loadChosen(props.service, props.commune));
  return (
    <Loadable
      loading="Recherche des structures…"
      failure="Les structures n'ont pas pu être chargées."
      queryKey={[getServices.key, getCommune.key, getStructures.key, getFirstSlots.key]}
    >
      <WhenChosen chosen={chosen()}>
        {(known) => (
          <>
            <Recap service={props.service} chosen={known} />
            <StructureList service={props.service} chosen={known} />
          </>
        )}
      </WhenChosen>
    </Loadable>
  );
}

function StructureList(props: { service: string; chosen: Chosen }) {
  const list = createAsync(() => getStructures(props.service, props.chosen.commune.code));
  const firstSlots = createAsync(() => getFirstSlots({ service: props.service, commune: props.chosen.commune.code }));
  const firstOf = createMemo(() => new Map((firstSlots() ?? []).map((slot) => [slot.structureId, slot])));

  return (
    <section class="structures" aria-labelledby="structures-title">
      <h3 id="structures-title">Les structures qui reçoivent les habitants {de(props.chosen.commune.name)}</h3>
      <Show
        when={(list()?.structures ?? []).length > 0}
        fallback={<WayOut chosen={props.chosen} nearby={list()?.nearby ?? []} />}
      >
        {/* biome-ignore lint/a11y/noRedundantRoles: Safari drops the list semantics of a <ul> without list-style outside <nav>. */}
        <ul class="card-grid structure-list" role="list">
          <For each={list()?.structures}>
            {(structure) => (
              <StructureCard
                structure={structure}
                commune={props.chosen.commune.name}
                first={firstOf().get(structure.id)}
                href={bookingHref({ service: props.service, commune: props.chosen.commune.code, structure: structure.id })}
              />
            )}
          </For>
        </ul>
      </Show>
    </section>
  );
}

/**
 * Nothing serves the commune: the nearest structures that offer the service elsewhere, how far
 * they are, that the commune is outside their area (so one calls them rather than books), and the
 * questionnaire and the directory as other ways.
 */
function WayOut(props: { chosen: Chosen; nearby: Structure[] }) {
  return (
    <>
      <Notice>
        <p>
          Aucune structure ne propose «&nbsp;{props.chosen.service.name}&nbsp;» aux habitants {de(props.chosen.commune.name)}.
        </p>
        <p>
          Répondez à quelques questions pour <a href="/trouver-le-bon-interlocuteur">trouver le bon interlocuteur</a>, ou cherchez
          une autre structure dans <a href={`/ou-s-adresser?commune=${props.chosen.commune.code}`}>Où s'adresser&nbsp;?</a>
        </p>
      </Notice>
      <Show when={props.nearby.length > 0}>
        <h4 id="nearby-title">Les plus proches qui le proposent, hors de votre secteur</h4>
        {/* biome-ignore lint/a11y/noRedundantRoles: Safari drops the list semantics of a <ul> without list-style outside <nav>. */}
        <ul class="card-grid structure-list" role="list" aria-labelledby="nearby-title">
          <For each={props.nearby}>
            {(structure) => (
              <li class="card structure-card">
                <StructureSummary structure={structure} commune={props.chosen.commune.name} />
                <p>
                  {props.chosen.commune.name} ne fait pas partie de son secteur&nbsp;: appelez-la pour savoir si elle peut vous
                  recevoir.
                </p>
                <PhoneLine phone={structure.phone} />
              </li>
            )}
          </For>
        </ul>
      </Show>
    </>
  );
}

function StructureCard(props: { structure: Structure; commune: string; first: Slot | undefined; href: string }) {
  return (
    <li class="card structure-card">
      <StructureSummary structure={props.structure} commune={props.commune} />
      <Show
        when={props.first}
        fallback={
          <div class="structure-card__none">
            <p>Aucune disponibilité en ligne dans les six prochains mois.</p>
            <Show when={props.structure.phone}>
              {(phone) => (
                <p>
                  Pour prendre rendez-vous, appelez le <a href={telHref(phone())}>{phone()}</a>.
                </p>
              )}
            </Show>
          </div>
        }
      >
        {(first) => (
          <>
            <p class="structure-card__next">
              Prochaine disponibilité&nbsp;: <strong>{formatMoment(first().start)}</strong>
            </p>
            <ButtonLink class="structure-card__action" href={props.href}>
              Choisir cette structure
              <span class="visually-hidden">{`\u00a0: ${props.structure.name}`}</span>
            </ButtonLink>
          </>
        )}
      </Show>
    </li>
  );
}

/** A structure's name, network, how far it is from the person's commune, and its addresses. */
function StructureSummary(props: { structure: Structure; commune: string }) {
  return (
    <>
      <h4 class="structure-card__name">{props.structure.name}</h4>
      <p class="structure-card__network">Réseau&nbsp;: {props.structure.network.name}</p>
      <Show when={distanceWords(props.structure.closeness?.distanceKm)}>
        {(words) => (
          <p class="structure-card__distance">
            {words()} {de(props.commune)} (à vol d'oiseau)
          </p>
        )}
      </Show>
      <Show when={props.structure.sites.length > 0}>
        <p class="structure-card__label">{props.structure.sites.length > 1 ? "Adresses" : "Adresse"}</p>
        <ul class="structure-card__sites">
          <For each={props.structure.sites}>
            {(site) => (
              <li>
                <span class="structure-card__site-name">{site.name}</span>
                <span class="structure-card__address">{siteAddress(site)}</span>
              </li>
            )}
          </For>
        </ul>
      </Show>
    </>
  );
}
