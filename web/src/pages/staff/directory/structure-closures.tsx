import { useAction } from "@solidjs/router";
import { createSignal, For, Show } from "solid-js";
import { IdOptions, SelectField, TextField } from "../../../components/fields.tsx";
import { capitalize, du } from "../../../lib/french.ts";
import { createClosure } from "../availability/availability-api.ts";
import { bookedWords } from "../availability/availability-words.ts";
import { BookedChoice, useBookedChoice } from "../availability/booked-choice.tsx";
import { ToldPeople } from "../availability/told-people.tsx";
import { deleteClosure, type StructureDetail } from "./admin-api.ts";
import { AdminForm, createAdminForm, createSuccess, optional, SuccessNotice } from "./admin-form.tsx";
import { ConfirmButton } from "./confirm-button.tsx";
import { FIELD_NAMES } from "./directory-words.ts";

type Closure = StructureDetail["closures"][number];

/** The « Fermetures » tab: days when the structure, or one of its sites, receives nobody (both dates included). */
export function StructureClosures(props: { structure: StructureDetail; regional: boolean }) {
  const success = createSuccess();
  const remove = useAction(deleteClosure);
  const where = (closure: Closure) =>
    props.structure.sites.find((site) => site.id === closure.siteId)?.name ?? "Toute la structure";
  const when = (closure: Closure) => du(closure.startDate, closure.endDate);

  return (
    <BookedChoice>
      <SuccessNotice said={success.said()} />
      <ToldPeople level={3} />
      <Show when={props.structure.closures.length > 0} fallback={<p>Aucune fermeture enregistrée.</p>}>
        <ul class="directory-rows">
          <For each={props.structure.closures}>
            {(closure) => (
              <li class="directory-row">
                <h3 class="directory-row__title">{capitalize(when(closure))}</h3>
                <p class="directory-row__text">
                  {where(closure)}
                  <Show when={closure.reason}>
                    <br />
                    Motif&nbsp;: {closure.reason}
                  </Show>
                </p>
                <ConfirmButton
                  label={
                    <>
                      Supprimer<span class="visually-hidden">&nbsp;la fermeture {when(closure)}</span>
                    </>
                  }
                  title="Supprimer cette fermeture ?"
                  confirm="Supprimer la fermeture"
                  onConfirm={() => remove(closure.id)}
                  onDone={() => success.say(`La fermeture ${when(closure)} est supprimée.`)}
                >
                  {where(closure)}, {when(closure)}&nbsp;: ces jours redeviennent ouverts à la réservation.
                </ConfirmButton>
              </li>
            )}
          </For>
        </ul>
      </Show>
      <section class="staff__section" aria-labelledby="new-closure-title">
        <h3 id="new-closure-title">Ajouter une fermeture</h3>
        <ClosureForm structure={props.structure} onDone={success.say} />
      </section>
    </BookedChoice>
  );
}

type Field = "siteId" | "startDate" | "endDate" | "reason";
const IDS: Record<Field, string> = {
  siteId: "fermeture-lieu",
  startDate: "fermeture-debut",
  endDate: "fermeture-fin",
  reason: "fermeture-motif",
};

function ClosureForm(props: { structure: StructureDetail; onDone: (text: string) => void }) {
  const settle = useBookedChoice();
  const create = useAction(createClosure);
  const form = createAdminForm(IDS, FIELD_NAMES.Closure);
  const [siteId, setSiteId] = createSignal("");
  const [startDate, setStartDate] = createSignal("");
  const [endDate, setEndDate] = createSignal("");
  const [reason, setReason] = createSignal("");

  async function submit() {
    const start = startDate();
    // A single day: the end may be left empty.
    const end = endDate() || start;
    const changed = await form.run(
      {
        startDate: start ? undefined : "Saisissez le premier jour de fermeture.",
        endDate: !start || end >= start ? undefined : "Le dernier jour ne peut précéder le premier.",
      },
      // Meetings booked those days: the dialog asks whether to keep them or cancel them.
      () =>
        settle((onBooked) =>
          create(
            props.structure.id,
            { siteId: siteId() || null, startDate: start, endDate: end, reason: optional(reason()) },
            onBooked,
          ),
        ),
    );
    if (changed === undefined) return;
    props.onDone(`La fermeture ${du(start, end)} est enregistrée.${bookedWords(changed)}`);
    setSiteId("");
    setStartDate("");
    setEndDate("");
    setReason("");
  }

  return (
    <AdminForm form={form} label="Ajouter une fermeture" submit="Ajouter la fermeture" onSubmit={submit}>
      <SelectField
        id={IDS.siteId}
        label="Lieu fermé"
        value={siteId()}
        onChange={(event) => setSiteId(event.currentTarget.value)}
        error={form.errors().siteId}
      >
        <option value="" selected={siteId() === ""}>
          Toute la structure
        </option>
        <IdOptions each={props.structure.sites} selected={siteId()} label={(site) => site.name} />
      </SelectField>
      <div class="directory-grid">
        <TextField
          id={IDS.startDate}
          label="Premier jour"
          type="date"
          value={startDate()}
          onInput={(event) => setStartDate(event.currentTarget.value)}
          error={form.errors().startDate}
        />
        <TextField
          id={IDS.endDate}
          label="Dernier jour (inclus)"
          hint="Vide pour une fermeture d'un jour."
          type="date"
          value={endDate()}
          onInput={(event) => setEndDate(event.currentTarget.value)}
          error={form.errors().endDate}
        />
      </div>
      <TextField
        id={IDS.reason}
        label="Motif (facultatif)"
        hint="Par exemple « Pont de l'Ascension »."
        maxlength={200}
        value={reason()}
        onInput={(event) => setReason(event.currentTarget.value)}
        error={form.errors().reason}
      />
    </AdminForm>
  );
}
