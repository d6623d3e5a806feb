import { useAction, useNavigate } from "@solidjs/router";
import { createSignal, Show } from "solid-js";
import { Button } from "../../components/button.tsx";
import { signOut, signOutEverywhere } from "./staff-api.ts";

/**
 * A button that ends this session (or, `everywhere`, every session of the account), then goes to
 * the sign-in page — through ProConnect first when the session was opened there, so that its
 * session ends too and the next person at this computer is asked to sign in again.
 */
export function SignOutButton(props: { everywhere?: boolean; variant?: "primary" | "secondary" }) {
  const navigate = useNavigate();
  const act = useAction(props.everywhere ? signOutEverywhere : signOut);
  const [failure, setFailure] = createSignal<string>();
  const [sending, setSending] = createSignal(false);

  async function click() {
    if (sending()) return;
    setSending(true);
    setFailure(undefined);
    const outcome = await act();
    setSending(false);
    if (outcome.kind !== "done") return setFailure(outcome.message);
    // Signing out everywhere says nothing of the provider: it ends the sessions here only.
    const ended: { endSessionUrl?: string | undefined } = outcome.value;
    if (ended.endSessionUrl) window.location.assign(ended.endSessionUrl);
    else navigate("/connexion", { replace: true });
  }

  return (
    <>
      <Button variant={props.variant ?? "secondary"} onClick={click} disabled={sending()}>
        {props.everywhere ? "Se déconnecter de tous les appareils" : "Se déconnecter"}
      </Button>
      <Show when={failure()}>
        {(message) => (
          <p class="field__error" role="alert">
            La déconnexion n'a pas abouti&nbsp;: {message()}
          </p>
        )}
      </Show>
    </>
  );
}
