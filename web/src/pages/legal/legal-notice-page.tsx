import { A, createAsync } from "@solidjs/router";
import { Show } from "solid-js";
import { Loadable } from "../../components/notice.tsx";
import { PageTitle } from "../../components/page-title.tsx";
import { PAGES } from "../../page-paths.ts";
import { getLegalNotice } from "./legal-api.ts";

/** `/mentions-legales`: who publishes the site, who answers for it, who hosts it (LCEN art. 6 III), as the Région set them. */
export function LegalNoticePage() {
  return (
    <div class="prose">
      <PageTitle>Mentions légales</PageTitle>
      <Loadable
        loading="Chargement des mentions légales…"
        failure="Les mentions légales n'ont pas pu être chargées."
        queryKey={getLegalNotice.key}
      >
        <LegalNoticeTexts />
      </Loadable>
      <h2>Accessibilité</h2>
      <p>
        Voir la <A href={PAGES.accessibility}>déclaration d'accessibilité</A>.
      </p>
      <h2>Données personnelles</h2>
      <p>
        Voir la page <A href={PAGES.privacy}>Données personnelles</A>.
      </p>
    </div>
  );
}

function LegalNoticeTexts() {
  const notice = createAsync(() => getLegalNotice());
  return (
    <>
      <h2>Éditeur</h2>
      <p>
        RDV Orientation est le service de prise de rendez-vous du Service public régional de l'orientation. Il est édité
        par&nbsp;: <Given text={notice()?.publisher} />
      </p>
      <h2>Directeur ou directrice de la publication</h2>
      <p>
        <Given text={notice()?.publicationDirector} />
      </p>
      <h2>Hébergement</h2>
      <p>
        <Given text={notice()?.host} />
      </p>
    </>
  );
}

/** A text the Région gives, or the plain fact that it has not given it yet. */
function Given(props: { text: string | undefined }) {
  return (
    <Show when={props.text} fallback="non renseigné pour l'instant.">
      {(text) => text()}
    </Show>
  );
}
