import { A } from "@solidjs/router";
import { PAGES } from "../page-paths.ts";
import { SITE_NAME } from "./page-title.tsx";

let accountSlot: HTMLElement | undefined;

/**
 * Where the staff area shows who is signed in (through a Portal): the header is the banner
 * landmark, where people look for it, yet the staff code stays out of the public bundle. Set
 * when the header is created, before any page renders.
 */
export function headerAccountSlot(): HTMLElement | undefined {
  return accountSlot;
}

// Four destinations: a plain list of links, which wraps onto a second line at 320 px, is the
// accessible answer here; a disclosure menu (Kobalte's Collapsible) becomes worth it when the
// list grows further.
export function SiteHeader() {
  return (
    <header class="site-header">
      <div class="container site-header__inner">
        <div class="brand">
          <a class="brand__name" href="/">
            {SITE_NAME}
          </a>
          <p class="brand__tagline">Service public régional de l'orientation — Hauts-de-France</p>
        </div>
        <nav class="site-nav" aria-label="Menu principal">
          <ul class="site-nav__list">
            <li>
              <A class="site-nav__link" href={PAGES.home} end>
                Accueil
              </A>
            </li>
            <li>
              <A class="site-nav__link" href={PAGES.booking}>
                Prendre rendez-vous
              </A>
            </li>
            <li>
              <A class="site-nav__link" href={PAGES.orientation}>
                Trouver le bon interlocuteur
              </A>
            </li>
            <li>
              <A class="site-nav__link" href={PAGES.directory}>
                Où s'adresser&nbsp;?
              </A>
            </li>
          </ul>
        </nav>
        <div
          class="site-header__account"
          ref={(element) => {
            accountSlot = element;
          }}
        />
      </div>
    </header>
  );
}
