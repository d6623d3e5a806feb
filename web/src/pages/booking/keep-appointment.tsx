import { createMemo, createSignal } from "solid-js";
import { Button, ButtonLink } from "../../components/button.tsx";
import type { Appointment } from "../../lib/api.ts";
import { calendarLinks } from "../../lib/calendar-links.ts";
import { icsHref, manageHref, tokenOf } from "../../lib/private-link.ts";

// What lets a person keep their appointment once booked, on the confirmation and on the private
// link's page: the link, copied; the appointment in their agenda; the page on paper.

/**
 * The private link in full, and « Copier le lien ». Without the Clipboard API (an address not
 * in HTTPS, an old browser) or when it refuses, the link is selected for the person to copy,
 * and they are told so.
 */
export function PrivateLink(props: { manageUrl: string }) {
  const [said, setSaid] = createSignal("");
  let link!: HTMLAnchorElement;

  async function copy() {
    const copied = await navigator.clipboard?.writeText(props.manageUrl).then(
      () => true,
      () => false,
    );
    if (!copied) getSelection()?.selectAllChildren(link);
    // Emptied first, so that a second copy is announced again.
    setSaid("");
    requestAnimationFrame(() =>
      setSaid(copied ? "Lien copié." : "Copie impossible : le lien est sélectionné, copiez-le (Ctrl+C ou appui long)."),
    );
  }

  return (
    <span class="private-link">
      <a class="private-link__url" ref={link} href={manageHref(tokenOf(props.manageUrl))}>
        {props.manageUrl}
      </a>
      <Button variant="secondary" class="private-link__copy no-print" onClick={copy}>
        Copier le lien
      </Button>
      <span class="private-link__said no-print" aria-live="polite">
        {said()}
      </span>
    </span>
  );
}

/** « Ajouter à mon agenda »: the .ics file, and the web agendas that take the event in their address. */
export function AddToCalendar(props: { appointment: Appointment; manageUrl: string }) {
  const links = createMemo(() => calendarLinks(props.appointment, props.manageUrl));
  return (
    <div class="add-to-calendar no-print">
      <h3 id="add-to-calendar-title" class="add-to-calendar__title">
        Ajouter à mon agenda
      </h3>
      {/* biome-ignore lint/a11y/noRedundantRoles: Safari drops the list semantics of a <ul> without list-style outside <nav>. */}
      <ul class="add-to-calendar__links" role="list" aria-labelledby="add-to-calendar-title">
        <li>
          <ButtonLink variant="secondary" href={icsHref(tokenOf(props.manageUrl))} download="rendez-vous.ics">
            Fichier agenda (.ics)
          </ButtonLink>
        </li>
        <li>
          <ButtonLink variant="secondary" href={links().google}>
            Google Agenda
          </ButtonLink>
        </li>
        <li>
          <ButtonLink variant="secondary" href={links().outlook}>
            Outlook.com
          </ButtonLink>
        </li>
      </ul>
      <p class="add-to-calendar__hint">Le fichier .ics s'ouvre avec la plupart des agendas.</p>
    </div>
  );
}

/** « Imprimer »: the print style sheet (layout.css) leaves the header, the footer and the buttons off the paper. */
export function PrintButton() {
  return (
    <Button variant="secondary" class="no-print" onClick={() => window.print()}>
      Imprimer
    </Button>
  );
}
