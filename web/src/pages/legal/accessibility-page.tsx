import { A, createAsync } from "@solidjs/router";
import { Show } from "solid-js";
import { Loadable } from "../../components/notice.tsx";
import { PageTitle } from "../../components/page-title.tsx";
import { PAGES } from "../../page-paths.ts";
import { getLegalNotice } from "./legal-api.ts";

// The statement follows the RGAA model. Its compliance state must match an audit's result: with
// no audit yet, the RGAA requires « non conforme », whatever the automated checks find.
export function AccessibilityPage() {
  return (
    <div class="prose">
      <PageTitle>Accessibilité</PageTitle>
      <p>
        Le Service public régional de l'orientation s'engage à rendre ses services numériques accessibles, conformément à
        l'article 47 de la loi n°&nbsp;2005-102 du 11&nbsp;février 2005. Cette déclaration d'accessibilité s'applique au service
        RDV Orientation (prise de rendez-vous, orientation, espace des professionnels).
      </p>

      <h2>État de conformité</h2>
      <p>
        RDV Orientation est <strong>non conforme</strong> avec le référentiel général d'amélioration de l'accessibilité (RGAA),
        version&nbsp;4.1, qui reprend les critères des WCAG 2.1 de niveau AA&nbsp;: c'est la mention que le RGAA impose tant
        qu'aucun audit de conformité n'a été réalisé. L'objectif est la conformité totale.
      </p>

      <h2>Résultats des tests</h2>
      <p>
        L'audit de conformité n'a pas encore eu lieu&nbsp;: cette déclaration sera complétée par ses résultats (taux de
        conformité, contenus non accessibles, date de l'audit). En attendant, à chaque évolution du service&nbsp;:
      </p>
      <ul>
        <li>
          chaque page est analysée automatiquement par l'outil axe-core (critères WCAG 2.1 A et AA), sans erreur tolérée&nbsp;;
        </li>
        <li>chaque parcours (prendre, déplacer, annuler un rendez-vous, orienter, administrer) se fait au clavier seul&nbsp;;</li>
        <li>
          chaque page s'affiche sans défilement horizontal sur un écran de 320&nbsp;pixels de large, et à 1&nbsp;280&nbsp;pixels.
        </li>
      </ul>

      <h2>Contenus non accessibles</h2>
      <h3>Non-conformités connues</h3>
      <p>
        Aucune non-conformité n'est connue à ce jour. Les tests automatiques ne décèlent qu'une partie des défauts&nbsp;: les
        restitutions par les lecteurs d'écran, et les courriels et fichiers d'agenda (.ics) envoyés, n'ont pas encore été vérifiés
        par un audit.
      </p>
      <h3>Dérogations pour charge disproportionnée</h3>
      <p>Aucune.</p>
      <h3>Contenus non soumis à l'obligation d'accessibilité</h3>
      <p>Aucun.</p>

      <h2>Établissement de cette déclaration</h2>
      <p>Cette déclaration a été établie le 27&nbsp;novembre 2026.</p>
      <h3>Technologies utilisées</h3>
      <ul>
        <li>HTML5&nbsp;;</li>
        <li>CSS&nbsp;;</li>
        <li>JavaScript&nbsp;;</li>
        <li>WAI-ARIA.</li>
      </ul>
      <h3>Environnement de test</h3>
      <ul>
        <li>navigateur Chromium, piloté par Playwright, avec axe-core&nbsp;;</li>
        <li>navigation au clavier seul&nbsp;;</li>
        <li>largeurs d'écran de 320 et de 1&nbsp;280&nbsp;pixels.</li>
      </ul>
      <h3>Pages vérifiées</h3>
      <p>
        Celles que les tests automatiques parcourent avec axe-core, en largeur d'écran de bureau et de téléphone&nbsp;: l'accueil,
        la prise de rendez-vous et sa confirmation, la gestion d'un rendez-vous par son lien privé, «&nbsp;Trouver le bon
        interlocuteur&nbsp;», «&nbsp;Où s'adresser&nbsp;?&nbsp;» et la page de chaque structure, «&nbsp;Questions /
        Réponses&nbsp;», «&nbsp;Statistiques&nbsp;» (/statistiques), l'invitation à prendre rendez-vous, les mentions légales,
        cette page, «&nbsp;Données personnelles&nbsp;», la connexion et le choix du mot de passe, et les pages de l'espace des
        professionnels&nbsp;: agenda, rendez-vous et accueil, disponibilités, annuaire et journal, orientations, tableaux de bord
        (/espace/tableaux-de-bord), données personnelles d'une personne et réglages de conservation.
      </p>

      <h2>Retour d'information et contact</h2>
      <p>
        Si vous n'arrivez pas à accéder à un contenu ou à un service, vous pouvez nous le signaler pour être orienté ou orientée
        vers une autre façon d'y accéder, ou obtenir le contenu sous une autre forme&nbsp;:
      </p>
      <Loadable
        loading="Chargement du contact…"
        failure="Le contact pour l'accessibilité n'a pas pu être chargé."
        queryKey={getLegalNotice.key}
      >
        <ContactList />
      </Loadable>

      <h2>Voies de recours</h2>
      <p>
        Cette procédure est à utiliser dans le cas suivant&nbsp;: vous avez signalé au responsable du site internet un défaut
        d'accessibilité qui vous empêche d'accéder à un contenu ou à un des services du portail et vous n'avez pas obtenu de
        réponse satisfaisante. Vous pouvez saisir le Défenseur des droits&nbsp;:
      </p>
      <ul>
        <li>
          en lui écrivant un message par le <a href="https://formulaire.defenseurdesdroits.fr/">formulaire en ligne</a>&nbsp;;
        </li>
        <li>
          en contactant{" "}
          <a href="https://www.defenseurdesdroits.fr/saisir/delegues">
            le délégué ou la déléguée du Défenseur des droits dans votre région
          </a>
          &nbsp;;
        </li>
        <li>
          par téléphone au <a href="tel:+33969390000">09&nbsp;69&nbsp;39&nbsp;00&nbsp;00</a>&nbsp;;
        </li>
        <li>par courrier, gratuit et sans timbre&nbsp;: Défenseur des droits, Libre réponse 71120, 75342 Paris CEDEX&nbsp;07.</li>
      </ul>
    </div>
  );
}

/** Whom to tell: the Région's contact for accessibility (an e-mail address, or its form's web address) when it gave one, and the nearest structure. */
function ContactList() {
  const notice = createAsync(() => getLegalNotice());
  return (
    <ul>
      <Show when={notice()?.accessibilityContact}>
        {(contact) => (
          <li>
            <Show
              when={contact().includes("@")}
              fallback={
                <>
                  par le <a href={contact()}>formulaire de signalement</a>&nbsp;;
                </>
              }
            >
              par courriel à <a href={`mailto:${contact()}`}>{contact()}</a>&nbsp;;
            </Show>
          </li>
        )}
      </Show>
      <li>
        auprès de la structure d'orientation la plus proche de chez vous (<A href={PAGES.directory}>Où s'adresser&nbsp;?</A>
        )&nbsp;: elle vous proposera une autre façon d'obtenir l'information ou le rendez-vous, et fera remonter le défaut à la
        Région.
      </li>
    </ul>
  );
}
