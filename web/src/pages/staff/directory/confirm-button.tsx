import { Dialog } from "@kobalte/core/dialog";
import { createSignal, type JSX, Show } from "solid-js";
import { Button } from "../../../components/button.tsx";
import { Loading, Refusal } from "../../../components/notice.tsx";
import type { Outcome } from "../../../lib/api.ts";
import "../../../components/dialog.css";

/**
 * A button for a change that cannot be taken back in one click (delete, remove, deactivate): it
 * opens a modal dialog that says what will happen and asks to confirm (Kobalte: focus kept
 * inside, Escape and the dismiss button close it, the focus goes back to the button). A refusal
 * is shown in the dialog, which stays open.
 */
export function ConfirmButton(props: {
  /** The button's text; a visually hidden part can say which row it acts on. */
  label: JSX.Element;
  title: string;
  children: JSX.Element;
  confirm: string;
  /** The dismiss button's text, « Annuler » unless that would be ambiguous (cancelling a meeting). */
  dismiss?: string;
  /**
   * Opens with the focus on the dismiss button rather than the first one (confirm): for a change
   * that cannot be undone at all, where Enter pressed twice must not make it.
   */
  focusDismiss?: boolean;
  /** Fields the change needs (a reason), between the explanation and the buttons. */
  fields?: JSX.Element;
  onConfirm: () => Promise<Outcome<unknown>>;
  onDone: () => void;
}) {
  const [open, setOpen] = createSignal(false);
  const [sending, setSending] = createSignal(false);
  const [failure, setFailure] = createSignal<string>();
  let dismissButton: HTMLButtonElement | undefined;

  function changeOpen(next: boolean) {
    if (sending()) return;
    setFailure(undefined);
    setOpen(next);
  }

  async function confirm() {
    if (sending()) return;
    setSending(true);
    setFailure(undefined);
    const outcome = await props.onConfirm();
    setSending(false);
    if (outcome.kind === "done") {
      setOpen(false);
      props.onDone();
      return;
    }
    setFailure(outcome.message);
  }

  return (
    <Dialog open={open()} onOpenChange={changeOpen}>
      <Dialog.Trigger class="button button--secondary">{props.label}</Dialog.Trigger>
      <Dialog.Portal>
        <Dialog.Overlay class="dialog__overlay" />
        <div class="dialog__positioner">
          <Dialog.Content
            class="dialog"
            onOpenAutoFocus={(event) => {
              if (!props.focusDismiss) return;
              event.preventDefault();
              dismissButton?.focus();
            }}
          >
            <Dialog.Title class="dialog__title">{props.title}</Dialog.Title>
            <Dialog.Description class="dialog__description">{props.children}</Dialog.Description>
            {props.fields}
            <Show when={sending()}>
              <Loading>Enregistrement en cours…</Loading>
            </Show>
            <Refusal message={failure()} />
            <div class="dialog__actions">
              <Button onClick={confirm} disabled={sending()}>
                {props.confirm}
              </Button>
              {/* Not Kobalte's CloseButton: it names itself « Dismiss », whatever its text says. */}
              <Button
                variant="secondary"
                onClick={() => changeOpen(false)}
                ref={(element: HTMLButtonElement) => {
                  dismissButton = element;
                }}
              >
                {props.dismiss ?? "Annuler"}
              </Button>
            </div>
          </Dialog.Content>
        </div>
      </Dialog.Portal>
    </Dialog>
  );
}
