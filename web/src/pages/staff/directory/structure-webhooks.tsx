import { createAsync, useAction } from "@solidjs/router";
import { createSignal, For, Show } from "solid-js";
import { Button } from "../../../components/button.tsx";
import { ChoicesField, TextField } from "../../../components/fields.tsx";
import { Loadable, Refusal } from "../../../components/notice.tsx";
import { formatParisInstant } from "../../../lib/dates.ts";
import type { StructureDetail } from "./admin-api.ts";
import { AdminForm, createAdminForm, createSuccess, SuccessNotice } from "./admin-form.tsx";
import { ConfirmButton } from "./confirm-button.tsx";
import { CopyButton } from "./copy-button.tsx";
import { attemptWords, deliveryStatus, WEBHOOK_EVENT_WORDS } from "./webhook-words.ts";
import {
  createWebhook,
  deleteWebhook,
  getWebhookDeliveries,
  getWebhooks,
  resendWebhookDelivery,
  rotateWebhookSecret,
  updateWebhook,
  type WebhookDelivery,
  type WebhookEndpoint,
} from "./webhooks-api.ts";
import "../../../components/card-table.css";
import "./webhooks.css";

type Event = WebhookEndpoint["events"][number];
const EVENT_OPTIONS = (Object.keys(WEBHOOK_EVENT_WORDS) as Event[]).map((value) => ({
  value,
  label: WEBHOOK_EVENT_WORDS[value],
}));

/**
 * The « Webhooks » tab: the structure's own systems told of its meetings, referrals and
 * availability, signed after Standard Webhooks. Each URL with its events and state, its secret
 * shown once (at creation and at each change), and its delivery log with « Renvoyer ».
 */
export function StructureWebhooks(props: { structure: StructureDetail; regional: boolean }) {
  return (
    <Loadable loading="Chargement des webhooks…" failure="Les webhooks n'ont pas pu être chargés." queryKey={getWebhooks.key}>
      <Webhooks structureId={props.structure.id} />
    </Loadable>
  );
}

function Webhooks(props: { structureId: string }) {
  const endpoints = createAsync(() => getWebhooks(props.structureId));
  const success = createSuccess();
  const [secret, setSecret] = createSignal<{ url: string; secret: string }>();
  return (
    <>
      <p>
        Chaque événement choisi est envoyé à l'adresse de votre système (requête POST en JSON, signée selon Standard Webhooks),
        dans l'ordre pour un même rendez-vous, et réessayé pendant environ 27 heures s'il n'est pas reçu.
      </p>
      <SuccessNotice said={success.said()} />
      <Show when={secret()}>{(shown) => <SecretNotice url={shown().url} secret={shown().secret} onCopied={success.say} />}</Show>
      <Show when={(endpoints()?.length ?? 0) > 0} fallback={<p>Aucun webhook.</p>}>
        <ul class="directory-rows webhook-rows">
          <For each={endpoints()}>
            {(endpoint) => (
              <EndpointRow
                endpoint={endpoint}
                onSecret={(value) => setSecret({ url: endpoint.url, secret: value })}
                onDone={success.say}
              />
            )}
          </For>
        </ul>
      </Show>
      <section class="staff__section" aria-labelledby="new-webhook-title">
        <h3 id="new-webhook-title">Ajouter un webhook</h3>
        <EndpointForm
          structureId={props.structureId}
          onCreated={(url, value) => {
            setSecret({ url, secret: value });
            success.say(`Le webhook ${url} est ajouté.`);
          }}
        />
      </section>
    </>
  );
}

/** A secret is shown once: the receiver needs it to verify signatures, and it is kept sealed. */
function SecretNotice(props: { url: string; secret: string; onCopied: (said: string) => void }) {
  return (
    <div class="notice webhook-secret" role="status">
      <p>Secret de signature de {props.url}, à copier maintenant dans votre système&nbsp;: il ne sera plus affiché.</p>
      <p>
        <code class="webhook-secret__value">{props.secret}</code>
      </p>
      <CopyButton
        value={props.secret}
        label="Copier le secret"
        copied="Secret copié."
        what="le secret"
        onCopied={props.onCopied}
      />
    </div>
  );
}

function EndpointRow(props: { endpoint: WebhookEndpoint; onSecret: (secret: string) => void; onDone: (text: string) => void }) {
  const update = useAction(updateWebhook);
  const remove = useAction(deleteWebhook);
  const rotate = useAction(rotateWebhookSecret);
  const [showLog, setShowLog] = createSignal(false);
  const [refused, setRefused] = createSignal<string>();
  const enabled = () => props.endpoint.disabledAt === null;
  const logId = () => `journal-${props.endpoint.id}`;

  async function toggle() {
    setRefused(undefined);
    // Said from what was asked: the list read again may already show the row anew.
    const next = !enabled();
    const { url } = props.endpoint;
    const outcome = await update(props.endpoint.id, { enabled: next });
    if (outcome.kind !== "done") return setRefused(outcome.message);
    props.onDone(next ? `Le webhook ${url} est réactivé.` : `Le webhook ${url} est désactivé.`);
  }

  return (
    <li class="directory-row">
      <h3 class="directory-row__title webhook-url">{props.endpoint.url}</h3>
      <dl class="directory-facts">
        <Show when={props.endpoint.description}>
          <dt>Description</dt>
          <dd>{props.endpoint.description}</dd>
        </Show>
        <dt>Événements</dt>
        <dd>
          {EVENT_OPTIONS.filter((option) => props.endpoint.events.includes(option.value))
            .map((option) => option.label)
            .join(", ")}
        </dd>
        <dt>État</dt>
        <dd>
          <Show
            when={props.endpoint.disabledAt}
            fallback={props.endpoint.failures > 0 ? `actif, ${props.endpoint.failures} échec(s) d'affilée` : "actif"}
          >
            {(since) => `désactivé le ${formatParisInstant(since())} : ${props.endpoint.disabledReason ?? ""}`}
          </Show>
        </dd>
        <Show when={props.endpoint.previousSecretUntil}>
          {(until) => (
            <>
              <dt>Ancien secret</dt>
              <dd>signe aussi les envois jusqu'au {formatParisInstant(until())}</dd>
            </>
          )}
        </Show>
      </dl>
      <div class="directory__actions">
        <Button variant="secondary" aria-expanded={showLog()} aria-controls={logId()} onClick={() => setShowLog(!showLog())}>
          {showLog() ? "Masquer le journal" : "Journal des livraisons"}
          <span class="visually-hidden"> de {props.endpoint.url}</span>
        </Button>
        <Button variant="secondary" onClick={toggle}>
          {enabled() ? "Désactiver" : "Réactiver"}
          <span class="visually-hidden"> {props.endpoint.url}</span>
        </Button>
        <ConfirmButton
          label={
            <>
              Changer le secret<span class="visually-hidden"> de {props.endpoint.url}</span>
            </>
          }
          title="Changer le secret de signature ?"
          confirm="Changer le secret"
          onConfirm={async () => {
            const outcome = await rotate(props.endpoint.id);
            if (outcome.kind === "done") props.onSecret(outcome.value.secret);
            return outcome;
          }}
          onDone={() => props.onDone(`Le secret de ${props.endpoint.url} est changé.`)}
        >
          Un nouveau secret sera affiché une fois. Pendant 24 heures, chaque envoi portera deux signatures, avec l'ancien et le
          nouveau secret&nbsp;: le temps de mettre le nouveau dans votre système.
        </ConfirmButton>
        <ConfirmButton
          label={
            <>
              Supprimer<span class="visually-hidden"> le webhook {props.endpoint.url}</span>
            </>
          }
          title="Supprimer ce webhook ?"
          confirm="Supprimer le webhook"
          onConfirm={() => remove(props.endpoint.id)}
          onDone={() => props.onDone(`Le webhook ${props.endpoint.url} est supprimé.`)}
        >
          Plus aucun événement ne sera envoyé à {props.endpoint.url}, et son journal des livraisons sera effacé.
        </ConfirmButton>
      </div>
      <Refusal message={refused()} />
      <Show when={showLog()}>
        <div id={logId()}>
          <Loadable
            loading="Chargement du journal…"
            failure="Le journal des livraisons n'a pas pu être chargé."
            queryKey={getWebhookDeliveries.key}
          >
            <DeliveryLog endpoint={props.endpoint} />
          </Loadable>
        </div>
      </Show>
    </li>
  );
}

function DeliveryLog(props: { endpoint: WebhookEndpoint }) {
  const deliveries = createAsync(() => getWebhookDeliveries(props.endpoint.id));
  // Kept here, by delivery: the log read again after a « Renvoyer » draws its rows anew.
  const [said, setSaid] = createSignal<Record<string, string>>({});
  return (
    <Show when={(deliveries()?.length ?? 0) > 0} fallback={<p>Aucune livraison pour l'instant.</p>}>
      <table class="card-table webhook-log">
        <caption>Journal des livraisons de {props.endpoint.url}, de la plus récente à la plus ancienne</caption>
        <thead>
          <tr>
            <th scope="col">Événement</th>
            <th scope="col">Le</th>
            <th scope="col">État</th>
            <th scope="col">Réponses</th>
            <th scope="col">Action</th>
          </tr>
        </thead>
        <tbody>
          <For each={deliveries()}>
            {(delivery) => (
              <DeliveryRow
                delivery={delivery}
                said={said()[delivery.id]}
                onSaid={(text) => setSaid({ ...said(), [delivery.id]: text })}
              />
            )}
          </For>
        </tbody>
      </table>
    </Show>
  );
}

function DeliveryRow(props: { delivery: WebhookDelivery; said: string | undefined; onSaid: (text: string) => void }) {
  const resend = useAction(resendWebhookDelivery);
  const event = () => WEBHOOK_EVENT_WORDS[props.delivery.event];
  async function again() {
    const outcome = await resend(props.delivery.id);
    props.onSaid(outcome.kind === "done" ? "Renvoi demandé : part dans un instant." : outcome.message);
  }
  return (
    <tr>
      <th scope="row" data-label="Événement">
        {event()}
      </th>
      <td data-label="Le">{formatParisInstant(props.delivery.createdAt)}</td>
      <td data-label="État">
        {deliveryStatus(props.delivery)}
        <Show when={props.delivery.dueAt}>{(due) => ` (prochain essai le ${formatParisInstant(due())})`}</Show>
      </td>
      <td data-label="Réponses">{props.delivery.tries.map(attemptWords).join(", ") || "aucun essai"}</td>
      <td data-label="Action">
        <Button variant="secondary" onClick={again}>
          Renvoyer
          <span class="visually-hidden">
            {" "}
            l'événement « {event()} » du {formatParisInstant(props.delivery.createdAt)}
          </span>
        </Button>
        <Show when={props.said}>
          <p role="status" class="webhook-log__said">
            {props.said}
          </p>
        </Show>
      </td>
    </tr>
  );
}

type Field = "url" | "description" | "events";
const IDS: Record<Field, string> = { url: "webhook-url", description: "webhook-description", events: "webhook-evenements" };
const NAMES = { url: "Adresse web", description: "Description", events: "Événements" };

function EndpointForm(props: { structureId: string; onCreated: (url: string, secret: string) => void }) {
  const create = useAction(createWebhook);
  const form = createAdminForm(IDS, NAMES);
  const [url, setUrl] = createSignal("");
  const [description, setDescription] = createSignal("");
  const [events, setEvents] = createSignal<Event[]>([]);

  async function submit() {
    const created = await form.run(
      {
        url: !url().trim()
          ? "Saisissez l'adresse de votre système, par exemple https://si.exemple.fr/webhooks."
          : /^https?:\/\/[^/\s]+/i.test(url().trim()) && URL.canParse(url().trim())
            ? undefined
            : "Adresse web complète attendue, par exemple https://si.exemple.fr/webhooks.",
        events: events().length > 0 ? undefined : "Choisissez au moins un événement.",
      },
      () => create(props.structureId, { url: url().trim(), description: description().trim(), events: events() }),
    );
    if (created === undefined) return;
    props.onCreated(url().trim(), created.secret);
    setUrl("");
    setDescription("");
    setEvents([]);
  }

  return (
    <AdminForm form={form} label="Ajouter un webhook" submit="Ajouter le webhook" onSubmit={submit}>
      <TextField
        id={IDS.url}
        label="Adresse web"
        hint="En https://, un serveur joignable depuis Internet."
        type="url"
        inputmode="url"
        autocomplete="off"
        value={url()}
        onInput={(event) => setUrl(event.currentTarget.value)}
        error={form.errors().url}
      />
      <TextField
        id={IDS.description}
        label="Description (facultatif)"
        value={description()}
        onInput={(event) => setDescription(event.currentTarget.value)}
        error={form.errors().description}
      />
      <ChoicesField
        id={IDS.events}
        legend="Événements envoyés"
        type="checkbox"
        options={EVENT_OPTIONS}
        selected={events()}
        onChange={setEvents}
        error={form.errors().events}
      />
    </AdminForm>
  );
}
