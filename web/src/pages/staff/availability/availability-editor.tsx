import { useAction } from "@solidjs/router";
import { createMemo, For, Show } from "solid-js";
import type { Outcome } from "../../../lib/api.ts";
import { capitalize } from "../../../lib/french.ts";
import { createSuccess, SuccessNotice } from "../directory/admin-form.tsx";
import { ConfirmButton } from "../directory/confirm-button.tsx";
import { RowEditor } from "../directory/row-editor.tsx";
import { AbsenceForm } from "./absence-form.tsx";
import { type Availability, type AvailabilityRule, type Changed, deleteAbsence, deleteRule } from "./availability-api.ts";
import { absenceWhen, bookedWords, describeRule, isSingleDate } from "./availability-words.ts";
import { BookedChoice, useBookedChoice } from "./booked-choice.tsx";
import { RuleForm } from "./rule-form.tsx";
import { ToldPeople } from "./told-people.tsx";

/** The three parts of an advisor's availability, each with its list and its forms; one success message for all. */
export function AvailabilityEditor(props: { availability: Availability; advisorId: string; structureId: string }) {
  const success = createSuccess();
  const ranges = createMemo(() => props.availability.rules.filter((rule) => !isSingleDate(rule)));
  const dates = createMemo(() => props.availability.rules.filter(isSingleDate));
  const target = () => ({ advisorId: props.advisorId, structureId: props.structureId });

  return (
    <BookedChoice>
      <SuccessNotice said={success.said()} />
      <ToldPeople level={2} />
      <section class="staff__section" aria-labelledby="plages-title">
        <h2 id="plages-title">Plages d'ouverture</h2>
        <p>Les heures où l'on peut prendre rendez-vous, chaque semaine (ou toutes les N semaines), pour les services cochés.</p>
        <Show when={ranges().length > 0} fallback={<p>Aucune plage d'ouverture.</p>}>
          <RuleRows rules={ranges()} availability={props.availability} onDone={success.say} target={target()} />
        </Show>
        <h3>Ajouter une plage</h3>
        <RuleForm availability={props.availability} target={target()} onDone={success.say} />
      </section>

      <section class="staff__section" aria-labelledby="dates-title">
        <h2 id="dates-title">Dates ajoutées</h2>
        <p>Des jours où l'on reçoit en plus des plages, une seule fois.</p>
        <Show when={dates().length > 0} fallback={<p>Aucune date ajoutée.</p>}>
          <RuleRows rules={dates()} availability={props.availability} onDone={success.say} target={target()} />
        </Show>
        <h3>Ajouter une date</h3>
        <RuleForm availability={props.availability} target={target()} single onDone={success.say} />
      </section>

      <section class="staff__section" aria-labelledby="absences-title">
        <h2 id="absences-title">Absences à venir</h2>
        <Show when={props.availability.absences.length > 0} fallback={<p>Aucune absence à venir.</p>}>
          <AbsenceRows absences={props.availability.absences} onDone={success.say} />
        </Show>
        <h3>Retirer une date</h3>
        <p>Une journée sans rendez-vous, quelles que soient les plages.</p>
        <AbsenceForm target={target()} wholeDay onDone={success.say} />
        <h3>Déclarer une absence</h3>
        <AbsenceForm target={target()} onDone={success.say} />
      </section>
    </BookedChoice>
  );
}

/**
 * A change made through the booked-meetings question, whose success message says what became
 * of them: for ConfirmButton, which only hears that it is done.
 */
function deciding(request: () => Promise<Outcome<Changed>>) {
  let changed: Changed | undefined;
  return {
    run: async () => {
      changed = undefined;
      const outcome = await request();
      if (outcome.kind === "done") changed = outcome.value;
      return outcome;
    },
    said: () => (changed ? bookedWords(changed) : ""),
  };
}

function RuleRows(props: {
  rules: AvailabilityRule[];
  availability: Availability;
  target: { advisorId: string; structureId: string };
  onDone: (text: string) => void;
}) {
  const settle = useBookedChoice();
  const remove = useAction(deleteRule);
  return (
    <ul class="directory-rows">
      <For each={props.rules}>
        {(rule) => {
          const words = createMemo(() => describeRule(rule, props.availability));
          const single = isSingleDate(rule);
          const removal = deciding(() => settle((onBooked) => remove(rule.id, onBooked)));
          return (
            <li class="directory-row">
              <h3 class="directory-row__title">{words().when}</h3>
              <p class="directory-row__text">{capitalize(words().details)}.</p>
              <Show when={!single}>
                <RowEditor label="Modifier" name={`la plage ${words().when}`} onDone={props.onDone}>
                  {(editing) => <RuleForm availability={props.availability} target={props.target} rule={rule} {...editing} />}
                </RowEditor>
              </Show>
              <div class="directory__actions">
                <ConfirmButton
                  label={
                    <>
                      Supprimer
                      <span class="visually-hidden">
                        &nbsp;{single ? "la date" : "la plage"} {words().when}
                      </span>
                    </>
                  }
                  title={single ? "Supprimer cette date ?" : "Supprimer cette plage ?"}
                  confirm={single ? "Supprimer la date" : "Supprimer la plage"}
                  onConfirm={removal.run}
                  onDone={() => props.onDone(`${single ? "La date" : "La plage"} est supprimée.${removal.said()}`)}
                >
                  {words().when}&nbsp;: ces heures ne seront plus ouvertes à la réservation. Si des rendez-vous y sont pris, il
                  vous sera demandé quoi en faire.
                </ConfirmButton>
              </div>
            </li>
          );
        }}
      </For>
    </ul>
  );
}

function AbsenceRows(props: { absences: Availability["absences"]; onDone: (text: string) => void }) {
  const settle = useBookedChoice();
  const remove = useAction(deleteAbsence);
  return (
    <ul class="directory-rows">
      <For each={props.absences}>
        {(absence) => {
          const when = absenceWhen(absence);
          return (
            <li class="directory-row">
              <h3 class="directory-row__title">{capitalize(when)}</h3>
              <Show when={absence.reason}>
                <p class="directory-row__text">Motif&nbsp;: {absence.reason}</p>
              </Show>
              <Show
                when={absence.removable}
                fallback={<p class="directory-row__text">Déclarée par une autre de ses structures.</p>}
              >
                <ConfirmButton
                  label={
                    <>
                      Supprimer<span class="visually-hidden">&nbsp;l'absence {when}</span>
                    </>
                  }
                  title="Supprimer cette absence ?"
                  confirm="Supprimer l'absence"
                  onConfirm={() => settle(() => remove(absence.id))}
                  onDone={() => props.onDone(`L'absence ${when} est supprimée : ces heures redeviennent ouvertes.`)}
                >
                  {capitalize(when)}&nbsp;: les plages de ces heures redeviennent ouvertes à la réservation.
                </ConfirmButton>
              </Show>
            </li>
          );
        }}
      </For>
    </ul>
  );
}
