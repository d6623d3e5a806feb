import { createMemo, createUniqueId, For, type JSX, Show } from "solid-js";
import { BarOrLineChart } from "../../components/charts/chart.tsx";
import { formatDate } from "../../lib/dates.ts";
import type { Activity, ActivityRow, Flow, ReferralFigures, WaitingRow, WaitlistFigures } from "../statistics/statistics-api.ts";
import { countText, daysText, drawn, hoursText, MASKING_NOTE, percentText } from "./figures-words.ts";
import "./figures.css";

// The sections of a page of figures (the dashboards, the public statistics): each has its chart,
// for those who see it, and its table with the same figures, for everyone.

/** Past this many rows, bars are too thin to read: the table alone says it better. */
const MAX_CHART_ROWS = 15;
const MAX_CHART_LINES = 7;

/** A table wider than a phone scrolls inside a region the keyboard can reach and a reader names. */
export function FiguresTable(props: { caption: string; children: JSX.Element }) {
  return (
    <>
      {/* The title shown above the region, which scrolls on a phone; readers get the caption. */}
      <p class="figures-table__title" aria-hidden="true">
        {props.caption}
      </p>
      <section class="figures-table" aria-label={props.caption} tabindex="0">
        <table>
          <caption class="visually-hidden">{props.caption}</caption>
          {props.children}
        </table>
      </section>
    </>
  );
}

export function KeyFigures(props: { items: readonly [string, string][] }) {
  return (
    <dl class="key-figures">
      <For each={props.items}>
        {([name, value]) => (
          <div class="key-figures__item">
            <dt>{name}</dt>
            <dd>{value}</dd>
          </div>
        )}
      </For>
    </dl>
  );
}

function CsvLink(props: { href: string | undefined; children: string }) {
  return (
    <Show when={props.href}>
      {(href) => (
        <p>
          {/* Said once, for the eye and the ear alike: a hidden and a shown version of it read
              twice when the text is copied or shown without styles. */}
          <a href={href()} download="">
            {props.children} (fichier CSV)
          </a>
        </p>
      )}
    </Show>
  );
}

function TooManyRows(props: { count: number; hint: string }) {
  return (
    <p class="figures__note">
      {props.count} lignes : trop pour un graphique lisible. Le tableau qui suit les donne toutes. {props.hint}
    </p>
  );
}

const FEWER_ROWS = "Choisissez moins de lignes (par mois, par territoire…) ou filtrez pour voir le graphique.";
/** The longest lists of flows shown; the CSV holds them all. */
const MAX_FLOWS = 15;

export function ActivitySection(props: {
  title: string;
  rows: readonly ActivityRow[];
  total: Activity;
  /** What a row is: « Territoire », « Mois »… */
  rowHeader: string;
  csvHref?: string | undefined;
}) {
  const id = createUniqueId();
  const labels = createMemo(() => props.rows.map((r) => r.label));
  const t = () => props.total;
  return (
    <section class="figures__section" aria-labelledby={id}>
      <h2 id={id}>{props.title}</h2>
      <KeyFigures
        items={[
          ["Rendez-vous pris", countText(t().booked)],
          ["Honorés", countText(t().honoured)],
          ["Taux d'absence", percentText(t().noShowRate, t().noShowRateRounded)],
          ["Annulés", countText(t().cancelled)],
          ["Part du temps offert réservée", percentText(t().occupancy)],
          ["Délai médian de prise de rendez-vous", daysText(t().medianLeadDays)],
        ]}
      />
      <p class="figures__note">{MASKING_NOTE}</p>

      <h3>Issue des rendez-vous</h3>
      <Show when={props.rows.length <= MAX_CHART_ROWS} fallback={<TooManyRows count={props.rows.length} hint={FEWER_ROWS} />}>
        <BarOrLineChart
          type="bar"
          stacked
          horizontal={props.rowHeader !== "Mois"}
          labels={labels()}
          series={[
            { label: "Honorés", data: props.rows.map((r) => drawn(r.honoured)) },
            { label: "Absences", data: props.rows.map((r) => drawn(r.noShow)) },
            { label: "Absences excusées", data: props.rows.map((r) => drawn(r.excused)) },
            { label: "Issue non renseignée", data: props.rows.map((r) => drawn(r.unmarked)) },
            { label: "Annulés", data: props.rows.map((r) => drawn(r.cancelled)) },
          ]}
          summary={`Graphique en barres : les rendez-vous par ${props.rowHeader.toLowerCase()} et leur issue. Les chiffres sont dans le tableau qui suit.`}
        />
      </Show>
      <FiguresTable caption={`Rendez-vous par ${props.rowHeader.toLowerCase()}`}>
        <thead>
          <tr>
            <th scope="col">{props.rowHeader}</th>
            <th scope="col">Pris</th>
            <th scope="col">Honorés</th>
            <th scope="col">Absences</th>
            <th scope="col">Absences excusées</th>
            <th scope="col">Issue non renseignée</th>
            <th scope="col">Annulés</th>
            <th scope="col">Taux d'absence</th>
            <th scope="col">Temps offert réservé</th>
            <th scope="col">Délai médian</th>
          </tr>
        </thead>
        <tbody>
          <For each={[...props.rows, { ...t(), key: "total", label: "Total" }]}>
            {(row) => (
              <tr classList={{ "figures-table__total": row.key === "total" }}>
                <th scope="row">{row.label}</th>
                <td>{countText(row.booked)}</td>
                <td>{countText(row.honoured)}</td>
                <td>{countText(row.noShow)}</td>
                <td>{countText(row.excused)}</td>
                <td>{countText(row.unmarked)}</td>
                <td>{countText(row.cancelled)}</td>
                <td>{percentText(row.noShowRate, row.noShowRateRounded)}</td>
                <td>
                  {percentText(row.occupancy)}
                  <Show when={row.offeredHours > 0 && row.bookedHours !== null}>
                    <span class="figures-table__detail">
                      {" "}
                      ({hoursText(row.bookedHours ?? 0)} sur {hoursText(row.offeredHours)})
                    </span>
                  </Show>
                </td>
                <td>{daysText(row.medianLeadDays)}</td>
              </tr>
            )}
          </For>
        </tbody>
      </FiguresTable>

      <h3>Comment les rendez-vous ont été pris</h3>
      <Show when={props.rows.length <= MAX_CHART_ROWS} fallback={<TooManyRows count={props.rows.length} hint={FEWER_ROWS} />}>
        <BarOrLineChart
          type="bar"
          stacked
          horizontal={props.rowHeader !== "Mois"}
          labels={labels()}
          series={[
            { label: "En ligne", data: props.rows.map((r) => drawn(r.channels.online)) },
            { label: "À l'accueil", data: props.rows.map((r) => drawn(r.channels.reception)) },
            { label: "Par une orientation", data: props.rows.map((r) => drawn(r.channels.referral)) },
            { label: "Par le conseiller ou la conseillère", data: props.rows.map((r) => drawn(r.channels.advisor)) },
          ]}
          summary={`Graphique en barres : les rendez-vous par ${props.rowHeader.toLowerCase()} selon la façon dont ils ont été pris. Les chiffres sont dans le tableau qui suit.`}
        />
      </Show>
      <FiguresTable caption={`Canaux de prise de rendez-vous par ${props.rowHeader.toLowerCase()}`}>
        <thead>
          <tr>
            <th scope="col">{props.rowHeader}</th>
            <th scope="col">En ligne</th>
            <th scope="col">À l'accueil</th>
            <th scope="col">Par une orientation</th>
            <th scope="col">Par le conseiller ou la conseillère</th>
          </tr>
        </thead>
        <tbody>
          <For each={[...props.rows, { ...t(), key: "total", label: "Total" }]}>
            {(row) => (
              <tr classList={{ "figures-table__total": row.key === "total" }}>
                <th scope="row">{row.label}</th>
                <td>{countText(row.channels.online)}</td>
                <td>{countText(row.channels.reception)}</td>
                <td>{countText(row.channels.referral)}</td>
                <td>{countText(row.channels.advisor)}</td>
              </tr>
            )}
          </For>
        </tbody>
      </FiguresTable>
      <CsvLink href={props.csvHref}>Télécharger ces chiffres</CsvLink>
    </section>
  );
}

export function WaitingSection(props: {
  rows: readonly WaitingRow[];
  groupHeader?: string | undefined;
  csvHref?: string | undefined;
}) {
  const id = createUniqueId();
  const days = createMemo(() => [...new Set(props.rows.flatMap((r) => (r.series ?? []).map((p) => p.day)))].sort());
  const name = (row: WaitingRow) => (row.group ? `${row.service.name} — ${row.group.label}` : row.service.name);
  return (
    <section class="figures__section" aria-labelledby={id}>
      <h2 id={id}>Délai jusqu'au premier créneau libre</h2>
      <p class="figures__note">
        Relevé chaque nuit : le premier créneau qu'une personne pouvait réserver en ligne ce jour-là,{" "}
        {props.groupHeader === "Structure"
          ? "dans chaque structure"
          : `dans la structure la plus rapide${props.groupHeader ? ` de chaque ${props.groupHeader.toLowerCase()}` : ""}`}
        .
      </p>
      <Show when={props.rows.length > 0} fallback={<p>Aucun relevé sur la période.</p>}>
        <Show when={days().length > 1}>
          <Show
            when={props.rows.length <= MAX_CHART_LINES}
            fallback={
              <TooManyRows count={props.rows.length} hint="Choisissez un service pour voir son évolution jour par jour." />
            }
          >
            <BarOrLineChart
              type="line"
              labels={days().map(formatDate)}
              series={props.rows.map((row) => {
                const byDay = new Map((row.series ?? []).map((p) => [p.day, p.days]));
                return { label: name(row), data: days().map((d) => byDay.get(d) ?? null) };
              })}
              summary="Graphique en courbes : le délai jusqu'au premier créneau libre, jour après jour, par service. Le tableau qui suit en donne le dernier relevé et la moyenne."
            />
          </Show>
        </Show>
        <FiguresTable caption="Délai jusqu'au premier créneau libre, par service">
          <thead>
            <tr>
              <th scope="col">Service</th>
              <Show when={props.groupHeader}>
                <th scope="col">{props.groupHeader}</th>
              </Show>
              <th scope="col">Dernier relevé</th>
              <th scope="col">Moyenne sur la période</th>
              <th scope="col">Jours sans aucun créneau</th>
            </tr>
          </thead>
          <tbody>
            <For each={props.rows}>
              {(row) => (
                <tr>
                  <th scope="row">{row.service.name}</th>
                  <Show when={props.groupHeader}>
                    <td>{row.group?.label}</td>
                  </Show>
                  <td>{row.latest === null ? "aucun créneau" : daysText(row.latest)}</td>
                  <td>{daysText(row.average)}</td>
                  <td>{row.daysWithout}</td>
                </tr>
              )}
            </For>
          </tbody>
        </FiguresTable>
      </Show>
      <Show when={props.rows.length > 0}>
        <CsvLink href={props.csvHref}>Télécharger les relevés jour par jour</CsvLink>
      </Show>
    </section>
  );
}

function FlowsTable(props: { caption: string; flows: readonly Flow[]; csvHref?: string | undefined }) {
  const more = () => props.flows.length - MAX_FLOWS;
  return (
    <>
      <FiguresTable caption={props.caption}>
        <thead>
          <tr>
            <th scope="col">Depuis</th>
            <th scope="col" class="figures-table__text">
              Vers
            </th>
            <th scope="col">Orientations</th>
          </tr>
        </thead>
        <tbody>
          <For each={props.flows.slice(0, MAX_FLOWS)}>
            {(flow) => (
              <tr>
                <th scope="row">{flow.from}</th>
                <td class="figures-table__text">{flow.to}</td>
                <td>{countText(flow.count)}</td>
              </tr>
            )}
          </For>
        </tbody>
      </FiguresTable>
      <Show when={more() > 0}>
        <p class="figures__note">
          Les {MAX_FLOWS} flux les plus nombreux sont affichés ;{" "}
          {more() === 1 ? "le dernier, plus petit, est" : `les ${more()} autres, plus petits, sont`} dans le fichier à
          télécharger.
        </p>
      </Show>
      <CsvLink href={props.csvHref}>Télécharger tous ces flux</CsvLink>
    </>
  );
}

export function ReferralsSection(props: {
  figures: ReferralFigures;
  csvHref: string;
  networkFlowsCsvHref: string;
  /** The flows between structures: the dashboards only (the public page stays at networks). */
  structureFlowsCsvHref?: string | undefined;
}) {
  const id = createUniqueId();
  const r = () => props.figures;
  return (
    <section class="figures__section" aria-labelledby={id}>
      <h2 id={id}>Orientations entre structures</h2>
      <KeyFigures
        items={[
          ["Orientations", countText(r().total)],
          ["Taux d'acceptation", percentText(r().acceptanceRate, r().acceptanceRateRounded)],
          ["Délai médian jusqu'au rendez-vous", daysText(r().medianDaysToAppointment)],
          ["Avec un rendez-vous", countText(r().booked)],
          ["Rendez-vous honorés", countText(r().honoured)],
        ]}
      />
      <FiguresTable caption="Ce que sont devenues les orientations">
        <thead>
          <tr>
            <th scope="col">État</th>
            <th scope="col">Orientations</th>
          </tr>
        </thead>
        <tbody>
          {/* The outcomes are part of « Avec un rendez-vous »: right under it, indented, and
              each named « dont … », so that a screen reader, which reads no indent, says it too. */}
          <For
            each={
              [
                ["En attente de réponse", r().sent, false],
                ["Acceptées, sans rendez-vous encore", r().accepted, false],
                ["Avec un rendez-vous", r().booked, false],
                ["dont rendez-vous honorés", r().honoured, true],
                ["dont absences au rendez-vous", r().noShow, true],
                ["dont absences excusées", r().excused, true],
                ["Refusées", r().declined, false],
                ["Réorientées ailleurs", r().redirected, false],
                ["Invitation expirée", r().expired, false],
              ] as const
            }
          >
            {([name, count, part]) => (
              <tr classList={{ "figures-table__part": part }}>
                <th scope="row">{name}</th>
                <td>{countText(count)}</td>
              </tr>
            )}
          </For>
        </tbody>
      </FiguresTable>
      <CsvLink href={props.csvHref}>Télécharger ces chiffres</CsvLink>
      <h3>D'où viennent les orientations, et où elles vont</h3>
      <Show when={r().networkFlows.length > 0} fallback={<p>Aucune orientation sur la période.</p>}>
        <FlowsTable
          caption="Orientations par réseau, de l'origine à l'accueil"
          flows={r().networkFlows}
          csvHref={props.networkFlowsCsvHref}
        />
        <Show when={r().structureFlows}>
          {(flows) => (
            <FlowsTable
              caption="Orientations par structure, de l'origine à l'accueil"
              flows={flows()}
              csvHref={props.structureFlowsCsvHref}
            />
          )}
        </Show>
      </Show>
    </section>
  );
}

/** The waiting list's totals over the period (the dashboards only). */
export function WaitlistSection(props: { figures: WaitlistFigures; csvHref: string }) {
  const id = createUniqueId();
  const w = () => props.figures;
  return (
    <section class="figures__section" aria-labelledby={id}>
      <h2 id={id}>Liste d'attente</h2>
      <KeyFigures
        items={[
          ["Personnes en attente à la fin de la période", countText(w().waiting)],
          ["Créneaux libérés repris par la liste", percentText(w().rebookedRate, w().rebookedRateRounded)],
          ["Jours gagnés par offre acceptée (médiane)", daysText(w().medianDaysGained)],
          ["Offres restées sans réponse", countText(w().expired)],
          ["Offres refusées", countText(w().declined)],
        ]}
      />
      <p class="figures__note">
        Créneaux libérés repris par la liste : parmi les créneaux distincts (un conseiller ou une conseillère, une heure) proposés
        par la liste d'attente sur la période, la part qui a été acceptée — créneaux distincts proposés sur la période et
        acceptés, divisés par les créneaux distincts proposés ({countText(w().slotsAccepted)} sur {countText(w().slotsOffered)}).
        Un créneau refusé ou laissé sans réponse passe à la personne suivante : il ne compte qu'une fois. Les personnes en attente
        sont comptées au dernier jour de la période, ou aujourd'hui s'il n'est pas passé. Jours gagnés : entre le rendez-vous que
        la personne avait (ou aurait eu) et celui qu'elle a accepté.
      </p>
      <CsvLink href={props.csvHref}>Télécharger ces chiffres</CsvLink>
    </section>
  );
}
