import { useAction } from "@solidjs/router";
import { createSignal, createUniqueId, Show } from "solid-js";
import { TextField } from "../../../components/fields.tsx";
import { formatDayWithYear } from "../../../lib/dates.ts";
import { AdminForm, createAdminForm, optional } from "../directory/admin-form.tsx";
import { createAbsence } from "./availability-api.ts";
import { absenceSpan, absenceWhen, bookedWords } from "./availability-words.ts";
import { useBookedChoice } from "./booked-choice.tsx";

type Field = "start" | "end" | "reason";

/**
 * An absence: part of a day or several days (empty times: whole days); with `wholeDay`, one
 * date taken off (a whole-day absence). Booked meetings it would leave outside are asked about first.
 */
export function AbsenceForm(props: {
  target: { advisorId: string; structureId: string };
  wholeDay?: boolean;
  onDone: (text: string) => void;
}) {
  const settle = useBookedChoice();
  const create = useAction(createAbsence);
  const prefix = `absence-${createUniqueId()}`;
  const IDS: Record<Field, string> = {
    start: `${prefix}-debut`,
    end: props.wholeDay ? `${prefix}-debut` : `${prefix}-fin`,
    reason: `${prefix}-motif`,
  };
  const form = createAdminForm(IDS, { start: "Début", end: "Fin", reason: "Motif" });
  const [startDate, setStartDate] = createSignal("");
  const [startTime, setStartTime] = createSignal("");
  const [endDate, setEndDate] = createSignal("");
  const [endTime, setEndTime] = createSignal("");
  const [reason, setReason] = createSignal("");

  async function submit() {
    // Without a first day there is no span to compute (its end would be a day after nothing).
    const span = !startDate()
      ? undefined
      : props.wholeDay
        ? absenceSpan({ startDate: startDate(), startTime: "", endDate: "", endTime: "" })
        : absenceSpan({ startDate: startDate(), startTime: startTime(), endDate: endDate(), endTime: endTime() });
    const found = {
      start: span ? undefined : props.wholeDay ? "Saisissez la date retirée." : "Saisissez le premier jour de l'absence.",
      end: !span || span.end > span.start ? undefined : "La fin de l'absence doit suivre son début.",
    };
    if (!span) {
      form.refuse(found);
      return;
    }
    const changed = await form.run(found, () =>
      settle((onBooked) => create({ ...props.target, ...span, reason: optional(reason()) }, onBooked)),
    );
    if (!changed) return;
    props.onDone(
      props.wholeDay
        ? `Le ${formatDayWithYear(startDate())} est retiré des disponibilités.${bookedWords(changed)}`
        : `Absence enregistrée : ${absenceWhen(span)}.${bookedWords(changed)}`,
    );
    for (const clear of [setStartDate, setStartTime, setEndDate, setEndTime, setReason]) clear("");
  }

  return (
    <AdminForm
      form={form}
      label={props.wholeDay ? "Retirer une date" : "Déclarer une absence"}
      submit={props.wholeDay ? "Retirer la date" : "Enregistrer l'absence"}
      onSubmit={submit}
    >
      <Show
        when={!props.wholeDay}
        fallback={
          <TextField
            id={IDS.start}
            label="Date retirée"
            type="date"
            value={startDate()}
            onInput={(event) => setStartDate(event.currentTarget.value)}
            error={form.errors().start ?? form.errors().end}
          />
        }
      >
        <p class="field__hint">Sans heures, l'absence couvre des journées entières.</p>
        <div class="directory-grid">
          <TextField
            id={IDS.start}
            label="Premier jour"
            type="date"
            value={startDate()}
            onInput={(event) => setStartDate(event.currentTarget.value)}
            error={form.errors().start}
          />
          <TextField
            id={`${prefix}-heure-debut`}
            label="À partir de (facultatif)"
            hint="Heure, par exemple 14:00."
            type="time"
            value={startTime()}
            onInput={(event) => setStartTime(event.currentTarget.value)}
          />
        </div>
        <div class="directory-grid">
          <TextField
            id={IDS.end}
            label="Dernier jour (facultatif)"
            hint="Vide : le même jour."
            type="date"
            value={endDate()}
            onInput={(event) => setEndDate(event.currentTarget.value)}
            error={form.errors().end}
          />
          <TextField
            id={`${prefix}-heure-fin`}
            label="Jusqu'à (facultatif)"
            hint="Heure, par exemple 17:00."
            type="time"
            value={endTime()}
            onInput={(event) => setEndTime(event.currentTarget.value)}
          />
        </div>
      </Show>
      <TextField
        id={IDS.reason}
        label="Motif (facultatif)"
        hint="Par exemple « Formation »."
        maxlength={200}
        value={reason()}
        onInput={(event) => setReason(event.currentTarget.value)}
        error={form.errors().reason}
      />
    </AdminForm>
  );
}
