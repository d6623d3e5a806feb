import { A } from "@solidjs/router";

export function SiteFooter() {
  return (
    <footer class="site-footer">
      <div class="container">
        <p class="site-footer__about">
          RDV Orientation est le service de prise de rendez-vous du Service public régional de l'orientation. L'information et le
          conseil en orientation y sont gratuits.
        </p>
        <p class="site-footer__about">
          Vous ne savez pas à qui vous adresser&nbsp;? <A href="/trouver-le-bon-interlocuteur">Trouver le bon interlocuteur</A>
        </p>
        <p class="site-footer__about">
          Les structures près de chez vous&nbsp;: <A href="/ou-s-adresser">Où s'adresser&nbsp;?</A> Les questions
          fréquentes&nbsp;: <A href="/questions-reponses">Questions / Réponses</A>. L'activité du service en chiffres&nbsp;:{" "}
          <A href="/statistiques">Statistiques</A>.
        </p>
        <p class="site-footer__about">
          Vous avez perdu le lien de votre rendez-vous&nbsp;? <A href="/retrouver-mon-rendez-vous">Retrouver mon rendez-vous</A>
        </p>
        <nav aria-label="Informations légales">
          <ul class="site-footer__links">
            <li>
              <A href="/accessibilite">Accessibilité&nbsp;: non conforme</A>
            </li>
            <li>
              <A href="/donnees-personnelles">Données personnelles</A>
            </li>
            <li>
              <A href="/mentions-legales">Mentions légales</A>
            </li>
            <li>
              <A href="/connexion">Espace professionnel</A>
            </li>
          </ul>
        </nav>
      </div>
    </footer>
  );
}
