import { PageTitle } from "../../components/page-title.tsx";

export function PrivacyPage() {
  return (
    <div class="prose">
      <PageTitle>Données personnelles</PageTitle>
      <p>
        Pour organiser un rendez-vous, nous avons besoin de quelques informations sur vous. Nous ne demandons que ce qui est
        nécessaire.
      </p>

      <h2>Quelles données</h2>
      <ul>
        <li>vos nom et prénom&nbsp;;</li>
        <li>un moyen de vous joindre&nbsp;: adresse électronique et/ou numéro de téléphone&nbsp;;</li>
        <li>si vous le souhaitez&nbsp;: votre année de naissance, votre situation et votre commune&nbsp;;</li>
        <li>
          vos besoins d'aménagement pour le rendez-vous, si vous en avez. Aucune information sur votre santé ne vous est demandée.
        </li>
      </ul>
      <p>Les réponses au questionnaire d'orientation ne sont conservées que si vous prenez rendez-vous.</p>

      <h2>Pourquoi</h2>
      <p>
        Pour organiser votre rendez-vous, vous en envoyer la confirmation et les rappels, et, si vous en êtes d'accord,
        transmettre votre demande à une autre structure du Service public régional de l'orientation mieux à même de vous
        accompagner.
      </p>
      <p>
        Ce traitement est nécessaire à l'exécution d'une mission de service public (article&nbsp;6, paragraphe&nbsp;1,
        point&nbsp;e du règlement général sur la protection des données).
      </p>

      <h2>Combien de temps</h2>
      <p>
        Vos données sont supprimées ou rendues anonymes 24&nbsp;mois après votre dernier rendez-vous, sauf durée différente fixée
        par la Région.
      </p>

      <h2>Vos droits</h2>
      <p>
        Vous pouvez accéder à vos données, en obtenir une copie, les faire rectifier ou effacer, et vous opposer à leur traitement
        ou en demander la limitation, auprès de la structure qui vous reçoit. Si vous estimez que vos droits ne sont pas
        respectés, vous pouvez adresser une réclamation à la{" "}
        <a href="https://www.cnil.fr/fr/plaintes">Commission nationale de l'informatique et des libertés (CNIL)</a>.
      </p>

      <h2>Cookies</h2>
      <p>Ce site ne dépose aucun cookie de mesure d'audience ni de publicité.</p>
    </div>
  );
}
