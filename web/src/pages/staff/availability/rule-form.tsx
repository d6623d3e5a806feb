import { useAction } from "@solidjs/router";
import { createSignal, createUniqueId, For, Show } from "solid-js";
import { CheckboxField, ChoicesField, IdOptions, SelectField, TextField } from "../../../components/fields.tsx";
import type { Mode } from "../../../lib/api.ts";
import { formatDayWithYear, parisDate } from "../../../lib/dates.ts";
import { capitalize } from "../../../lib/french.ts";
import { AdminForm, createAdminForm } from "../directory/admin-form.tsx";
import { type Availability, type AvailabilityRule, createRule, type RuleInput, updateRule } from "./availability-api.ts";
import { bookedWords, MODE_WORDS, modesFor, WEEKDAYS, weekdayOf } from "./availability-words.ts";
import { useBookedChoice } from "./booked-choice.tsx";

type Field =
  | "siteId"
  | "modes"
  | "weekdays"
  | "startTime"
  | "endTime"
  | "offeringIds"
  | "everyWeeks"
  | "validFrom"
  | "validUntil"
  | "onHolidays";

/** The API's fields as the form labels them, for the error summary. */
const NAMES: Record<Field, string> = {
  siteId: "Lieu",
  modes: "Modalités",
  weekdays: "Jours",
  startTime: "Début",
  endTime: "Fin",
  offeringIds: "Services",
  everyWeeks: "Rythme",
  validFrom: "Premier jour",
  validUntil: "Dernier jour",
  onHolidays: "Jours fériés",
};

const RHYTHMS = [1, 2, 3, 4, 5, 6, 7, 8].map((n) => ({
  value: String(n),
  label: n === 1 ? "Chaque semaine" : `Toutes les ${n} semaines`,
}));

/**
 * A weekly range (plage) to add or, given `rule`, to change; with `single`, one date added
 * (a range of one day: it starts and ends that day). A change that leaves booked meetings
 * outside asks first what to do with them.
 */
export function RuleForm(props: {
  availability: Availability;
  target: { advisorId: string; structureId: string };
  rule?: AvailabilityRule | undefined;
  single?: boolean;
  onDone: (text: string) => void;
  onCancel?: () => void;
}) {
  const settle = useBookedChoice();
  const create = useAction(createRule);
  const update = useAction(updateRule);
  const prefix = `plage-${createUniqueId()}`;
  const id = (name: string) => `${prefix}-${name}`;
  // A single date has one date field: the errors of the range's days and validity are said there.
  // The summary lists the errors in the order of these keys, which is the fields' order on
  // screen; a single date's field comes first (a key keeps the place where it first appears).
  const IDS: Record<Field, string> = {
    ...(props.single ? { validFrom: id("date"), validUntil: id("date") } : {}),
    weekdays: props.single ? id("date") : id("jours"),
    startTime: id("debut"),
    endTime: id("fin"),
    siteId: id("lieu"),
    modes: id("modalites"),
    offeringIds: id("services"),
    everyWeeks: id("rythme"),
    validFrom: props.single ? id("date") : id("valable-du"),
    validUntil: props.single ? id("date") : id("valable-au"),
    onHolidays: id("feries"),
  };
  const form = createAdminForm(IDS, NAMES);
  const rule = props.rule;
  const [siteId, setSiteId] = createSignal(rule ? (rule.siteId ?? "") : (props.availability.sites[0]?.id ?? ""));
  const [modes, setModes] = createSignal<Mode[]>(rule?.modes ?? (props.availability.sites.length > 0 ? ["onsite"] : ["phone"]));
  const [weekdays, setWeekdays] = createSignal<string[]>(rule?.weekdays.map(String) ?? []);
  const [date, setDate] = createSignal("");
  const [startTime, setStartTime] = createSignal(rule?.startTime ?? "");
  const [endTime, setEndTime] = createSignal(rule?.endTime ?? "");
  const [offeringIds, setOfferingIds] = createSignal<string[]>(
    rule?.offeringIds ?? (props.availability.offerings.length === 1 ? props.availability.offerings.map((o) => o.id) : []),
  );
  const [everyWeeks, setEveryWeeks] = createSignal(String(rule?.everyWeeks ?? 1));
  // A new range starts today unless said otherwise.
  const [validFrom, setValidFrom] = createSignal(rule?.validFrom ?? parisDate(new Date()));
  const [validUntil, setValidUntil] = createSignal(rule?.validUntil ?? "");
  const [onHolidays, setOnHolidays] = createSignal(rule?.onHolidays ?? false);

  const remote = () => siteId() === "";
  const modeOptions = () => modesFor(remote()).map((mode) => ({ value: mode, label: capitalize(MODE_WORDS[mode]) }));
  const offeringOptions = () =>
    props.availability.offerings.map((offering) => ({ value: offering.id, label: offering.service.name }));

  function choosePlace(next: string) {
    setSiteId(next);
    // A remote range receives nobody on site.
    if (next === "") setModes(modes().filter((mode) => mode !== "onsite"));
  }

  function reset() {
    setWeekdays([]);
    setDate("");
    setStartTime("");
    setEndTime("");
    setValidFrom(parisDate(new Date()));
    setValidUntil("");
  }

  async function submit() {
    const from = props.single ? date() : validFrom();
    const until = props.single ? date() : validUntil();
    const found = {
      modes: modes().length > 0 ? undefined : "Cochez au moins une modalité.",
      weekdays: props.single || weekdays().length > 0 ? undefined : "Cochez au moins un jour de la semaine.",
      validFrom: from ? undefined : props.single ? "Saisissez la date ajoutée." : "Saisissez le premier jour de la plage.",
      startTime: startTime() ? undefined : "Saisissez l'heure de début.",
      endTime: !endTime()
        ? "Saisissez l'heure de fin."
        : startTime() && endTime() <= startTime()
          ? "L'heure de fin doit suivre l'heure de début."
          : undefined,
      offeringIds: offeringIds().length > 0 ? undefined : "Cochez au moins un service.",
      validUntil: props.single || !until || !from || until >= from ? undefined : "Le dernier jour ne peut précéder le premier.",
    };
    const fields: Omit<RuleInput, "advisorId" | "structureId"> = {
      siteId: siteId() || null,
      modes: modes(),
      weekdays: props.single
        ? from
          ? [weekdayOf(from)]
          : []
        : weekdays()
            .map(Number)
            .sort((a, b) => a - b),
      startTime: startTime(),
      endTime: endTime(),
      validFrom: from,
      validUntil: until || null,
      everyWeeks: props.single ? 1 : Number(everyWeeks()),
      // A date added is open even on a public holiday: someone chose that very day.
      onHolidays: props.single ? true : onHolidays(),
      offeringIds: offeringIds(),
    };
    const existing = rule;
    const changed = await form.run(found, () =>
      settle((onBooked) => (existing ? update(existing.id, fields, onBooked) : create({ ...props.target, ...fields }, onBooked))),
    );
    if (!changed) return;
    const what = props.single
      ? `La date du ${formatDayWithYear(from)} est ajoutée.`
      : existing
        ? "La plage est modifiée."
        : "La plage est ajoutée.";
    props.onDone(`${what}${bookedWords(changed)}`);
    if (!existing) reset();
  }

  const label = () => (props.single ? "Ajouter une date" : rule ? "Modifier la plage" : "Ajouter une plage");

  return (
    <AdminForm
      form={form}
      label={label()}
      submit={props.single ? "Ajouter la date" : rule ? "Enregistrer la plage" : "Ajouter la plage"}
      onSubmit={submit}
      onCancel={props.onCancel}
    >
      <Show
        when={props.single}
        fallback={
          <div class="availability__short-choices">
            <ChoicesField
              id={IDS.weekdays}
              legend="Jours de la semaine"
              type="checkbox"
              options={WEEKDAYS}
              selected={weekdays()}
              onChange={setWeekdays}
              error={form.errors().weekdays}
            />
          </div>
        }
      >
        <TextField
          id={id("date")}
          label="Date"
          type="date"
          value={date()}
          onInput={(event) => setDate(event.currentTarget.value)}
          error={form.errors().validFrom ?? form.errors().weekdays}
        />
      </Show>
      <div class="directory-grid">
        <TextField
          id={IDS.startTime}
          label="Début"
          hint="Heure, par exemple 09:00."
          type="time"
          value={startTime()}
          onInput={(event) => setStartTime(event.currentTarget.value)}
          error={form.errors().startTime}
        />
        <TextField
          id={IDS.endTime}
          label="Fin"
          hint="Heure, par exemple 12:00."
          type="time"
          value={endTime()}
          onInput={(event) => setEndTime(event.currentTarget.value)}
          error={form.errors().endTime}
        />
      </div>
      <SelectField
        id={IDS.siteId}
        label="Lieu"
        hint="« À distance » : par téléphone ou en visio seulement."
        value={siteId()}
        onChange={(event) => choosePlace(event.currentTarget.value)}
        error={form.errors().siteId}
      >
        <IdOptions each={props.availability.sites} selected={siteId()} label={(site) => site.name} />
        <option value="" selected={siteId() === ""}>
          À distance
        </option>
      </SelectField>
      <div class="availability__short-choices">
        <ChoicesField
          id={IDS.modes}
          legend="Modalités"
          type="checkbox"
          options={modeOptions()}
          selected={modes()}
          onChange={setModes}
          error={form.errors().modes}
        />
      </div>
      <ChoicesField
        id={IDS.offeringIds}
        legend="Services ouverts sur ces heures"
        type="checkbox"
        options={offeringOptions()}
        selected={offeringIds()}
        onChange={setOfferingIds}
        error={form.errors().offeringIds}
      />
      <Show when={!props.single}>
        <SelectField
          id={IDS.everyWeeks}
          label="Rythme"
          hint="Les semaines se comptent à partir du premier jour."
          value={everyWeeks()}
          onChange={(event) => setEveryWeeks(event.currentTarget.value)}
          error={form.errors().everyWeeks}
        >
          <For each={RHYTHMS}>
            {(rhythm) => (
              <option value={rhythm.value} selected={rhythm.value === everyWeeks()}>
                {rhythm.label}
              </option>
            )}
          </For>
        </SelectField>
        <div class="directory-grid">
          <TextField
            id={IDS.validFrom}
            label="Premier jour"
            type="date"
            value={validFrom()}
            onInput={(event) => setValidFrom(event.currentTarget.value)}
            error={form.errors().validFrom}
          />
          <TextField
            id={IDS.validUntil}
            label="Dernier jour (facultatif)"
            hint="Vide : sans fin prévue."
            type="date"
            value={validUntil()}
            onInput={(event) => setValidUntil(event.currentTarget.value)}
            error={form.errors().validUntil}
          />
        </div>
        <CheckboxField
          id={IDS.onHolidays}
          label="Ouvert aussi les jours fériés"
          checked={onHolidays()}
          onChange={(event) => setOnHolidays(event.currentTarget.checked)}
          error={form.errors().onHolidays}
        />
      </Show>
    </AdminForm>
  );
}
