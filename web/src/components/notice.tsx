import type { JSX } from "solid-js";
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
