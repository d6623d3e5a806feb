import { A, createAsync, useAction } from "@solidjs/router";
import { createSignal, Show, Suspense } from "solid-js";
import { Button } from "../../components/button.tsx";
import { TextField } from "../../components/fields.tsx";
import { Loadable, Refusal } from "../../components/notice.tsx";
import { formatParisInstant } from "../../lib/dates.ts";
import {
  type BusyCalendarStatus,
  connectBusyCalendar,
  disconnectBusyCalendar,
  getBusyCalendar,
  refreshBusyCalendar,
} from "./busy-calendar-api.ts";
import { AdminForm, createAdminForm, createSuccess, SuccessNotice } from "./directory/admin-form.tsx";
import { ConfirmButton } from "./directory/confirm-button.tsx";

const IDS = { url: "agenda-personnel-adresse" };

/**
 * An advisor's own calendar (Outlook, Google, Nextcloud), read by its published address: the
 * times it says they are busy block their slots, as an absence does. Its titles are never read.
 */
export function BusyCalendarSection() {
  return (
    <section class="staff__section" aria-labelledby="busy-calendar-title">
      <h2 id="busy-calendar-title">Mon agenda personnel (Outlook, Google, Nextcloud)</h2>
      <p>
        Reliez l'agenda où vous notez vos réunions, formations ou congés&nbsp;: ses moments occupés bloquent vos créneaux, comme
        une absence, sans que vous ayez à les déclarer ici. Il est relu tous les quarts d'heure. Seules les heures sont lues — ni
        les titres, ni les lieux, ni les descriptions ne sont gardés. Les événements marqués «&nbsp;disponible&nbsp;» ou annulés
        ne bloquent rien.
      </p>
      <details class="busy-calendar__help">
        <summary>Où trouver l'adresse ICS publiée de mon agenda&nbsp;?</summary>
        <dl>
          <dt>Outlook (Microsoft 365)</dt>
          <dd>
            Paramètres → Calendrier → Calendriers partagés → «&nbsp;Publier un calendrier&nbsp;»&nbsp;: choisissez le calendrier
            et «&nbsp;Peut afficher quand je suis occupé(e)&nbsp;», publiez, puis copiez le lien ICS.
          </dd>
          <dt>Google Agenda</dt>
          <dd>
            Paramètres → votre agenda (à gauche) → «&nbsp;Intégrer l'agenda&nbsp;»&nbsp;: copiez «&nbsp;Adresse secrète au format
            iCal&nbsp;».
          </dd>
          <dt>Nextcloud</dt>
          <dd>
            Agenda → le menu «&nbsp;…&nbsp;» du calendrier → «&nbsp;Partager&nbsp;» → «&nbsp;Lien de partage&nbsp;» →
            «&nbsp;Copier le lien d'abonnement&nbsp;».
          </dd>
        </dl>
        <p>Cette adresse donne accès à votre agenda&nbsp;: elle est gardée chiffrée et n'est plus jamais affichée.</p>
      </details>
      <Loadable
        loading="Chargement de votre agenda…"
        failure="L'état de votre agenda n'a pas pu être chargé."
        queryKey={getBusyCalendar.key}
      >
        <BusyCalendar />
      </Loadable>
    </section>
  );
}

function BusyCalendar() {
  const status = createAsync(() => getBusyCalendar());
  const connect = useAction(connectBusyCalendar);
  const refresh = useAction(refreshBusyCalendar);
  const disconnect = useAction(disconnectBusyCalendar);
  const form = createAdminForm(IDS, { url: "Adresse ICS publiée" });
  const success = createSuccess();
  const [url, setUrl] = createSignal("");
  const [refreshing, setRefreshing] = createSignal(false);
  const [failure, setFailure] = createSignal<string>();

  async function submit() {
    const found = url().trim() ? {} : { url: "Collez l'adresse ICS publiée de votre agenda." };
    const answer = await form.run(found, () => connect(url().trim()));
    if (!answer) return;
    setUrl("");
    success.say(answer.connected && !answer.lastError ? "Agenda relié et lu." : "Agenda relié, mais sa lecture a échoué.");
  }

  async function readNow() {
    setFailure(undefined);
    setRefreshing(true);
    const outcome = await refresh();
    setRefreshing(false);
    if (outcome.kind !== "done") setFailure(outcome.message);
    else success.say(outcome.value.connected && !outcome.value.lastError ? "Agenda relu." : "La lecture a échoué.");
  }

  return (
    <>
      <SuccessNotice said={success.said()} />
      <Show when={status()}>
        {(current) => (
          <Show when={connectedOf(current())} fallback={<p>Aucun agenda personnel n'est relié.</p>}>
            {(calendar) => (
              <>
                <Show when={calendar().flagged}>
                  <div class="notice notice--error" role="alert">
                    <p class="notice__title">⚠ Votre agenda ne peut plus être lu depuis plus d'un jour</p>
                    <p>
                      Vos créneaux ne tiennent plus compte de ses changements depuis le{" "}
                      {formatParisInstant(calendar().failingSince ?? "")}. Vérifiez qu'il est toujours publié, ou collez sa
                      nouvelle adresse.
                    </p>
                  </div>
                </Show>
                <dl class="busy-calendar__state">
                  <dt>Agenda relié</dt>
                  <dd>{calendar().host ?? "adresse à saisir de nouveau"}</dd>
                  <dt>Dernière lecture réussie</dt>
                  <dd>{synced(calendar())}</dd>
                  <Show when={calendar().lastError}>
                    {(error) => (
                      <>
                        <dt>Dernière lecture en échec</dt>
                        <dd class="busy-calendar__error">{error()}</dd>
                      </>
                    )}
                  </Show>
                  <dt>Dans les 14 prochains jours</dt>
                  <dd>
                    {calendar().busyCount === 0
                      ? "aucun moment occupé"
                      : calendar().busyCount === 1
                        ? "1 moment occupé"
                        : `${calendar().busyCount} moments occupés`}
                  </dd>
                </dl>
                <Refusal message={failure()} />
                <div class="directory__actions">
                  <Button variant="secondary" disabled={refreshing()} onClick={() => void readNow()}>
                    {refreshing() ? "Lecture en cours…" : "Actualiser maintenant"}
                  </Button>
                  <ConfirmButton
                    label="Déconnecter"
                    title="Déconnecter votre agenda personnel ?"
                    confirm="Déconnecter"
                    onConfirm={() => disconnect()}
                    onDone={() => success.say("Agenda déconnecté : ses moments occupés ne bloquent plus vos créneaux.")}
                  >
                    Son adresse et ses moments occupés seront effacés&nbsp;; vos créneaux seront de nouveau libres à ces heures.
                  </ConfirmButton>
                </div>
              </>
            )}
          </Show>
        )}
      </Show>
      <AdminForm
        form={form}
        label="Relier mon agenda personnel"
        submit={connectedOf(status()) ? "Remplacer l'adresse" : "Relier mon agenda"}
        onSubmit={() => void submit()}
      >
        <TextField
          id={IDS.url}
          label={connectedOf(status()) ? "Nouvelle adresse ICS publiée" : "Adresse ICS publiée"}
          hint="Elle commence par https://, webcal:// ou http:// et finit souvent par .ics."
          type="url"
          inputmode="url"
          autocomplete="off"
          spellcheck={false}
          value={url()}
          onInput={(event) => setUrl(event.currentTarget.value)}
          error={form.errors().url}
        />
      </AdminForm>
    </>
  );
}

type Connected = Extract<BusyCalendarStatus, { connected: true }>;
const connectedOf = (status: BusyCalendarStatus | undefined): Connected | undefined => (status?.connected ? status : undefined);

function synced(calendar: Connected): string {
  const minutes = calendar.syncedMinutesAgo;
  if (minutes === null || !calendar.syncedAt) return "aucune pour l'instant";
  if (minutes < 1) return "il y a moins d'une minute";
  if (minutes < 60) return minutes === 1 ? "il y a 1 minute" : `il y a ${minutes} minutes`;
  if (minutes < 24 * 60) return `il y a ${Math.floor(minutes / 60)} h`;
  return `le ${formatParisInstant(calendar.syncedAt)}`;
}

/**
 * On the advisor's home: their calendar failing for a day, said where they look every day (the
 * account page, where it is mended, is seldom opened). Nothing at all otherwise, nor if the
 * status cannot be read: the home page does not depend on it.
 */
export function BusyCalendarWarning() {
  const status = createAsync(() => getBusyCalendar().catch(() => undefined));
  return (
    <Suspense>
      <Show when={connectedOf(status())?.flagged}>
        <div class="notice notice--error" role="alert">
          <p class="notice__title">⚠ Votre agenda personnel ne peut plus être lu depuis plus d'un jour</p>
          <p>
            Vos créneaux ne tiennent plus compte de ses changements.{" "}
            <A href="/espace/compte">Voir ce qui ne va pas dans Mon compte</A>
          </p>
        </div>
      </Show>
    </Suspense>
  );
}
