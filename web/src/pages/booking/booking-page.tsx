import { createAsync, useSearchParams } from "@solidjs/router";
import { createMemo, Show } from "solid-js";
import { Loadable, Notice } from "../../components/notice.tsx";
import { PageTitle } from "../../components/page-title.tsx";
import { getServices } from "../../lib/api.ts";

/**
 * Where the booking flow will live. Until it exists, the page says so plainly and sends people
 * to the structures: it offers nothing it cannot do.
 */
export function BookingPage() {
  const [searchParams] = useSearchParams();
  const slug = createMemo(() => {
    const value = searchParams.service;
    return typeof value === "string" && value !== "" ? value : undefined;
  });

  return (
    <>
      <PageTitle>Prendre rendez-vous</PageTitle>
      <Show when={slug()}>
        {(chosen) => (
          <Loadable
            loading="Chargement du service…"
            failure="Le service choisi n'a pas pu être chargé."
            queryKey={getServices.key}
          >
            <ChosenService slug={chosen()} />
          </Loadable>
        )}
      </Show>
      <Notice>
        <p>La prise de rendez-vous en ligne arrive bientôt&nbsp;; en attendant, contactez la structure la plus proche.</p>
      </Notice>
      <p>
        <a href="/">Retour à l'accueil</a>
      </p>
    </>
  );
}

function ChosenService(props: { slug: string }) {
  const services = createAsync(() => getServices());
  const service = createMemo(() => services()?.find((candidate) => candidate.slug === props.slug));
  return (
    <Show when={service()} fallback={<p>Le service demandé n'existe pas ou n'est plus proposé.</p>}>
      {(found) => (
        <p class="chosen-service">
          Service choisi&nbsp;: <strong>{found().name}</strong>
        </p>
      )}
    </Show>
  );
}
