import { A, createAsync, useAction } from "@solidjs/router";
import { createMemo, createSignal, For, Show } from "solid-js";
import { halfDayWords } from "../../../../../server/domain/half-days.ts";
import { CheckboxField, IdOptions, SelectField } from "../../../components/fields.tsx";
import { Loadable } from "../../../components/notice.tsx";
import { PageTitle } from "../../../components/page-title.tsx";
import { formatDayWithYear, formatMoment } from "../../../lib/dates.ts";
import { createSuccess, SuccessNotice } from "../directory/admin-form.tsx";
import { ConfirmButton } from "../directory/confirm-button.tsx";
import { BackLink } from "../directory/directory-area.tsx";
import { useStaffUser } from "../staff-area.tsx";
import { CALL_TO_TELL, CHANNELS, fullName, MODES } from "./agenda-words.ts";
import { AreaGuard, agendaTeams } from "./area-guard.tsx";
import { getWaitlist, removeFromWaitlist, type Waitlist, type WaitlistEntry } from "./waitlist-api.ts";
import "../directory/directory.css";
import "../../../components/card-table.css";
import "./waitlist.css";

/** `/espace/liste-d-attente`: who waits for a freed slot in one's structure, in order; « Retirer ». */
export default function WaitlistPage() {
  return (
    <AreaGuard area="agenda" refusal="La liste d'attente est celle des conseillers, de l'accueil et des administrateurs.">
      <WaitlistView />
    </AreaGuard>
  );
}

function WaitlistView() {
  const user = useStaffUser();
  const teams = createMemo(() => agendaTeams(user()));
  const [structure, setStructure] = createSignal(teams()[0]?.id ?? "");
  const [ended, setEnded] = createSignal(false);
  return (
    <div class="staff">
      <BackLink href="/espace">Retour à l'espace professionnel</BackLink>
      <PageTitle>Liste d'attente</PageTitle>
      <p class="staff__lead">
        Les personnes qui attendent qu'un créneau se libère, dans l'ordre d'inscription. Un créneau libéré (annulation,
        déplacement, plage ouverte) est proposé à la première à qui il convient et qui n'a pas déjà reçu une proposition
        aujourd'hui (une par jour, trois en tout).
        <Show when={user().areas.includes("reception")}>
          {" "}
          Pour inscrire quelqu'un, passez par <A href="/espace/accueil">l'accueil</A>.
        </Show>
      </p>
      <div class="directory-grid">
        <Show when={teams().length > 1}>
          <SelectField
            id="attente-structure"
            label="Structure"
            value={structure()}
            onChange={(event) => setStructure(event.currentTarget.value)}
          >
            <IdOptions each={teams()} selected={structure()} label={(team) => team.name} />
          </SelectField>
        </Show>
        <CheckboxField
          id="attente-sorties"
          label="Afficher aussi les personnes sorties de la liste"
          checked={ended()}
          onChange={(event) => setEnded(event.currentTarget.checked)}
        />
      </div>
      <Show when={structure()} keyed>
        {(id) => (
          <Loadable
            loading="Chargement de la liste d'attente…"
            failure="La liste d'attente n'a pas pu être chargée."
            queryKey={getWaitlist.key}
          >
            <Lists structure={id} ended={ended()} />
          </Loadable>
        )}
      </Show>
    </div>
  );
}

function Lists(props: { structure: string; ended: boolean }) {
  const list = createAsync(() => getWaitlist(props.structure, props.ended));
  const [offering, setOffering] = createSignal("");
  const success = createSuccess();
  const shown = () => list()?.entries.filter((entry) => !offering() || entry.offeringId === offering()) ?? [];
  return (
    <Show when={list()}>
      {(waitlist) => (
        <section class="staff__section" aria-labelledby="attente-titre">
          <h2 id="attente-titre">{waitlist().structure.name}</h2>
          <SelectField
            id="attente-service"
            label="Service"
            value={offering()}
            onChange={(event) => setOffering(event.currentTarget.value)}
          >
            <option value="" selected={offering() === ""}>
              Tous les services
            </option>
            <IdOptions each={waitlist().offerings} selected={offering()} label={offeringLabel} />
          </SelectField>
          <SuccessNotice said={success.said()} />
          <Show
            when={shown().length > 0}
            fallback={<p role="status">Personne n'attend pour {offering() ? "ce service" : "les services de la structure"}.</p>}
          >
            <WaitlistTable
              entries={shown()}
              onRemoved={(entry) => success.say(`${fullName(entry.person)} ne figure plus sur la liste d'attente.`)}
            />
          </Show>
        </section>
      )}
    </Show>
  );
}

const offeringLabel = (offering: Waitlist["offerings"][number]) =>
  `${offering.service.name} (${offering.waiting === 0 ? "personne n'attend" : offering.waiting === 1 ? "1 personne" : `${offering.waiting} personnes`})`;

/** « lundi matin, mercredi après-midi »; nothing asked: any time. */
const halfDaysWords = (halfDays: readonly string[]) =>
  halfDays.length === 0 ? "tous les jours" : halfDays.map(halfDayWords).join(", ");

const OFFER_STATUS: Record<NonNullable<WaitlistEntry["lastOffer"]>["status"], string> = {
  open: "en attente de réponse",
  accepted: "acceptée",
  declined: "refusée",
  expired: "sans réponse",
  withdrawn: "retirée",
};
const END_REASON: Record<NonNullable<WaitlistEntry["endReason"]>, string> = {
  accepted: "a accepté un créneau",
  left: "est sortie de la liste",
  removed: "retirée de la liste par la structure",
  meeting: "son rendez-vous a eu lieu ou a été annulé",
  expired: "sa date limite est passée",
  offers: "trois propositions sans réponse",
  erased: "données effacées",
};

function WaitlistTable(props: { entries: WaitlistEntry[]; onRemoved: (entry: WaitlistEntry) => void }) {
  const remove = useAction(removeFromWaitlist);
  return (
    <table class="card-table waitlist-table">
      <caption class="visually-hidden">Personnes en liste d'attente, dans l'ordre d'inscription</caption>
      <thead>
        <tr>
          <th scope="col">Personne</th>
          <th scope="col">Depuis</th>
          <th scope="col">Souhaits</th>
          <th scope="col">Rendez-vous actuel</th>
          <th scope="col">Propositions</th>
          <th scope="col">Inscription</th>
          <th scope="col">Action</th>
        </tr>
      </thead>
      <tbody>
        <For each={props.entries}>
          {(entry) => (
            <tr>
              <th scope="row" data-label="Personne">
                <span class="waitlist-table__name">{fullName(entry.person)}</span>
                <span class="waitlist-table__meta">
                  {[
                    entry.service.name,
                    entry.person.phone,
                    entry.person.email,
                    entry.person.notifiedBy === "phone-call" && CALL_TO_TELL,
                  ]
                    .filter(Boolean)
                    .join(" — ")}
                </span>
              </th>
              <td data-label="Depuis">{formatMoment(entry.since)}</td>
              <td data-label="Souhaits">
                {halfDaysWords(entry.halfDays)}
                {entry.modes.length > 0 && ` ; ${entry.modes.map((m) => MODES[m].toLowerCase()).join(", ")}`}
                {entry.until && ` ; jusqu'au ${formatDayWithYear(entry.until)}`}
              </td>
              <td data-label="Rendez-vous actuel">
                <Show when={entry.meeting} fallback="aucun">
                  {(meeting) => <A href={`/espace/rendez-vous/${meeting().id}`}>{formatMoment(meeting().start)}</A>}
                </Show>
              </td>
              <td data-label="Propositions">
                {entry.offersSent === 0 ? "aucune" : `${entry.offersSent} sur 3`}
                <Show when={entry.lastOffer}>
                  {(offer) => (
                    <span class="waitlist-table__meta">
                      dernière : {formatMoment(offer().start)}, {OFFER_STATUS[offer().status]}
                    </span>
                  )}
                </Show>
              </td>
              <td data-label="Inscription">
                {CHANNELS[entry.channel]}
                <Show when={entry.addedBy}>{(by) => <span class="waitlist-table__meta">par {fullName(by())}</span>}</Show>
              </td>
              <td data-label="Action">
                <Show when={entry.waiting} fallback={entry.endReason ? END_REASON[entry.endReason] : "sortie"}>
                  <ConfirmButton
                    label={
                      <>
                        Retirer<span class="visually-hidden">&nbsp;{fullName(entry.person)} de la liste</span>
                      </>
                    }
                    title={`Retirer ${fullName(entry.person)} de la liste d'attente ?`}
                    confirm="Retirer de la liste"
                    onConfirm={() => remove(entry.id)}
                    onDone={() => props.onRemoved(entry)}
                  >
                    Aucun créneau libéré ne sera plus proposé à {fullName(entry.person)}
                    {entry.meeting ? " ; son rendez-vous actuel reste prévu" : ""}. Un créneau qui lui est réservé en ce moment
                    passe à la personne suivante.
                  </ConfirmButton>
                </Show>
              </td>
            </tr>
          )}
        </For>
      </tbody>
    </table>
  );
}
