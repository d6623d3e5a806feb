import { createAsync, useAction } from "@solidjs/router";
import { createMemo, createSignal, For, Show } from "solid-js";
import { CheckboxField, ChoicesField, IdOptions, SelectField, TextAreaField, TextField } from "../../../components/fields.tsx";
import { Loadable, Notice } from "../../../components/notice.tsx";
import { getServices } from "../../../lib/api.ts";
import { capitalize } from "../../../lib/french.ts";
import { type AdminOffering, createOffering, type OfferingInput, type StructureDetail, updateOffering } from "./admin-api.ts";
import { AdminForm, createAdminForm, createSuccess, type FieldErrors, SuccessNotice, whole } from "./admin-form.tsx";
import {
  BOOKABLE_BY,
  bookableByOptions,
  duration,
  FIELD_NAMES,
  modeOptions,
  SITUATIONS,
  situationOptions,
} from "./directory-words.ts";
import { RowEditor } from "./row-editor.tsx";

/** The « Offres » tab: the services the structure offers, each with its booking settings. */
export function StructureOfferings(props: { structure: StructureDetail; regional: boolean }) {
  const success = createSuccess();
  return (
    <>
      <SuccessNotice said={success.said()} />
      <Show when={props.structure.offerings.length > 0} fallback={<p>Aucune offre pour le moment.</p>}>
        <ul class="directory-rows">
          <For each={props.structure.offerings}>
            {(offering) => (
              <li class="directory-row">
                <h3 class="directory-row__title">
                  {offering.service.name}
                  <Show when={!offering.active}>
                    {" "}
                    <span class="directory-tag">suspendue</span>
                  </Show>
                </h3>
                <OfferingSummary offering={offering} />
                <RowEditor label="Modifier l'offre" name={offering.service.name} onDone={success.say}>
                  {(editing) => <OfferingForm structure={props.structure} offering={offering} {...editing} />}
                </RowEditor>
              </li>
            )}
          </For>
        </ul>
      </Show>
      <section class="staff__section" aria-labelledby="new-offering-title">
        <h3 id="new-offering-title">Ajouter une offre</h3>
        <Loadable loading="Chargement des services…" failure="Les services n'ont pas pu être chargés." queryKey={getServices.key}>
          <OfferingForm structure={props.structure} onDone={success.say} />
        </Loadable>
      </section>
    </>
  );
}

function OfferingSummary(props: { offering: AdminOffering }) {
  const o = () => props.offering;
  const ages = () => {
    const { minAge, maxAge } = o();
    if (minAge != null && maxAge != null) return `de ${minAge} à ${maxAge} ans`;
    if (minAge != null) return `à partir de ${minAge} ans`;
    if (maxAge != null) return `jusqu'à ${maxAge} ans`;
    return "tous âges";
  };
  return (
    <dl class="directory-facts">
      <dt>Durée</dt>
      <dd>
        {duration(o().durationMinutes)}
        {o().bufferMinutes > 0 ? `, puis ${duration(o().bufferMinutes)} de battement` : ""}
      </dd>
      <dt>Modalités</dt>
      <dd>
        {modeOptions
          .filter((option) => o().modes.includes(option.value))
          .map((option) => option.label)
          .join(", ")}
      </dd>
      <dt>Qui peut réserver</dt>
      <dd>{BOOKABLE_BY[o().bookableBy]}</dd>
      <dt>Délais</dt>
      <dd>
        Au moins {duration(o().minNoticeMinutes)} avant, jusqu'à {o().horizonDays} jours à l'avance
      </dd>
      <dt>Public</dt>
      <dd>
        {capitalize(ages())}
        {o().situations.length > 0
          ? ` ; ${o()
              .situations.map((s) => SITUATIONS[s])
              .join(", ")}`
          : ""}
      </dd>
      <dt>Places</dt>
      <dd>{o().seats === 1 ? "1 (entretien individuel)" : `${o().seats} (séance collective)`}</dd>
      <dt>Rappels</dt>
      <dd>
        {o().reminderPlan.length > 0
          ? [...o().reminderPlan]
              .sort((a, b) => a - b)
              .map((m) => `${duration(m)} avant`)
              .join(", ")
          : "Aucun"}
      </dd>
    </dl>
  );
}

/** The units a notice is typed in, largest first: the form shows a notice in the largest that divides it. */
const NOTICE_UNITS = [
  { value: "1440", label: "jours" },
  { value: "60", label: "heures" },
  { value: "1", label: "minutes" },
] as const;
type NoticeUnit = (typeof NOTICE_UNITS)[number]["value"];
const noticeUnitOf = (minutes: number): NoticeUnit =>
  NOTICE_UNITS.find((unit) => minutes % Number(unit.value) === 0)?.value ?? "1";

/** The usual reminders; an offering's own other values are offered too. */
const REMINDERS = [60, 120, 1440, 2880, 10080];

type Field =
  | "serviceId"
  | "durationMinutes"
  | "bufferMinutes"
  | "modes"
  | "minNoticeMinutes"
  | "horizonDays"
  | "bookableBy"
  | "minAge"
  | "maxAge"
  | "situations"
  | "seats"
  | "reminderPlan"
  | "instructions"
  | "active";

const numberText = (value: number | null | undefined) => (value == null ? "" : String(value));

/** What the add form opens with, and comes back to once an offering is added. */
const NEW_OFFERING = {
  durationMinutes: 45,
  bufferMinutes: 0,
  modes: ["onsite"],
  minNoticeMinutes: 1440,
  horizonDays: 60,
  bookableBy: "public",
  situations: [],
  seats: 1,
  reminderPlan: [1440],
} as const satisfies Partial<AdminOffering>;

/** Adds an offering (choosing its service), or edits `offering`'s settings. */
function OfferingForm(props: {
  structure: StructureDetail;
  offering?: AdminOffering;
  onDone: (text: string) => void;
  onCancel?: () => void;
}) {
  const offering = props.offering;
  const prefix = offering ? `offre-${offering.id}` : "nouvelle-offre";
  const ids = Object.fromEntries(
    (
      [
        "serviceId",
        "durationMinutes",
        "bufferMinutes",
        "modes",
        "minNoticeMinutes",
        "horizonDays",
        "bookableBy",
        "minAge",
        "maxAge",
        "situations",
        "seats",
        "reminderPlan",
        "instructions",
        "active",
      ] as const
    ).map((field) => [field, `${prefix}-${field}`]),
  ) as Record<Field, string>;
  const create = useAction(createOffering);
  const update = useAction(updateOffering);
  const form = createAdminForm(ids, FIELD_NAMES.Offering);
  const services = createAsync(() => (offering ? Promise.resolve([]) : getServices()));
  const available = createMemo(() =>
    (services() ?? []).filter((service) => !props.structure.offerings.some((o) => o.service.id === service.id)),
  );

  const [serviceId, setServiceId] = createSignal("");
  const [durationMinutes, setDuration] = createSignal(numberText(offering?.durationMinutes ?? NEW_OFFERING.durationMinutes));
  const [bufferMinutes, setBuffer] = createSignal(numberText(offering?.bufferMinutes ?? NEW_OFFERING.bufferMinutes));
  const [modes, setModes] = createSignal<AdminOffering["modes"]>(offering?.modes ?? NEW_OFFERING.modes);
  const initialNotice = offering?.minNoticeMinutes ?? NEW_OFFERING.minNoticeMinutes;
  const [noticeUnit, setNoticeUnit] = createSignal<NoticeUnit>(noticeUnitOf(initialNotice));
  const [minNotice, setMinNotice] = createSignal(numberText(initialNotice / Number(noticeUnitOf(initialNotice))));
  const [horizonDays, setHorizon] = createSignal(numberText(offering?.horizonDays ?? NEW_OFFERING.horizonDays));
  const [bookableBy, setBookableBy] = createSignal<AdminOffering["bookableBy"]>(offering?.bookableBy ?? NEW_OFFERING.bookableBy);
  const [minAge, setMinAge] = createSignal(numberText(offering?.minAge));
  const [maxAge, setMaxAge] = createSignal(numberText(offering?.maxAge));
  const [situations, setSituations] = createSignal<AdminOffering["situations"]>(offering?.situations ?? NEW_OFFERING.situations);
  const [seats, setSeats] = createSignal(numberText(offering?.seats ?? NEW_OFFERING.seats));
  const [reminders, setReminders] = createSignal<string[]>((offering?.reminderPlan ?? NEW_OFFERING.reminderPlan).map(String));
  const [instructions, setInstructions] = createSignal(offering?.instructions ?? "");
  const [active, setActive] = createSignal(offering?.active ?? true);
  const reminderOptions = createMemo(() =>
    [...new Set([...REMINDERS, ...(offering?.reminderPlan ?? [])])]
      .sort((a, b) => a - b)
      .map((minutes) => ({ value: String(minutes), label: `${duration(minutes)} avant` })),
  );

  /** The add form once an offering is added: empty again, with the defaults it opened with. */
  function startOver() {
    const fresh = NEW_OFFERING;
    setServiceId("");
    setDuration(numberText(fresh.durationMinutes));
    setBuffer(numberText(fresh.bufferMinutes));
    setModes(fresh.modes);
    setNoticeUnit(noticeUnitOf(fresh.minNoticeMinutes));
    setMinNotice(numberText(fresh.minNoticeMinutes / Number(noticeUnitOf(fresh.minNoticeMinutes))));
    setHorizon(numberText(fresh.horizonDays));
    setBookableBy(fresh.bookableBy);
    setMinAge("");
    setMaxAge("");
    setSituations(fresh.situations);
    setSeats(numberText(fresh.seats));
    setReminders(fresh.reminderPlan.map(String));
    setInstructions("");
    setActive(true);
  }

  async function submit() {
    const found: FieldErrors<Field> = {};
    const number = (field: Field, text: string, what: string) => {
      const value = whole(text);
      if (Number.isNaN(value)) found[field] = `Saisissez ${what} en chiffres.`;
      return value;
    };
    // An age left empty means no limit.
    const age = (field: "minAge" | "maxAge", text: string, what: string) => (text.trim() ? number(field, text, what) : null);
    const settings: Omit<OfferingInput, "serviceId"> = {
      durationMinutes: number("durationMinutes", durationMinutes(), "la durée"),
      bufferMinutes: number("bufferMinutes", bufferMinutes(), "le battement"),
      modes: modes(),
      // Typed in the unit chosen beside it; the API counts minutes.
      minNoticeMinutes: number("minNoticeMinutes", minNotice(), "le délai minimum") * Number(noticeUnit()),
      horizonDays: number("horizonDays", horizonDays(), "l'horizon"),
      bookableBy: bookableBy(),
      minAge: age("minAge", minAge(), "l'âge minimum"),
      maxAge: age("maxAge", maxAge(), "l'âge maximum"),
      situations: situations(),
      seats: number("seats", seats(), "le nombre de places"),
      reminderPlan: reminders().map(Number),
      instructions: instructions().trim(),
    };
    if (modes().length === 0) found.modes = "Choisissez au moins une modalité.";
    if (!offering && !serviceId()) found.serviceId = "Choisissez le service offert.";
    const service = offering?.service.name ?? available().find((s) => s.id === serviceId())?.name ?? "";
    const done = await form.run(found, () =>
      offering
        ? update(offering.id, { ...settings, active: active() })
        : create(props.structure.id, { ...settings, serviceId: serviceId() }),
    );
    if (done === undefined) return;
    if (!offering) startOver();
    props.onDone(offering ? `L'offre « ${service} » est enregistrée.` : `L'offre « ${service} » est ajoutée.`);
  }

  return (
    <AdminForm
      form={form}
      label={offering ? `Modifier l'offre ${offering.service.name}` : "Ajouter une offre"}
      submit={offering ? "Enregistrer l'offre" : "Ajouter l'offre"}
      onSubmit={submit}
      onCancel={props.onCancel}
    >
      <Show when={!offering && available().length === 0}>
        <Notice>
          <p>La structure offre déjà tous les services&nbsp;: modifiez une offre existante.</p>
        </Notice>
      </Show>
      <Show when={!offering}>
        <SelectField
          id={ids.serviceId}
          label="Service"
          value={serviceId()}
          onChange={(event) => setServiceId(event.currentTarget.value)}
          error={form.errors().serviceId}
        >
          <option value="">Choisissez un service</option>
          <IdOptions each={available()} selected={serviceId()} label={(service) => service.name} />
        </SelectField>
      </Show>
      <div class="directory-grid">
        <TextField
          id={ids.durationMinutes}
          label="Durée (minutes)"
          inputmode="numeric"
          value={durationMinutes()}
          onInput={(event) => setDuration(event.currentTarget.value)}
          error={form.errors().durationMinutes}
        />
        <TextField
          id={ids.bufferMinutes}
          label="Battement après (minutes)"
          inputmode="numeric"
          value={bufferMinutes()}
          onInput={(event) => setBuffer(event.currentTarget.value)}
          error={form.errors().bufferMinutes}
        />
        <TextField
          id={ids.minNoticeMinutes}
          label={FIELD_NAMES.Offering.minNoticeMinutes}
          hint="Le temps à laisser entre la réservation et le rendez-vous, dans l'unité choisie à côté."
          inputmode="numeric"
          value={minNotice()}
          onInput={(event) => setMinNotice(event.currentTarget.value)}
          error={form.errors().minNoticeMinutes}
        />
        <SelectField
          id={`${prefix}-minNoticeUnit`}
          label="Unité du délai minimum"
          value={noticeUnit()}
          onChange={(event) => setNoticeUnit(event.currentTarget.value as NoticeUnit)}
        >
          <For each={NOTICE_UNITS}>
            {(unit) => (
              <option value={unit.value} selected={unit.value === noticeUnit()}>
                {unit.label}
              </option>
            )}
          </For>
        </SelectField>
        <TextField
          id={ids.horizonDays}
          label="Réserver au plus (jours à l'avance)"
          inputmode="numeric"
          value={horizonDays()}
          onInput={(event) => setHorizon(event.currentTarget.value)}
          error={form.errors().horizonDays}
        />
      </div>
      <ChoicesField
        id={ids.modes}
        legend="Modalités"
        type="checkbox"
        options={modeOptions}
        selected={modes()}
        onChange={setModes}
        error={form.errors().modes}
      />
      <ChoicesField
        id={ids.bookableBy}
        legend="Qui peut réserver"
        type="radio"
        options={bookableByOptions}
        selected={[bookableBy()]}
        onChange={(chosen) => setBookableBy(chosen[0] ?? "public")}
        error={form.errors().bookableBy}
      />
      <div class="directory-grid">
        <TextField
          id={ids.minAge}
          label="Âge minimum (facultatif)"
          inputmode="numeric"
          value={minAge()}
          onInput={(event) => setMinAge(event.currentTarget.value)}
          error={form.errors().minAge}
        />
        <TextField
          id={ids.maxAge}
          label="Âge maximum (facultatif)"
          inputmode="numeric"
          value={maxAge()}
          onInput={(event) => setMaxAge(event.currentTarget.value)}
          error={form.errors().maxAge}
        />
        <TextField
          id={ids.seats}
          label="Places par créneau"
          hint="1 pour un entretien individuel."
          inputmode="numeric"
          value={seats()}
          onInput={(event) => setSeats(event.currentTarget.value)}
          error={form.errors().seats}
        />
      </div>
      <ChoicesField
        id={ids.situations}
        legend="Situations (facultatif)"
        hint="Aucune cochée : toutes les situations."
        type="checkbox"
        options={situationOptions}
        selected={situations()}
        onChange={setSituations}
        error={form.errors().situations}
      />
      <ChoicesField
        id={ids.reminderPlan}
        legend="Rappels envoyés à la personne"
        hint="Quatre au plus."
        type="checkbox"
        options={reminderOptions()}
        selected={reminders()}
        onChange={setReminders}
        error={form.errors().reminderPlan}
      />
      <TextAreaField
        id={ids.instructions}
        label="Consignes (facultatif)"
        hint="Ce que la personne doit apporter ou savoir : elles figurent dans la confirmation."
        rows={3}
        maxlength={1000}
        value={instructions()}
        onInput={(event) => setInstructions(event.currentTarget.value)}
        error={form.errors().instructions}
      />
      <Show when={offering}>
        <CheckboxField
          id={ids.active}
          label="Offre ouverte à la réservation"
          hint="Décochée, l'offre est suspendue : plus aucun créneau n'est proposé ; les rendez-vous pris restent."
          checked={active()}
          onChange={(event) => setActive(event.currentTarget.checked)}
          error={form.errors().active}
        />
      </Show>
    </AdminForm>
  );
}
