import { A, createAsync, useAction, useParams } from "@solidjs/router";
import { createSignal, For, Show } from "solid-js";
import { Loadable, Notice } from "../../../components/notice.tsx";
import { PageTitle } from "../../../components/page-title.tsx";
import { formatMoment, formatParisInstant } from "../../../lib/dates.ts";
import { de } from "../../../lib/french.ts";
import { fullName, ofPerson } from "../agenda/agenda-words.ts";
import { AreaGuard } from "../agenda/area-guard.tsx";
import { createSuccess, SuccessNotice } from "../directory/admin-form.tsx";
import { ConfirmButton } from "../directory/confirm-button.tsx";
import { BackLink } from "../directory/directory-area.tsx";
import { useStaffUser } from "../staff-area.tsx";
import { erasePerson, exportHref, getPerson, type PersonSummary } from "./privacy-api.ts";
import "../directory/directory.css";

/**
 * `/espace/personnes/:id`: a person's rights exercised through their structure's admin — their
 * data as a file, and its erasure (irreversible, once no meeting is still to come).
 */
export default function PersonPage() {
  const params = useParams();
  return (
    <AreaGuard
      area="directory"
      refusal="Les données d'une personne sont remises ou effacées par l'administration de la structure."
    >
      <div class="staff">
        <Back />
        <Loadable loading="Chargement de la personne…" failure="La personne n'a pas pu être chargée." queryKey={getPerson.key}>
          <PersonView id={params.id ?? ""} />
        </Loadable>
      </div>
    </AreaGuard>
  );
}

/** Where one came from: the desk's search for a structure, the Journal for the Région (which has no desk). */
function Back() {
  const me = useStaffUser();
  return me().regionalAdmin ? (
    <BackLink href="/espace/annuaire/journal">Retour au journal</BackLink>
  ) : (
    <BackLink href="/espace/accueil">Retour à l'accueil</BackLink>
  );
}

function PersonView(props: { id: string }) {
  const summary = createAsync(() => getPerson(props.id));
  return (
    <Show when={summary() !== undefined}>
      <Show
        when={summary()}
        fallback={
          <>
            <PageTitle>Personne introuvable</PageTitle>
            <Notice>
              <p>Cette personne n'existe pas, ou aucune structure que vous administrez ne l'a reçue ni orientée.</p>
            </Notice>
          </>
        }
      >
        {(current) => <Person summary={current()} />}
      </Show>
    </Show>
  );
}

function Person(props: { summary: PersonSummary }) {
  const p = () => props.summary.person;
  const erase = useAction(erasePerson);
  const success = createSuccess();
  const me = useStaffUser();
  const region = () => me().regionalAdmin;
  // A structure's erasure leaves it nothing of the person: the page then says so, and only that.
  const [erasedHere, setErasedHere] = createSignal(false);
  return (
    <>
      <PageTitle documentTitle={`Données personnelles ${ofPerson(p())}`}>{`Données personnelles ${ofPerson(p())}`}</PageTitle>
      <SuccessNotice said={success.said()} />
      <Show when={p().anonymisedAt}>
        {(at) => (
          <Notice>
            <p class="notice__title">Les données de cette personne ont été effacées le {formatParisInstant(at())}.</p>
            <p>
              Ses rendez-vous et ses orientations restent, sans nom ni coordonnées ni notes, dans les chiffres de la structure.
            </p>
          </Notice>
        )}
      </Show>
      <Show when={!erasedHere()}>
        <dl class="directory-facts">
          <dt>Nom</dt>
          <dd>{fullName(p())}</dd>
          <dt>Adresse électronique</dt>
          <dd>{p().email ?? "Non communiquée"}</dd>
          <dt>Téléphone</dt>
          <dd>{p().phone ?? "Non communiqué"}</dd>
          <Show when={p().birthYear}>
            {(year) => (
              <>
                <dt>Année de naissance</dt>
                <dd>{year()}</dd>
              </>
            )}
          </Show>
          <Show when={p().commune}>
            {(commune) => (
              <>
                <dt>Commune</dt>
                <dd>{commune().name}</dd>
              </>
            )}
          </Show>
          <Show when={p().lastActivityAt}>
            {(last) => (
              <>
                <dt>{region() ? "Dernière démarche" : "Dernier rendez-vous ou orientation avec votre structure"}</dt>
                <dd>{formatParisInstant(last())}</dd>
              </>
            )}
          </Show>
          <dt>Rendez-vous et orientations</dt>
          <dd>
            {p().appointments === 1 ? "1 rendez-vous" : `${p().appointments} rendez-vous`},{" "}
            {p().referrals <= 1 ? `${p().referrals} orientation` : `${p().referrals} orientations`}
          </dd>
        </dl>

        <section class="staff__section" aria-labelledby="export-title">
          <h2 id="export-title">Exporter les données</h2>
          <p>
            {region()
              ? "Tout ce que la plateforme sait de la personne (identité, rendez-vous avec les notes, orientations et leur suivi), en un fichier à lui remettre sur sa demande."
              : "Ce que votre structure détient de la personne (identité, vos rendez-vous avec vos notes, les orientations que vous avez envoyées ou reçues et leur suivi), en un fichier à lui remettre sur sa demande."}
          </p>
          <p>
            <a class="button button--secondary" href={exportHref(p().id)} download="">
              Exporter les données (JSON)
            </a>
          </p>
        </section>
      </Show>
      <Show when={props.summary.namesakes.length > 0}>
        <section class="staff__section" aria-labelledby="namesakes-title">
          <h2 id="namesakes-title">Autres fiches avec la même adresse ou le même téléphone</h2>
          <p>
            Quelqu'un qui prend rendez-vous plusieurs fois peut avoir plusieurs fiches. Si c'est la même personne, effacez aussi
            celles-ci.
          </p>
          <ul>
            <For each={props.summary.namesakes}>
              {(other) => (
                <li>
                  <A href={`/espace/personnes/${other.id}`}>
                    {fullName(other)}, dernière démarche le {formatParisInstant(other.lastActivityAt)}
                  </A>
                </li>
              )}
            </For>
          </ul>
        </section>
      </Show>
      <Show when={erasedHere()}>
        <p>
          Vos rendez-vous restent, sans nom ni coordonnées ni notes, dans vos chiffres. Si d'autres structures la reçoivent, elles
          gardent ce qu'elles détiennent&nbsp;: pour un effacement partout, la personne s'adresse à l'administration régionale.
        </p>
      </Show>
      <Show when={!p().anonymisedAt && !erasedHere()}>
        <section class="staff__section" aria-labelledby="erase-title">
          <h2 id="erase-title">Effacer les données</h2>
          <Show
            when={props.summary.upcoming.length === 0}
            fallback={
              <>
                <p>
                  Des rendez-vous sont encore prévus&nbsp;: annulez-les d'abord (la personne en est prévenue), puis effacez ses
                  données.
                </p>
                <ul>
                  <For each={props.summary.upcoming}>
                    {(a) => (
                      <li>
                        <A href={`/espace/rendez-vous/${a.id}`}>
                          {a.service}, {a.structure}, {formatMoment(a.start)}
                        </A>
                      </li>
                    )}
                  </For>
                </ul>
              </>
            }
          >
            <p>
              {region()
                ? "À la demande de la personne, partout : le nom, les coordonnées, les besoins d'aménagement, les notes et les motifs de cette fiche sont effacés dans toutes les structures ; ses rendez-vous et orientations restent, anonymes, dans les chiffres. Ses autres fiches, s'il y en a, sont à effacer aussi."
                : "À la demande de la personne, ce que votre structure détient d'elle : vos rendez-vous perdent son nom, ses coordonnées, ses besoins d'aménagement, vos notes et les motifs ; les orientations que vous avez envoyées ou reçues aussi. Ils restent, anonymes, dans vos chiffres."}
            </p>
            <ConfirmButton
              label={region() ? "Effacer les données partout" : "Effacer les données détenues par votre structure"}
              title={`Effacer les données ${de(fullName(p()))} ?`}
              confirm="Effacer définitivement"
              dismiss="Ne pas effacer"
              // Irreversible: the dialog opens on « Ne pas effacer », so that Enter twice erases nothing.
              focusDismiss
              onConfirm={() => erase(p().id)}
              onDone={() => {
                if (!region()) setErasedHere(true);
                success.say(
                  region()
                    ? "Les données de la personne sont effacées partout."
                    : "Ce que votre structure détenait de la personne est effacé.",
                );
              }}
            >
              L'effacement est irréversible&nbsp;: le nom, les coordonnées, les notes et les besoins d'aménagement de la personne
              disparaissent {region() ? "de la plateforme" : "de ce que votre structure détient"}, et ses liens privés vers vos
              rendez-vous cessent de fonctionner. Les chiffres gardent les rendez-vous et les orientations, sans rien qui permette
              de la reconnaître.
            </ConfirmButton>
          </Show>
        </section>
      </Show>
    </>
  );
}
