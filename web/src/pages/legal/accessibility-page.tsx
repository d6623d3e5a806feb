import { PageTitle } from "../../components/page-title.tsx";

// The statement follows the RGAA model. Its compliance state must match an audit's result:
// until the audit, the page says what is checked and that the figures are still to come.
export function AccessibilityPage() {
  return (
    <div class="prose">
      <PageTitle>Accessibilité</PageTitle>
      <p>
        Le Service public régional de l'orientation s'engage à rendre ses services numériques accessibles, conformément à
        l'article 47 de la loi n°&nbsp;2005-102 du 11&nbsp;février 2005.
      </p>

      <h2>État de conformité</h2>
      <p>
        RDV Orientation est <strong>non conforme</strong> avec le référentiel général d'amélioration de l'accessibilité (RGAA),
        version&nbsp;4.1, qui reprend les critères des WCAG 2.1 de niveau AA&nbsp;: c'est la mention que le RGAA impose tant
        qu'aucun audit de conformité n'a été réalisé.
      </p>
      <p>
        Cet audit n'a pas encore eu lieu&nbsp;: cette déclaration sera complétée par ses résultats (taux de conformité, contenus
        non accessibles, date de l'audit).
      </p>

      <h2>Ce qui est vérifié à chaque évolution du service</h2>
      <ul>
        <li>chaque page est analysée automatiquement par l'outil axe-core (critères WCAG 2.1 A et AA)&nbsp;;</li>
        <li>chaque parcours se fait au clavier seul&nbsp;;</li>
        <li>chaque page s'affiche sans défilement horizontal sur un écran de 320&nbsp;pixels de large.</li>
      </ul>

      <h2>Retour d'information et contact</h2>
      <p>
        Si vous n'arrivez pas à accéder à un contenu ou à un service, contactez la structure d'orientation la plus proche de chez
        vous&nbsp;: elle vous proposera une autre façon d'obtenir l'information ou le rendez-vous.
      </p>

      <h2>Voies de recours</h2>
      <p>
        Si vous constatez un défaut d'accessibilité vous empêchant d'accéder à un contenu ou à une fonctionnalité du site, que
        vous nous le signalez et que vous ne parvenez pas à obtenir une réponse, vous pouvez saisir le Défenseur des droits&nbsp;:
      </p>
      <ul>
        <li>
          par le <a href="https://formulaire.defenseurdesdroits.fr/">formulaire en ligne du Défenseur des droits</a>&nbsp;;
        </li>
        <li>en contactant le délégué du Défenseur des droits dans votre région&nbsp;;</li>
        <li>par courrier, gratuit et sans timbre&nbsp;: Défenseur des droits, Libre réponse 71120, 75342 Paris CEDEX&nbsp;07.</li>
      </ul>
    </div>
  );
}
