import { PageTitle } from "../../components/page-title.tsx";

export function LegalNoticePage() {
  return (
    <div class="prose">
      <PageTitle>Mentions légales</PageTitle>
      <h2>Éditeur</h2>
      <p>RDV Orientation est édité pour le Service public régional de l'orientation des Hauts-de-France.</p>
      <h2>Accessibilité</h2>
      <p>
        Voir la <a href="/accessibilite">déclaration d'accessibilité</a>.
      </p>
      <h2>Données personnelles</h2>
      <p>
        Voir la page <a href="/donnees-personnelles">Données personnelles</a>.
      </p>
    </div>
  );
}
