import { A } from "@solidjs/router";
import { createResource, createSignal, For, Show } from "solid-js";
import { Button } from "../../../components/button.tsx";
import { ErrorNotice, Loading } from "../../../components/notice.tsx";
import { describeError } from "../../../lib/api.ts";
import { formatParisInstant, type LocalDate } from "../../../lib/dates.ts";
import { du } from "../../../lib/french.ts";
import { type AuditEvent, getAuditPage } from "./admin-api.ts";
import { ACTIONS, authorOf } from "./audit-words.ts";
import { RegionPage } from "./directory-area.tsx";
import { FIELD_NAMES } from "./directory-words.ts";

function changedFields(event: AuditEvent): string | undefined {
  const fields = (event.details as { fields?: unknown } | null)?.fields;
  if (!Array.isArray(fields) || fields.length === 0) return undefined;
  const names: Partial<Record<string, string>> = FIELD_NAMES[event.entity as keyof typeof FIELD_NAMES] ?? {};
  return fields.map((field) => names[String(field)] ?? String(field)).join(", ");
}

/** A text setting's value: quoted, or « (vide) ». */
const quoted = (v: number | string) => (v === "" ? "(vide)" : `«\u00a0${v}\u00a0»`);

/** A setting's old and new value (server/db/audit.ts `change`), in words. */
const SETTINGS: Record<string, { name: string; value: (v: number | string) => string }> = {
  retentionMonths: { name: "Durée de conservation", value: (v) => `${v}\u00a0mois` },
  dpoContact: { name: "Contact du délégué à la protection des données", value: quoted },
  publisher: { name: "Éditeur du site", value: quoted },
  publicationDirector: { name: "Directeur ou directrice de la publication", value: quoted },
  host: { name: "Hébergeur", value: quoted },
  accessibilityContact: { name: "Contact pour l'accessibilité", value: quoted },
};

function change(event: AuditEvent): string | undefined {
  const found = (event.details as { change?: { field: string; from: number | string; to: number | string } } | null)?.change;
  if (!found) return undefined;
  const setting = SETTINGS[found.field] ?? { name: found.field, value: String };
  return `${setting.name}\u00a0: ${setting.value(found.from)} → ${setting.value(found.to)}`;
}

/** The days an export covered. */
function period(event: AuditEvent): string | undefined {
  const found = (event.details as { period?: { from: string; to: string } } | null)?.period;
  return found && `Période\u00a0: ${du(found.from as LocalDate, found.to as LocalDate)}`;
}

/** What the change was made to: the record's name today (none once it is gone), and its structure's. */
function subject(event: AuditEvent): string | undefined {
  const parts = [event.label, event.structure?.name].filter((part): part is string => Boolean(part));
  return parts.length > 0 ? [...new Set(parts)].join(" — ") : undefined;
}

/**
 * `/espace/annuaire/journal` (Région): who changed what in the directory, newest first. « Plus
 * anciens » asks for the events before the last one shown, and adds them below.
 */
export default function AuditPage() {
  return (
    <RegionPage title="Journal des modifications">
      <AuditLog />
    </RegionPage>
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
                <p class="directory-row__title">
                  {ACTIONS[event.action] ?? event.action}
                  <Show when={subject(event)}>{(what) => <>&nbsp;: {what()}</>}</Show>
                </p>
                <p class="directory-row__text">
                  Le {formatParisInstant(event.at)}, par {authorOf(event)}
                  <Show when={event.entity === "Person" && event.entityId}>
                    {(id) => (
                      <>
                        <br />
                        {/* The record, never the name: the log keeps no personal data. */}
                        Personne&nbsp;: <A href={`/espace/personnes/${id()}`}>fiche n°&nbsp;{id().slice(0, 8)}</A>
                      </>
                    )}
                  </Show>
                  <Show when={change(event) ?? period(event)}>
                    {(said) => (
                      <>
                        <br />
                        {said()}
                      </>
                    )}
                  </Show>
                  <Show when={!change(event) && changedFields(event)}>
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
