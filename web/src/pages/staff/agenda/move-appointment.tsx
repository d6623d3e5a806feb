import { createAsync, useAction } from "@solidjs/router";
import { createSignal, Show, Suspense } from "solid-js";
import { Button } from "../../../components/button.tsx";
import { IdOptions, SelectField } from "../../../components/fields.tsx";
import { Loading, Notice } from "../../../components/notice.tsx";
import type { Outcome } from "../../../lib/api.ts";
import { formatMoment } from "../../../lib/dates.ts";
import { de } from "../../../lib/french.ts";
import { ConfirmButton } from "../directory/confirm-button.tsx";
import { useStaffUser } from "../staff-area.tsx";
import {
  type AppointmentDetail,
  type DeskSlot,
  getDeskSlots,
  getDeskStructure,
  type MovedAppointment,
  moveAppointment,
} from "./agenda-api.ts";
import { fullName, moveNotice } from "./agenda-words.ts";
import { SlotChoices, slotLabel } from "./slot-booking.tsx";

const IDS = { offering: "deplacer-service", advisor: "deplacer-conseiller", slotKey: "deplacer-creneau" };

/** « Claire Martin est prévenue… », « Claire Martin et Hugo Petit sont prévenus… »: the new advisor first. */
function advisorsTold(advisors: readonly { firstName: string; lastName: string }[]): string {
  const names = advisors.map(fullName);
  if (names.length === 0) return "";
  return names.length === 1
    ? `${names.join("")} est prévenu·e par courriel.`
    : `${names.join(" et ")} sont prévenu·es par courriel (l'un·e l'a désormais, l'autre ne l'a plus).`;
}

/**
 * The advisors a move to `slot` tells: who will have the meeting, and who had it if someone
 * else — never the one moving it, who knows.
 */
function advisorsOf(slot: DeskSlot, before: { id: string; firstName: string; lastName: string }, mover: string) {
  return (slot.advisor && slot.advisor.id !== before.id ? [slot.advisor, before] : [before]).filter((a) => a.id !== mover);
}

/**
 * « Déplacer »: a free slot of the same offering (any of its advisors and sites) or of another
 * offering of the structure, then a confirmation that says who will be told. The server moves
 * the meeting in place, with the same messages as a move by the person.
 */
export function MoveAppointment(props: { appointment: AppointmentDetail }) {
  const move = useAction(moveAppointment);
  const user = useStaffUser();
  const structure = createAsync(() => getDeskStructure(props.appointment.structure.id));
  const [open, setOpen] = createSignal(false);
  const [offering, setOffering] = createSignal(props.appointment.offering.id);
  const [advisor, setAdvisor] = createSignal("");
  const [slot, setSlot] = createSignal<DeskSlot>();
  const [moved, setMoved] = createSignal<MovedAppointment>();
  const [taken, setTaken] = createSignal<string>();

  async function confirm(): Promise<Outcome<unknown>> {
    const chosen = slot();
    if (!chosen) return { kind: "failed", message: "Choisissez un créneau.", disconnected: false };
    const result = await move(props.appointment.id, chosen.key);
    if (result.kind === "done") setMoved(result.value);
    if (result.kind === "taken") {
      // The list is loaded again without it: the choice goes, the reason stays on the page.
      setSlot(undefined);
      setTaken(result.message);
    }
    return result;
  }

  return (
    <section class="staff__section" aria-labelledby="move-title">
      <h2 id="move-title">Déplacer le rendez-vous</h2>
      <Show when={moved()}>
        {(done) => (
          <Notice>
            <p class="notice__title" role="status">
              Rendez-vous déplacé au {formatMoment(done().appointment.start)}.
            </p>
            <p>{moveNotice(done().told.person, done().told.call)}</p>
            <Show when={advisorsTold(done().told.advisors)}>{(words) => <p>{words()}</p>}</Show>
          </Notice>
        )}
      </Show>
      <Button
        variant="secondary"
        aria-expanded={open()}
        aria-controls={open() ? "deplacer" : undefined}
        onClick={() => {
          setOpen(!open());
          setMoved(undefined);
        }}
      >
        Déplacer
      </Button>
      <Show when={open()}>
        <div id="deplacer" class="directory-row__editor">
          <div class="directory-grid">
            <SelectField
              id={IDS.offering}
              label="Service"
              value={offering()}
              onChange={(event) => {
                setOffering(event.currentTarget.value);
                setSlot(undefined);
              }}
            >
              <IdOptions each={structure()?.offerings} selected={offering()} label={(o) => o.service.name} />
            </SelectField>
            <SelectField
              id={IDS.advisor}
              label="Conseiller·ère"
              value={advisor()}
              onChange={(event) => {
                setAdvisor(event.currentTarget.value);
                setSlot(undefined);
              }}
            >
              <option value="">Tous les conseillers</option>
              <IdOptions each={structure()?.advisors} selected={advisor()} label={fullName} />
            </SelectField>
          </div>
          <Show when={taken()}>{(message) => <p role="alert">{message()}</p>}</Show>
          <Suspense fallback={<Loading>Recherche des créneaux libres…</Loading>}>
            <SlotChoices
              id={IDS.slotKey}
              legend="Nouveau créneau"
              load={(from) => getDeskSlots(offering(), advisor() || undefined, from)}
              empty="Aucun créneau libre dans les huit semaines à venir. Essayez un autre conseiller, ou un autre service."
              selected={slot()?.key}
              onSelect={(chosen) => {
                setSlot(chosen);
                setTaken(undefined);
              }}
            />
          </Suspense>
          <Show when={slot()}>
            {(chosen) => (
              <ConfirmButton
                label="Déplacer le rendez-vous"
                title="Déplacer ce rendez-vous ?"
                confirm="Confirmer le déplacement"
                dismiss="Ne pas le déplacer"
                onConfirm={confirm}
                onDone={() => {
                  setOpen(false);
                  setSlot(undefined);
                }}
              >
                Le rendez-vous {de(fullName(props.appointment.person))} du {formatMoment(props.appointment.start)} passe au{" "}
                {slotLabel(chosen())}. {moveNotice(props.appointment.person.told, props.appointment.person.phone)}{" "}
                {advisorsTold(advisorsOf(chosen(), props.appointment.advisor, user().id))}
              </ConfirmButton>
            )}
          </Show>
        </div>
      </Show>
    </section>
  );
}
