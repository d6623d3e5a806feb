import { A } from "@solidjs/router";
import { createResource, createSignal, For, Show } from "solid-js";
import { Button } from "../../../components/button.tsx";
import { IdOptions, SelectField, TextField } from "../../../components/fields.tsx";
import { ErrorNotice, Loading } from "../../../components/notice.tsx";
import { describeError } from "../../../lib/api.ts";
import { formatParisInstant, type LocalDate } from "../../../lib/dates.ts";
import { du } from "../../../lib/french.ts";
import { type AuditEvent, type AuditLogPage, type AuditQuery, getAuditPage } from "./admin-api.ts";
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
 * `/espace/annuaire/journal` (Région): who changed or opened what, newest first, filtered by
 * author, action and days. « Plus anciens » asks for the events before the last one shown, and
 * adds them below; « Filtrer » starts again from the newest.
 */
export default function AuditPage() {
  return (
    <RegionPage
      title="Journal des modifications"
      lead="Les modifications de l'annuaire, les rendez-vous pris par le personnel, et chaque consultation d'un rendez-vous ou de la fiche d'une personne."
    >
      <AuditLog />
    </RegionPage>
  );
}

interface Filter {
  actor: string;
  action: string;
  from: string;
  to: string;
}
const NO_FILTER: Filter = { actor: "", action: "", from: "", to: "" };

/** The query of a page: the filter's chosen fields only, and the cursor. */
function queryOf(filter: Filter, before: string): AuditQuery {
  return {
    ...(filter.actor && { actor: filter.actor }),
    ...(filter.action && { action: filter.action }),
    ...(filter.from && { from: filter.from }),
    ...(filter.to && { to: filter.to }),
    ...(before && { before }),
  };
}

function AuditLog() {
  // The filter applied and the page asked for; a new filter starts again from the newest.
  const [request, setRequest] = createSignal({ filter: NO_FILTER, before: "" });
  const [draft, setDraft] = createSignal<Filter>(NO_FILTER);
  const [events, setEvents] = createSignal<AuditEvent[]>([]);
  const [choices, setChoices] = createSignal<Pick<AuditLogPage, "actors" | "actions">>({ actors: [], actions: [] });
  const [more, setMore] = createSignal(true);
  // Not a router query: the pages pile up, and none is read again.
  const [page, { refetch }] = createResource(request, async ({ filter, before }) => {
    const shown = before ? events().length : 0;
    const found = await getAuditPage(queryOf(filter, before));
    setEvents([...(before ? events() : []), ...found.events]);
    setChoices({ actors: found.actors, actions: found.actions });
    setMore(found.events.length === 100);
    // The button that asked is gone meanwhile: the focus goes to the first event added.
    if (before) queueMicrotask(() => (list?.children[shown] as HTMLElement | undefined)?.focus());
    return found;
  });
  let list: HTMLOListElement | undefined;
  const backwards = () => Boolean(draft().from && draft().to && draft().to < draft().from);
  const set = (field: keyof Filter) => (event: { currentTarget: { value: string } }) =>
    setDraft({ ...draft(), [field]: event.currentTarget.value });

  return (
    <>
      <form
        class="staff-form audit-filter"
        aria-label="Filtrer le journal"
        onSubmit={(event) => {
          event.preventDefault();
          if (!backwards()) setRequest({ filter: draft(), before: "" });
        }}
      >
        <SelectField id="journal-auteur" label="Auteur" value={draft().actor} onChange={set("actor")}>
          <option value="">Tous les auteurs</option>
          <IdOptions each={choices().actors} selected={draft().actor} label={(a) => `${a.firstName} ${a.lastName}`} />
        </SelectField>
        <SelectField id="journal-action" label="Action" value={draft().action} onChange={set("action")}>
          <option value="">Toutes les actions</option>
          <For each={choices().actions}>
            {(action) => (
              <option value={action} selected={action === draft().action}>
                {ACTIONS[action] ?? action}
              </option>
            )}
          </For>
        </SelectField>
        <TextField id="journal-du" label="Du" type="date" value={draft().from} onInput={set("from")} />
        <TextField
          id="journal-au"
          label="Au (inclus)"
          type="date"
          value={draft().to}
          onInput={set("to")}
          error={backwards() ? "La date de fin précède la date de début." : undefined}
        />
        <p>
          <Button type="submit" variant="secondary">
            Filtrer
          </Button>
        </p>
      </form>
      <Show
        when={events().length > 0}
        fallback={
          <Show when={!page.loading && !page.error}>
            <p role="status">
              {request().filter === NO_FILTER ? "Aucune modification enregistrée." : "Aucun événement ne répond à ce filtre."}
            </p>
          </Show>
        }
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
                  <Show when={event.entity === "Appointment" && event.entityId}>
                    {(id) => (
                      <>
                        <br />
                        <A href={`/espace/rendez-vous/${id()}`}>Voir le rendez-vous</A>
                      </>
                    )}
                  </Show>
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
        <Button variant="secondary" onClick={() => setRequest({ filter: request().filter, before: events().at(-1)?.at ?? "" })}>
          Plus anciens
        </Button>
      </Show>
    </>
  );
}
