import { A } from "@solidjs/router";
import { createResource, Show } from "solid-js";
import { PageTitle } from "../../components/page-title.tsx";
import { api } from "../../lib/api.ts";

/** The period the Région set; the notice says the default until (or unless) the API answers. */
const DEFAULT_RETENTION_MONTHS = 24;
const DEFAULTS = { retentionMonths: DEFAULT_RETENTION_MONTHS, dpoContact: "" };

async function fetchNotice(): Promise<{ retentionMonths: number; dpoContact: string }> {
  try {
    const response = await api.privacy.$get();
    return response.ok ? await response.json() : DEFAULTS;
  } catch {
    return DEFAULTS;
  }
}

/** The data protection officer's contact: an e-mail as a link, a postal address as written. */
function DpoContact(props: { contact: string }) {
  return (
    <Show
      when={props.contact}
      fallback={
        <>
          par courrier à la Région, à l'adresse donnée dans les <A href="/mentions-legales">mentions légales</A>, à l'attention du
          délégué ou de la déléguée à la protection des données
        </>
      }
    >
      {(contact) => (
        <Show when={contact().includes("@")} fallback={<>par courrier&nbsp;: {contact()}</>}>
          <a href={`mailto:${contact()}`}>{contact()}</a>
        </Show>
      )}
    </Show>
  );
}

/** `/donnees-personnelles`: the information notice (RGPD art. 13 and 14) a person acknowledges when booking. */
export function PrivacyPage() {
  const [notice] = createResource(fetchNotice);
  const months = () => notice()?.retentionMonths ?? DEFAULT_RETENTION_MONTHS;
  return (
    <div class="prose">
      <PageTitle>Données personnelles</PageTitle>
      <p>
        Pour organiser un rendez-vous ou vous orienter vers la bonne structure, nous avons besoin de quelques informations sur
        vous. Nous ne demandons que ce qui est nécessaire, et nous ne les utilisons que pour cela.
      </p>

      <h2>Qui est responsable de vos données</h2>
      <p>
        Le responsable du traitement est la Région, qui organise le Service public régional de l'orientation (SPRO) et met à sa
        disposition ce service de prise de rendez-vous. Chaque structure qui vous reçoit (centre d'information et d'orientation,
        mission locale, point info conseil VAE, etc.) utilise vos données pour vous accompagner, dans le cadre de sa mission.
      </p>

      <h2>Pourquoi nous les utilisons</h2>
      <ul>
        <li>
          organiser votre rendez-vous, vous en envoyer la confirmation et les rappels, et vous permettre de le déplacer ou de
          l'annuler&nbsp;;
        </li>
        <li>
          si vous en êtes d'accord, transmettre votre demande à une autre structure du SPRO mieux à même de vous accompagner, et
          suivre ce qu'il en advient&nbsp;;
        </li>
        <li>
          établir des statistiques anonymes (nombre de rendez-vous, délais d'attente, orientations entre structures) pour
          améliorer le service&nbsp;: personne n'y est reconnaissable.
        </li>
      </ul>

      <h2>Sur quelle base</h2>
      <p>
        Ce traitement est nécessaire à l'exécution d'une mission d'intérêt public dont est investie la Région&nbsp;: le service
        public régional de l'orientation (article&nbsp;6, paragraphe&nbsp;1, point&nbsp;e du règlement général sur la protection
        des données, RGPD). Il ne repose donc pas sur votre consentement&nbsp;; votre accord est en revanche demandé avant que vos
        coordonnées soient transmises à une autre structure.
      </p>

      <h2>Quelles données</h2>
      <ul>
        <li>vos nom et prénom&nbsp;;</li>
        <li>un moyen de vous joindre&nbsp;: adresse électronique et/ou numéro de téléphone&nbsp;;</li>
        <li>si vous le souhaitez&nbsp;: votre année de naissance, votre situation et votre commune&nbsp;;</li>
        <li>
          vos besoins d'aménagement pour le rendez-vous, si vous en avez. Aucun diagnostic ni aucune information sur votre santé
          ne vous est demandé&nbsp;;
        </li>
        <li>les rendez-vous pris, leur suite (honoré, annulé…) et les notes de votre conseiller ou conseillère.</li>
      </ul>
      <p>
        Les réponses au questionnaire «&nbsp;Trouver le bon interlocuteur&nbsp;» ne sont pas conservées si vous ne prenez pas
        rendez-vous.
      </p>

      <h2>Qui peut les voir</h2>
      <ul>
        <li>la structure qui vous reçoit, et seulement ses personnels&nbsp;;</li>
        <li>avec votre accord, la structure vers laquelle vous êtes orienté ou orientée, et celle qui vous y a orienté&nbsp;;</li>
        <li>l'hébergeur du service, pour le seul besoin technique, dans l'Union européenne.</li>
      </ul>
      <p>
        Vos données ne sont ni vendues ni cédées, et ne servent à aucune publicité. Ce site ne dépose aucun cookie de mesure
        d'audience ni de publicité, et n'utilise aucun traceur publicitaire&nbsp;; un seul cookie, technique, garde la session des
        personnels connectés.
      </p>

      <h2>Combien de temps</h2>
      <p>
        Vos données sont anonymisées {months()}&nbsp;mois après votre dernier rendez-vous ou votre dernière orientation, durée
        fixée par la Région. Seuls restent alors des chiffres qui ne permettent pas de vous reconnaître. Le journal des actions
        des personnels note quelle fiche a été consultée, exportée ou effacée, par son numéro&nbsp;: il ne contient ni votre nom
        ni vos coordonnées, et il est effacé au bout d'un an.
      </p>

      <h2>Vos droits</h2>
      <p>
        Vous pouvez accéder à vos données et en obtenir une copie, les faire rectifier, les faire effacer, en demander la
        limitation et vous opposer à leur traitement (articles&nbsp;15 à 21 du RGPD). Pour cela&nbsp;:
      </p>
      <ul>
        <li>
          adressez-vous à la structure qui vous a reçu ou orienté&nbsp;: elle peut vous remettre toutes vos données dans un
          fichier, ou les effacer&nbsp;;
        </li>
        <li>
          ou écrivez au délégué ou à la déléguée à la protection des données de la Région&nbsp;:{" "}
          <DpoContact contact={notice()?.dpoContact ?? ""} />.
        </li>
      </ul>
      <p>
        Une réponse vous est donnée dans un délai d'un mois. Si vous estimez que vos droits ne sont pas respectés, vous pouvez
        adresser une réclamation à la{" "}
        <a href="https://www.cnil.fr/fr/plaintes">Commission nationale de l'informatique et des libertés (CNIL)</a>.
      </p>

      <h2>Sécurité</h2>
      <p>
        Les échanges sont chiffrés. Le lien qui vous permet de gérer votre rendez-vous est personnel et impossible à
        deviner&nbsp;: il n'est pas conservé en clair et cesse de fonctionner quand vos données sont effacées. Les personnels
        n'ont accès qu'aux personnes de leur structure, et leurs modifications sont tracées.
      </p>
    </div>
  );
}
