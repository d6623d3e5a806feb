import { For, type JSX, Show } from "solid-js";
import { Dynamic } from "solid-js/web";
import { ButtonLink } from "../../components/button.tsx";
import { formatMoment } from "../../lib/dates.ts";
import { telHref } from "../../lib/phone.ts";
import type { DirectoryEntry, DirectoryService, DirectorySite } from "./directory-api.ts";

// What the directory says of a structure, in a result card (its parts under h4) and on its own
// page (under h2): one component, so that both say the same things the same way.

type Level = 2 | 4;

function Heading(props: { level: Level; children: JSX.Element }) {
  return <Dynamic component={`h${props.level}`}>{props.children}</Dynamic>;
}

/** « 0320112233 » as people read it: « 03 20 11 22 33 ». */
export const spacedPhone = (phone: string) => (/^0\d{9}$/.test(phone) ? phone.replace(/(\d{2})(?=\d)/g, "$1 ") : phone);

export function NextAvailability(props: { structure: DirectoryEntry }) {
  return (
    <Show
      when={props.structure.nextAvailability}
      fallback={<p class="directory-entry__next">Aucune disponibilité en ligne dans les six prochains mois.</p>}
    >
      {(next) => (
        <p class="directory-entry__next">
          Prochaine disponibilité&nbsp;: <strong>{formatMoment(next().start)}</strong> ({next().service.name})
        </p>
      )}
    </Show>
  );
}

/** The services, each with its booking link when it is booked online. */
export function ServiceList(props: { structure: DirectoryEntry; level: Level }) {
  return (
    <div class="directory-entry__part">
      <Heading level={props.level}>Services proposés</Heading>
      {/* biome-ignore lint/a11y/noRedundantRoles: Safari drops the list semantics of a <ul> without list-style outside <nav>. */}
      <ul class="directory-services" role="list">
        <For each={props.structure.services}>
          {(service) => <ServiceItem service={service} structureName={props.structure.name} />}
        </For>
      </ul>
    </div>
  );
}

function ServiceItem(props: { service: DirectoryService; structureName: string }) {
  return (
    <li class="directory-services__item">
      <span class="directory-services__name">{props.service.name}</span>
      <Show
        when={props.service.bookingPath}
        fallback={
          <span class="directory-services__note">Sur orientation d'un professionnel, ou en contactant la structure.</span>
        }
      >
        {(href) => (
          <>
            <Show when={props.service.nextSlot}>
              {(start) => <span class="directory-services__note">Prochain créneau&nbsp;: {formatMoment(start())}</span>}
            </Show>
            <ButtonLink variant="secondary" class="directory-services__book" href={href()}>
              Prendre rendez-vous
              <span class="visually-hidden">{`\u00a0: ${props.service.name}, ${props.structureName}`}</span>
            </ButtonLink>
          </>
        )}
      </Show>
    </li>
  );
}

function Hours(props: { lines: readonly string[]; label: string }) {
  return (
    <Show when={props.lines.length > 0}>
      <p class="directory-entry__label">{props.label}</p>
      <ul class="directory-entry__hours">
        <For each={props.lines}>{(line) => <li>{line}</li>}</For>
      </ul>
    </Show>
  );
}

function SiteItem(props: { site: DirectorySite }) {
  return (
    <li class="directory-site">
      <span class="directory-site__name">{props.site.name}</span>
      <span class="directory-site__address">
        {props.site.address}, {props.site.postcode} {props.site.commune.name}
      </span>
      <Show when={props.site.accessInfo}>
        <span class="directory-site__access">Accès&nbsp;: {props.site.accessInfo}</span>
      </Show>
      <Show when={props.site.phone}>
        {(phone) => (
          <span>
            Téléphone&nbsp;: <a href={telHref(phone())}>{spacedPhone(phone())}</a>
          </span>
        )}
      </Show>
      <Hours lines={props.site.openingHours} label="Horaires d'accueil sur rendez-vous" />
    </li>
  );
}

/** The places (address, access, phone, hours) and the ways to reach the structure. */
export function PlacesAndContact(props: { structure: DirectoryEntry; level: Level }) {
  const contact = () => props.structure.phone || props.structure.email || props.structure.website;
  return (
    <>
      <Show when={props.structure.sites.length > 0 || props.structure.remoteHours.length > 0}>
        <div class="directory-entry__part">
          <Heading level={props.level}>{props.structure.sites.length > 1 ? "Lieux d'accueil" : "Lieu d'accueil"}</Heading>
          <ul class="directory-sites">
            <For each={props.structure.sites}>{(site) => <SiteItem site={site} />}</For>
          </ul>
          <Hours lines={props.structure.remoteHours} label="Rendez-vous par téléphone ou en visio" />
        </div>
      </Show>
      <Show when={contact()}>
        <div class="directory-entry__part">
          <Heading level={props.level}>Contact</Heading>
          <ul class="directory-contact">
            <Show when={props.structure.phone}>
              {(phone) => (
                <li>
                  Téléphone&nbsp;: <a href={telHref(phone())}>{spacedPhone(phone())}</a>
                </li>
              )}
            </Show>
            <Show when={props.structure.email}>
              {(email) => (
                <li>
                  Courriel&nbsp;: <a href={`mailto:${email()}`}>{email()}</a>
                </li>
              )}
            </Show>
            <Show when={props.structure.website}>
              {(website) => (
                <li>
                  Site web&nbsp;:{" "}
                  <a href={website()}>
                    {website()
                      .replace(/^https?:\/\//, "")
                      .replace(/\/$/, "")}
                  </a>
                </li>
              )}
            </Show>
          </ul>
        </div>
      </Show>
    </>
  );
}
