import type { RouteSectionProps } from "@solidjs/router";
import { Suspense } from "solid-js";
import "./layout.css";
import { SiteFooter } from "./site-footer.tsx";
import { SiteHeader } from "./site-header.tsx";
import { SkipLink } from "./skip-link.tsx";

const MAIN_ID = "contenu";

/** Every page: skip link, header, the page in <main>, footer. */
export function Layout(props: RouteSectionProps) {
  return (
    <>
      <SkipLink target={MAIN_ID}>Aller au contenu</SkipLink>
      <SiteHeader />
      <main id={MAIN_ID} class="site-main" tabindex="-1">
        <div class="container">
          <Suspense>{props.children}</Suspense>
        </div>
      </main>
      <SiteFooter />
    </>
  );
}
