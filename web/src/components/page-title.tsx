import { createEffect, onMount } from "solid-js";

export const SITE_NAME = "RDV Orientation";

// The first page is announced by the browser itself; after a client-side navigation nothing
// is, so the new page's heading takes the focus (and a screen reader reads it).
let firstPage = true;

/**
 * The page's `<h1>`, and the document title "<page> — RDV Orientation" (RGAA 8.6: every page
 * has a distinct, relevant title). A page made of steps names the step in `documentTitle`.
 */
export function PageTitle(props: { children: string; documentTitle?: string | undefined }) {
  let heading!: HTMLHeadingElement;

  createEffect(() => {
    document.title = `${props.documentTitle ?? props.children} — ${SITE_NAME}`;
  });

  onMount(() => {
    if (firstPage) {
      firstPage = false;
      return;
    }
    heading.focus();
  });

  return (
    <h1 ref={heading} tabindex="-1">
      {props.children}
    </h1>
  );
}
