import { useAction } from "@solidjs/router";
import { createSignal, Show } from "solid-js";
import { Button } from "../../../components/button.tsx";
import { TextField } from "../../../components/fields.tsx";
import { Refusal } from "../../../components/notice.tsx";
import { de } from "../../../lib/french.ts";
import { resendInvitation, updateAccount } from "./admin-api.ts";
import { ConfirmButton } from "./confirm-button.tsx";

// What can be done to an account from the Personnel tab and from the accounts page alike.

/** Deactivates an account (after confirming: its sessions end at once) or reactivates it. */
export function AccountActiveButton(props: { id: string; name: string; active: boolean; onDone: (text: string) => void }) {
  const update = useAction(updateAccount);
  const [failure, setFailure] = createSignal<string>();
  return (
    <Show
      when={props.active}
      fallback={
        <>
          <Button
            variant="secondary"
            onClick={async () => {
              const outcome = await update(props.id, { active: true });
              if (outcome.kind === "done") props.onDone(`Le compte ${de(props.name)} est réactivé.`);
              else setFailure(outcome.message);
            }}
          >
            Réactiver le compte<span class="visually-hidden">&nbsp;{de(props.name)}</span>
          </Button>
          <Refusal message={failure()} />
        </>
      }
    >
      <ConfirmButton
        label={
          <>
            Désactiver le compte<span class="visually-hidden">&nbsp;{de(props.name)}</span>
          </>
        }
        title={`Désactiver le compte ${de(props.name)} ?`}
        confirm="Désactiver le compte"
        onConfirm={() => update(props.id, { active: false })}
        onDone={() => props.onDone(`Le compte ${de(props.name)} est désactivé.`)}
      >
        {props.name} ne pourra plus se connecter, dans aucune structure&nbsp;; ses sessions ouvertes sont fermées immédiatement.
        Vous pourrez réactiver le compte.
      </ConfirmButton>
    </Show>
  );
}

/** Sends the invitation again (a new link; the previous one stops working). */
export function ResendInvitationButton(props: { id: string; name: string; onDone: (text: string) => void }) {
  const resend = useAction(resendInvitation);
  const [failure, setFailure] = createSignal<string>();
  return (
    <>
      <Button
        variant="secondary"
        onClick={async () => {
          const outcome = await resend(props.id);
          if (outcome.kind === "done") props.onDone(`Une nouvelle invitation a été envoyée à ${props.name}.`);
          else setFailure(outcome.message);
        }}
      >
        Renvoyer l'invitation<span class="visually-hidden">&nbsp;à {props.name}</span>
      </Button>
      <Refusal message={failure()} />
    </>
  );
}

/** The address of the person invited: someone else's, so no autofill from one's own. */
export function PersonEmailField(props: {
  id: string;
  value: string;
  onValue: (value: string) => void;
  error: string | undefined;
}) {
  return (
    <TextField
      id={props.id}
      label="Adresse électronique"
      hint="L'invitation y est envoyée."
      type="email"
      autocomplete="off"
      spellcheck={false}
      autocapitalize="off"
      maxlength={254}
      value={props.value}
      onInput={(event) => props.onValue(event.currentTarget.value)}
      error={props.error}
    />
  );
}
