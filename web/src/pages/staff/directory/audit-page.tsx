import { createResource, createSignal, For, Show } from "solid-js";
import { Button } from "../../../components/button.tsx";
import { ErrorNotice, Loading } from "../../../components/notice.tsx";
import { PageTitle } from "../../../components/page-title.tsx";
import { describeError } from "../../../lib/api.ts";
import { type AuditEvent, getAuditPage } from "./admin-api.ts";
import { BackLink, RegionOnly } from "./directory-area.tsx";

const ENTITIES: Record<string, string> = {
  Network: "Réseau",
  Structure: "Structure",
  Site: "Lieu",
  Offering: "Offre",
  Membership: "Rôle",
  StaffUser: "Compte",
  Territory: "Territoire",
  Closure: "Fermeture",
};
const VERBS: Record<string, string> = {
  create: "création",
  update: "modification",
  delete: "suppression",
  deactivate: "désactivation",
  reactivate: "réactivation",
  invite: "invitation renvoyée",
};

/** « structure.update » in words: « Structure : modification ». Unknown actions are shown as they are. */
function describe(event: AuditEvent): string {
  const verb = VERBS[event.action.split(".")[1] ?? ""];
  return verb ? `${ENTITIES[event.entity] ?? event.entity} : ${verb}` : event.action;
}

function changedFields(event: AuditEvent): string | undefined {
  const fields = (event.details as { fields?: unknown } | null)?.fields;
  return Array.isArray(fields) && fields.length > 0 ? fields.join(", ") : undefined;
}

const moment = new Intl.DateTimeFormat("fr-FR", { dateStyle: "long", timeStyle: "short", timeZone: "Europe/Paris" });

/**
 * `/espace/annuaire/journal` (Région): who changed what in the directory, newest first. « Plus
 * anciens » asks for the events before the last one shown, and adds them below.
 */
export default function AuditPage() {
  return (
    <RegionOnly>
      <div class="staff">
        <BackLink href="/espace/annuaire">Retour à l'annuaire</BackLink>
        <PageTitle>Journal des modifications</PageTitle>
        <AuditLog />
      </div>
    </RegionOnly>
  );
}

function AuditLog() {
  // "" is the first page: a resource does not fetch for an undefined source.
  const [before, setBefore] = createSignal("");
  const [events, setEvents] = createSignal<AuditEvent[]>([]);
  const [more, setMore] = createSignal(true);
  // Not a router query: the pages pile up, and none is read again.
  const [page, { refetch }] = createResource(before, async (cursor) => {
    const shown = events().length;
    const found = await getAuditPage(cursor || undefined);
    setEvents([...events(), ...found]);
    setMore(found.length === 100);
    // The button that asked is gone meanwhile: the focus goes to the first event added.
    if (cursor) queueMicrotask(() => (list?.children[shown] as HTMLElement | undefined)?.focus());
    return found;
  });
  let list: HTMLOListElement | undefined;

  return (
    <>
      <Show
        when={events().length > 0}
        fallback={<Show when={!page.loading && !page.error}>{<p>Aucune modification enregistrée.</p>}</Show>}
      >
        <ol
          class="directory-rows"
          ref={(element) => {
            list = element;
          }}
        >
          <For each={events()}>
            {(event) => (
              <li class="directory-row" tabindex="-1">
                <p class="directory-row__title">{describe(event)}</p>
                <p class="directory-row__text">
                  {moment.format(new Date(event.at))}, par{" "}
                  {event.actor ? `${event.actor.firstName} ${event.actor.lastName}` : "un compte supprimé"}
                  <Show when={changedFields(event)}>
                    {(fields) => (
                      <>
                        <br />
                        Champs&nbsp;: {fields()}
                      </>
                    )}
                  </Show>
                </p>
              </li>
            )}
          </For>
        </ol>
      </Show>
      <Show when={page.loading}>
        <Loading>Chargement du journal…</Loading>
      </Show>
      <Show when={page.error}>
        <ErrorNotice
          title="Le journal n'a pas pu être chargé."
          message={describeError(page.error)}
          onRetry={() => void refetch()}
        />
      </Show>
      <Show when={more() && !page.loading && events().length > 0}>
        <Button variant="secondary" onClick={() => setBefore(events().at(-1)?.at ?? "")}>
          Plus anciens
        </Button>
      </Show>
    </>
  );
}
