import { useAction } from "@solidjs/router";
import { createSignal, Show } from "solid-js";
import { Button } from "../../components/button.tsx";
import { TextAreaField } from "../../components/fields.tsx";
import { Modal } from "../../components/modal.tsx";
import { Loading } from "../../components/notice.tsx";
import { type Appointment, cancelAppointment } from "../../lib/api.ts";
import { meetingMoment } from "../booking/meeting-details.tsx";

const REASON_MAX = 500;

/**
 * « Annuler le rendez-vous », then a confirmation in a modal dialog (the browser's own: focus kept inside,
 * Escape and « Garder mon rendez-vous » close it, the focus goes back to the button). The reason is optional.
 */
export function CancelDialog(props: {
  token: string;
  appointment: Appointment;
  onCancelled: (appointment: Appointment) => void;
}) {
  const cancel = useAction(cancelAppointment);
  const [open, setOpen] = createSignal(false);
  const [reason, setReason] = createSignal("");
  const [sending, setSending] = createSignal(false);
  const [failure, setFailure] = createSignal<string>();

  function changeOpen(next: boolean) {
    if (sending()) return;
    setFailure(undefined);
    setOpen(next);
  }

  async function submit(event: SubmitEvent) {
    event.preventDefault();
    if (sending()) return;
    setSending(true);
    setFailure(undefined);
    const outcome = await cancel(props.token, reason().trim() || undefined);
    setSending(false);
    if (outcome.kind === "done") {
      setOpen(false);
      props.onCancelled(outcome.value.appointment);
      return;
    }
    setFailure(outcome.message);
  }

  return (
    <>
      <Button variant="secondary" onClick={() => changeOpen(true)}>
        Annuler le rendez-vous
      </Button>
      <Modal
        id="annulation"
        open={open()}
        onOpenChange={changeOpen}
        title={<>Annuler le rendez-vous&nbsp;?</>}
        description={
          <>
            Le rendez-vous du {meetingMoment(props.appointment)} avec {props.appointment.structure.name} sera annulé, et le
            créneau proposé à quelqu'un d'autre. Votre lien personnel ne servira plus.
          </>
        }
      >
        <form onSubmit={submit} novalidate>
          <TextAreaField
            id="motif"
            label="Motif de l'annulation (facultatif)"
            hint="Il aide la structure à s'organiser. N'indiquez aucune information sur votre santé."
            rows={3}
            maxlength={REASON_MAX}
            value={reason()}
            onInput={(event) => setReason(event.currentTarget.value)}
          />
          <Show when={sending()}>
            <Loading>Annulation en cours…</Loading>
          </Show>
          <Show when={failure()}>
            {(message) => (
              <p class="field__error" role="alert">
                Le rendez-vous n'a pas pu être annulé&nbsp;: {message()}
              </p>
            )}
          </Show>
          {/* The safe choice is the primary one: a cancellation cannot be undone. */}
          <div class="dialog__actions">
            <Button onClick={() => changeOpen(false)}>Garder mon rendez-vous</Button>
            <Button type="submit" variant="danger">
              Oui, annuler le rendez-vous
            </Button>
          </div>
        </form>
      </Modal>
    </>
  );
}
