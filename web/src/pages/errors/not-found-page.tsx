import { PageTitle } from "../../components/page-title.tsx";

export function NotFoundPage() {
  return (
    <div class="prose">
      <PageTitle>Page introuvable</PageTitle>
      <p>La page demandée n'existe pas, ou son adresse a changé. Si vous avez saisi l'adresse, vérifiez-la.</p>
      <p>
        <a href="/">Retour à l'accueil</a>
      </p>
    </div>
  );
}
