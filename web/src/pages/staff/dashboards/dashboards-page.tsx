import { createAsync, useNavigate, useSearchParams } from "@solidjs/router";
import { createMemo, createSignal, For, Show, untrack } from "solid-js";
import { Button } from "../../../components/button.tsx";
import { ErrorSummary } from "../../../components/error-summary.tsx";
import { IdOptions, SelectField, TextField } from "../../../components/fields.tsx";
import "../../../components/form.css";
import { Loadable } from "../../../components/notice.tsx";
import { PageTitle } from "../../../components/page-title.tsx";
import { formatDate } from "../../../lib/dates.ts";
import { ActivitySection, ReferralsSection, WaitingSection, WaitlistSection } from "../../figures/figures-sections.tsx";
import { AreaGuard } from "../agenda/area-guard.tsx";
import { BackLink } from "../directory/directory-area.tsx";
import { useStaffUser } from "../staff-area.tsx";
import {
  type DashboardChoices,
  type DashboardFigures,
  getDashboardChoices,
  getDashboardFigures,
  type Refused,
} from "./dashboards-api.ts";
import {
  BREAKDOWNS,
  type Breakdown,
  type DashboardSearch,
  dashboardHref,
  dashboardQuery,
  readDashboardSearch,
} from "./dashboards-href.ts";
import "./dashboards.css";

const BY_NAMES: Record<Breakdown, string> = {
  month: "Mois",
  territory: "Territoire",
  network: "Réseau",
  structure: "Structure",
  service: "Service",
};

/**
 * `/espace/tableaux-de-bord`: the figures of the territories one coordinates (all of them for
 * the Région), filtered and broken down as the address says.
 */
export default function DashboardsPage() {
  const user = useStaffUser();
  const [params] = useSearchParams();
  const search = createMemo(() => readDashboardSearch(params), undefined, {
    equals: (a, b) => dashboardQuery(a) === dashboardQuery(b),
  });
  const scope = () =>
    user().regionalAdmin
      ? "de toutes les structures du SPRO"
      : `des structures ${user().territories.length > 1 ? "des territoires" : "du territoire"} que vous coordonnez (${user()
          .territories.map((t) => t.name)
          .join(", ")})`;
  return (
    <AreaGuard area="dashboards" refusal="Les tableaux de bord sont ceux des coordinations territoriales et de la Région.">
      <div class="staff dashboards">
        <BackLink href="/espace">Retour à l'espace professionnel</BackLink>
        <PageTitle>Tableaux de bord</PageTitle>
        <p class="staff__lead">
          L'activité {scope()} : rendez-vous, canaux, temps offert, délais et orientations. Les effectifs de moins de 5 sont
          masqués, ici comme dans les exports.
        </p>
        <Loadable
          loading="Calcul des chiffres…"
          failure="Les chiffres n'ont pas pu être calculés."
          queryKey={[getDashboardChoices.key, getDashboardFigures.key]}
        >
          <Dashboard search={search()} />
        </Loadable>
      </div>
    </AreaGuard>
  );
}

/** Each filter's field, to name it when the server refuses it. */
const FIELDS: Record<string, { id: string; label: string }> = {
  from: { id: "tdb-du", label: "Du" },
  to: { id: "tdb-au", label: "Au (inclus)" },
  by: { id: "tdb-lignes", label: "Une ligne par" },
  territory: { id: "tdb-territoire", label: "Territoire" },
  network: { id: "tdb-reseau", label: "Réseau" },
  structure: { id: "tdb-structure", label: "Structure" },
  service: { id: "tdb-service", label: "Service" },
};

/**
 * The filters and the figures they give. The form starts from the address, or from the server's
 * default period (its clock, not the browser's). A filter the server refuses is said beside its
 * field, and the form stays to correct it.
 */
function Dashboard(props: { search: DashboardSearch }) {
  const loaded = createAsync(async () => {
    const search = props.search;
    const [choices, result] = await Promise.all([getDashboardChoices(), getDashboardFigures(search)]);
    return { search, choices, result };
  });
  return (
    <Show when={loaded()} keyed>
      {(known) => {
        const refused = "refused" in known.result ? known.result.refused : undefined;
        const errors = refused ? refusedFields(refused) : {};
        return (
          <>
            <Show when={refused}>
              <ErrorSummary
                links={Object.entries(errors).map(([name, message]) => ({
                  target: FIELDS[name]?.id ?? "tdb-du",
                  message: `${FIELDS[name]?.label ?? name} : ${message}`,
                }))}
                ref={(element) => element.focus()}
              />
            </Show>
            <FilterForm search={{ ...known.choices.period, ...known.search }} choices={known.choices} errors={errors} />
            <Show when={"figures" in known.result && known.result.figures}>
              {(figures) => <Figures search={known.search} figures={figures()} />}
            </Show>
          </>
        );
      }}
    </Show>
  );
}

/** The refused filters by name; a 404 (a territory or structure one does not follow) names its filter. */
function refusedFields(refused: Refused): Record<string, string> {
  if (Object.keys(refused.fields).length > 0) return refused.fields;
  if (/territoire/i.test(refused.message)) return { territory: "vous ne suivez pas ce territoire." };
  if (/structure/i.test(refused.message)) return { structure: "vous ne suivez pas cette structure." };
  return { from: refused.message };
}

function FilterForm(props: {
  search: Required<Pick<DashboardSearch, "from" | "to">> & DashboardSearch;
  choices: DashboardChoices;
  errors: Record<string, string>;
}) {
  const navigate = useNavigate();
  const initial = untrack(() => props.search);
  const [from, setFrom] = createSignal(initial.from);
  const [to, setTo] = createSignal(initial.to);
  const [by, setBy] = createSignal<Breakdown>(initial.by);
  const [territory, setTerritory] = createSignal(initial.territory ?? "");
  const [network, setNetwork] = createSignal(initial.network ?? "");
  const [structure, setStructure] = createSignal(initial.structure ?? "");
  const [service, setService] = createSignal(initial.service ?? "");

  function submit(event: SubmitEvent) {
    event.preventDefault();
    navigate(
      dashboardHref({
        from: from(),
        to: to(),
        by: by(),
        territory: territory() || undefined,
        network: network() || undefined,
        structure: structure() || undefined,
        service: service() || undefined,
      }),
    );
  }
  return (
    <form class="dashboards__filters" aria-label="Filtrer les chiffres" novalidate onSubmit={submit}>
      <div class="dashboards__fields">
        <TextField
          id="tdb-du"
          error={props.errors.from}
          label="Du"
          type="date"
          required
          value={from()}
          onInput={(e) => setFrom(e.currentTarget.value)}
        />
        <TextField
          id="tdb-au"
          error={props.errors.to}
          label="Au (inclus)"
          type="date"
          required
          value={to()}
          onInput={(e) => setTo(e.currentTarget.value)}
        />
        <SelectField
          id="tdb-lignes"
          error={props.errors.by}
          label="Une ligne par"
          value={by()}
          onChange={(e) => setBy(e.currentTarget.value as Breakdown)}
        >
          <For each={BREAKDOWNS}>{(b) => <option value={b}>{BY_NAMES[b].toLowerCase()}</option>}</For>
        </SelectField>
        <SelectField
          id="tdb-territoire"
          error={props.errors.territory}
          label="Territoire"
          value={territory()}
          onChange={(e) => setTerritory(e.currentTarget.value)}
        >
          <option value="">Tous vos territoires</option>
          <For each={props.choices.territories}>
            {(t) => (
              <option value={t.slug} selected={t.slug === territory()}>
                {t.name}
              </option>
            )}
          </For>
        </SelectField>
        <SelectField
          id="tdb-reseau"
          error={props.errors.network}
          label="Réseau"
          value={network()}
          onChange={(e) => setNetwork(e.currentTarget.value)}
        >
          <option value="">Tous les réseaux</option>
          <For each={props.choices.networks}>
            {(n) => (
              <option value={n.slug} selected={n.slug === network()}>
                {n.name}
              </option>
            )}
          </For>
        </SelectField>
        <SelectField
          id="tdb-structure"
          error={props.errors.structure}
          label="Structure"
          value={structure()}
          onChange={(e) => setStructure(e.currentTarget.value)}
        >
          <option value="">Toutes les structures</option>
          <IdOptions each={props.choices.structures} selected={structure()} label={(s) => s.name} />
        </SelectField>
        <SelectField
          id="tdb-service"
          error={props.errors.service}
          label="Service"
          value={service()}
          onChange={(e) => setService(e.currentTarget.value)}
        >
          <option value="">Tous les services</option>
          <For each={props.choices.services}>
            {(s) => (
              <option value={s.slug} selected={s.slug === service()}>
                {s.name}
              </option>
            )}
          </For>
        </SelectField>
      </div>
      <Button type="submit">Afficher les chiffres</Button>
    </form>
  );
}

function Figures(props: { search: DashboardSearch; figures: DashboardFigures }) {
  const f = () => props.figures;
  // The exports name the period shown, not « the default », which may have moved on by then.
  const csv = (table: string) => `/api/dashboards/export?${dashboardQuery({ ...props.search, ...f().period })}&table=${table}`;
  const grouped = () => ["territory", "network", "structure"].includes(f().by);
  return (
    <>
      <p class="dashboards__period" aria-live="polite">
        Du {formatDate(f().period.from)} au {formatDate(f().period.to)}, une ligne par {BY_NAMES[f().by].toLowerCase()}.
      </p>
      <ActivitySection
        title="Rendez-vous"
        rows={f().activity.rows}
        total={f().activity.total}
        rowHeader={BY_NAMES[f().by]}
        csvHref={csv("activity")}
      />
      <WaitingSection rows={f().waiting} groupHeader={grouped() ? BY_NAMES[f().by] : undefined} csvHref={csv("waiting")} />
      <ReferralsSection
        figures={f().referrals}
        csvHref={csv("referrals")}
        networkFlowsCsvHref={csv("network-flows")}
        structureFlowsCsvHref={csv("flows")}
      />
      <WaitlistSection figures={f().waitlist} csvHref={csv("waitlist")} />
    </>
  );
}
