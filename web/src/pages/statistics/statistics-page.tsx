import { createAsync } from "@solidjs/router";
import { Show } from "solid-js";
import { Loadable } from "../../components/notice.tsx";
import { PageTitle } from "../../components/page-title.tsx";
import { formatDate } from "../../lib/dates.ts";
import { ActivitySection, ReferralsSection, WaitingSection } from "../figures/figures-sections.tsx";
import { getStatistics } from "./statistics-api.ts";

/**
 * `/statistiques`: the SPRO's activity over twelve months, open to all (open data). Counts only,
 * the small ones masked: nobody can be recognised in them.
 */
export default function StatisticsPage() {
  return (
    <div class="statistics">
      <PageTitle>Statistiques</PageTitle>
      <p class="lead">
        L'activité du service public régional de l'orientation sur les douze derniers mois (depuis sa mise en service s'il y a
        moins longtemps) : les rendez-vous pris et ce qu'ils sont devenus, les délais pour obtenir un rendez-vous, les
        orientations d'une structure à l'autre.
      </p>
      <p class="figures__intro">
        Ces chiffres sont des données ouvertes : vous pouvez les télécharger et les réutiliser librement, en citant la source.
        Aucune donnée personnelle n'y figure ; les effectifs de 1 à 4 sont masqués, comme ceux qui permettraient de les retrouver.
      </p>
      <Loadable
        loading="Chargement des statistiques…"
        failure="Les statistiques n'ont pas pu être chargées."
        queryKey={getStatistics.key}
      >
        <Figures />
      </Loadable>
    </div>
  );
}

function Figures() {
  const statistics = createAsync(() => getStatistics());
  return (
    <Show when={statistics()}>
      {(s) => (
        <>
          {/* Not role="status": on the public pages a status says that something loads. */}
          <p aria-live="polite">
            Du {formatDate(s().period.from)} au {formatDate(s().period.to)}.
          </p>
          <ActivitySection
            title="Rendez-vous, mois par mois"
            rows={s().months}
            total={s().total}
            rowHeader="Mois"
            csvHref="/api/statistics/export?table=activity&by=month"
          />
          <ActivitySection
            title="Rendez-vous, réseau par réseau"
            rows={s().networks}
            total={s().total}
            rowHeader="Réseau"
            csvHref="/api/statistics/export?table=activity&by=network"
          />
          <WaitingSection rows={s().waiting} csvHref="/api/statistics/export?table=waiting" />
          <ReferralsSection
            figures={s().referrals}
            csvHref="/api/statistics/export?table=referrals"
            networkFlowsCsvHref="/api/statistics/export?table=network-flows"
          />
        </>
      )}
    </Show>
  );
}
