import { createSignal } from "solid-js";
import { Button } from "../../../components/button.tsx";
import { Refusal } from "../../../components/notice.tsx";

/**
 * Copies a value shown once (a token, a signing secret) to the clipboard, and says so; where the
 * browser refuses (no permission, plain http), it says to copy by hand.
 */
export function CopyButton(props: {
  value: string;
  label: string;
  copied: string;
  what: string;
  onCopied: (said: string) => void;
}) {
  const [failure, setFailure] = createSignal<string>();
  return (
    <>
      <Button
        variant="secondary"
        onClick={() =>
          void (navigator.clipboard?.writeText(props.value) ?? Promise.reject()).then(
            () => {
              setFailure(undefined);
              props.onCopied(props.copied);
            },
            () => setFailure(`La copie n'a pas pu se faire : sélectionnez ${props.what} et copiez-le.`),
          )
        }
      >
        {props.label}
      </Button>
      <Refusal message={failure()} />
    </>
  );
}
