import { createAsync, useAction } from "@solidjs/router";
import { createSignal, Show } from "solid-js";
import { Button } from "../../../components/button.tsx";
import { TextField } from "../../../components/fields.tsx";
import { Loadable, Refusal } from "../../../components/notice.tsx";
import type { Outcome } from "../../../lib/api.ts";
import { formatParisInstant } from "../../../lib/dates.ts";
import { createSuccess, SuccessNotice } from "../directory/admin-form.tsx";
import { ConfirmButton } from "../directory/confirm-button.tsx";
import { createCalendarFeed, getCalendarFeed, revokeCalendarFeed } from "./agenda-api.ts";

/**
 * An advisor's private calendar subscription: its address is shown once, just made (only its
 * hash is kept); making a new one or revoking it stops the old one at once.
 */
export function CalendarFeedSection() {
  return (
    <section class="staff__section" aria-labelledby="feed-title">
      <h2 id="feed-title">Abonnement à votre agenda</h2>
      <p>
        Vos rendez-vous dans votre logiciel d'agenda (Thunderbird, Outlook, Agenda d'Apple, etc.), mis à jour automatiquement,
        d'un mois en arrière à un an en avant. Les personnes n'y sont désignées que par leur prénom et leur initiale ; un
        rendez-vous par téléphone donne aussi le numéro à appeler.
      </p>
      <Loadable
        loading="Chargement de l'abonnement…"
        failure="L'abonnement n'a pas pu être chargé."
        queryKey={getCalendarFeed.key}
      >
        <Feed />
      </Loadable>
    </section>
  );
}

function Feed() {
  const status = createAsync(() => getCalendarFeed());
  const create = useAction(createCalendarFeed);
  const revoke = useAction(revokeCalendarFeed);
  const success = createSuccess();
  const [url, setUrl] = createSignal<string>();
  const [failure, setFailure] = createSignal<string>();

  async function make(): Promise<Outcome<{ url: string }>> {
    setFailure(undefined);
    const outcome = await create();
    if (outcome.kind === "done") setUrl(outcome.value.url);
    return outcome;
  }
  async function first() {
    const outcome = await make();
    if (outcome.kind === "done") success.say("Adresse d'abonnement créée.");
    else setFailure(outcome.message);
  }

  return (
    <>
      <SuccessNotice said={success.said()} />
      <Show when={url()}>
        {(address) => (
          <div class="staff-form">
            <TextField
              id="abonnement-adresse"
              label="Votre adresse d'abonnement"
              hint="Copiez-la maintenant : elle ne sera plus affichée. Dans votre agenda, choisissez « S'abonner à un calendrier » (ou « Ajouter un calendrier depuis Internet ») et collez-la. Ne la communiquez à personne."
              value={address()}
              readOnly
              onFocus={(event) => event.currentTarget.select()}
            />
            <Button
              variant="secondary"
              onClick={() =>
                void navigator.clipboard?.writeText(address()).then(
                  () => success.say("Adresse copiée."),
                  () => setFailure("La copie n'a pas pu se faire : sélectionnez l'adresse et copiez-la."),
                )
              }
            >
              Copier l'adresse
            </Button>
          </div>
        )}
      </Show>
      <Refusal message={failure()} />
      <Show
        when={status()?.active}
        fallback={
          <Show when={status()}>
            <p>Aucun abonnement n'est actif.</p>
            <Button onClick={() => void first()}>Créer mon adresse d'abonnement</Button>
          </Show>
        }
      >
        <p>Un abonnement est actif depuis le {formatParisInstant(status()?.createdAt ?? "")}.</p>
        <div class="directory__actions">
          <ConfirmButton
            label="Remplacer l'adresse"
            title="Remplacer l'adresse d'abonnement ?"
            confirm="Remplacer"
            onConfirm={make}
            onDone={() => success.say("Nouvelle adresse créée : l'ancienne ne fonctionne plus.")}
          >
            L'adresse actuelle cessera de fonctionner&nbsp;: les agendas abonnés devront utiliser la nouvelle.
          </ConfirmButton>
          <ConfirmButton
            label="Révoquer l'abonnement"
            title="Révoquer l'abonnement ?"
            confirm="Révoquer"
            onConfirm={() => revoke()}
            onDone={() => {
              setUrl(undefined);
              success.say("Abonnement révoqué : l'adresse ne fonctionne plus.");
            }}
          >
            L'adresse cessera de fonctionner et vos rendez-vous disparaîtront des agendas abonnés.
          </ConfirmButton>
        </div>
      </Show>
    </>
  );
}
