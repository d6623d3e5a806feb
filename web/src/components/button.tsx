import { createMemo, type JSX, splitProps } from "solid-js";
import "./button.css";

// « danger »: an action that destroys, offered beside a safer primary choice; outlined, so that
// it does not draw the eye first.
type Look = { variant?: "primary" | "secondary" | "danger"; size?: "normal" | "large" };

function classes(props: Look & { class?: string | undefined }) {
  const names = ["button", `button--${props.variant ?? "primary"}`];
  if (props.size === "large") names.push("button--large");
  if (props.class) names.push(props.class);
  return names.join(" ");
}

export type ButtonProps = Look & JSX.ButtonHTMLAttributes<HTMLButtonElement>;

/** A `<button>`: type "button" unless said otherwise, so that none submits a form by accident. */
export function Button(props: ButtonProps) {
  const [look, rest] = splitProps(props, ["variant", "size", "class", "type"]);
  const className = createMemo(() => classes(look));
  return <button {...rest} type={look.type ?? "button"} class={className()} />;
}

export type ButtonLinkProps = Look & JSX.AnchorHTMLAttributes<HTMLAnchorElement> & { href: string };

/** A link that looks like a button: it goes somewhere, so it stays a link for assistive tech. */
export function ButtonLink(props: ButtonLinkProps) {
  const [look, rest] = splitProps(props, ["variant", "size", "class"]);
  const className = createMemo(() => classes(look));
  return <a {...rest} class={className()} />;
}
