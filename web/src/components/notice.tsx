import { revalidate } from "@solidjs/router";
import { ErrorBoundary, type JSX, Show, Suspense } from "solid-js";
import { describeError } from "../lib/api.ts";
import { Button } from "./button.tsx";
import "./notice.css";

/** An information block: text that matters on the page, set apart without relying on colour. */
export function Notice(props: { children: JSX.Element }) {
  return <div class="notice">{props.children}</div>;
}

/** A loading message, announced politely by screen readers. */
export function Loading(props: { children: string }) {
  return (
    <p class="loading" role="status">
      {props.children}
    </p>
  );
}

/** Why an action did not go through, said at once where it was asked (nothing when `message` is empty). */
export function Refusal(props: { message: string | undefined }) {
  return (
    <Show when={props.message}>
      {(message) => (
        <p class="field__error" role="alert">
          {message()}
        </p>
      )}
    </Show>
  );
}

/** A failure the person can do something about: what went wrong, and a way to try again. */
export function ErrorNotice(props: { title: string; message: string; onRetry: () => void }) {
  return (
    <div class="notice notice--error" role="alert">
      <p class="notice__title">{props.title}</p>
      <p>{props.message}</p>
      <Button variant="secondary" onClick={() => props.onRetry()}>
        Réessayer
      </Button>
    </div>
  );
}

/**
 * What its children read from the API, with a loading message while it comes and, when it
 * fails, the failure and a retry that fetches the query `queryKey` (or queries) again.
 */
export function Loadable(props: { loading: string; failure: string; queryKey: string | string[]; children: JSX.Element }) {
  return (
    <ErrorBoundary
      fallback={(error, reset) => (
        <ErrorNotice
          title={props.failure}
          message={describeError(error)}
          onRetry={() => {
            void revalidate(props.queryKey);
            reset();
          }}
        />
      )}
    >
      <Suspense fallback={<Loading>{props.loading}</Loading>}>{props.children}</Suspense>
    </ErrorBoundary>
  );
}
