import { type JSX, Show } from "solid-js";
import { Notice } from "../../components/notice.tsx";
import { type Commune, getCommune, getServices, type Service } from "../../lib/api.ts";
import { de } from "../../lib/french.ts";
import { bookingHref } from "./booking-href.ts";

export interface Chosen {
  service: Service;
  commune: Commune;
}

/** The service and commune of the address, or undefined for either that does not exist. */
export async function loadChosen(service: string, commune: string): Promise<Partial<Chosen>> {
  const [services, found] = await Promise.all([getServices(), getCommune(commune)]);
  return { service: services.find((candidate) => candidate.slug === service), commune: found };
}

/**
 * Its children when the address names a known service and commune; otherwise says which is
 * unknown (an old or hand-edited link) and leads back to the first step.
 */
export function WhenChosen(props: { chosen: Partial<Chosen> | undefined; children: (chosen: Chosen) => JSX.Element }) {
  return (
    <Show when={props.chosen}>
      {(chosen) => (
        <Show
          when={chosen().service && chosen().commune ? (chosen() as Chosen) : undefined}
          fallback={
            <Notice>
              <p>
                {chosen().service
                  ? "La commune demandée ne fait pas partie de la région."
                  : "Le service demandé n'existe pas ou n'est plus proposé."}
              </p>
              <p>
                <a href={bookingHref()}>Choisir votre besoin et votre commune</a>
              </p>
            </Notice>
          }
        >
          {(known) => props.children(known())}
        </Show>
      )}
    </Show>
  );
}

// Plain links: the router's <A> would mark every link to this page as the current page.

/** What the person has chosen so far, each with a way to change it. */
export function Recap(props: { service: string; chosen: Chosen; structure?: { name: string; href: string } | undefined }) {
  return (
    <div class="recap">
      <dl class="recap__list">
        <div class="recap__item">
          <dt>Votre besoin</dt>
          <dd>{props.chosen.service.name}</dd>
        </div>
        <div class="recap__item">
          <dt>Votre commune</dt>
          <dd>{props.chosen.commune.name}</dd>
        </div>
        <Show when={props.structure}>
          {(structure) => (
            <div class="recap__item">
              <dt>La structure</dt>
              <dd>{structure().name}</dd>
            </div>
          )}
        </Show>
      </dl>
      <ul class="recap__changes">
        <li>
          <a href={bookingHref({ service: props.service, commune: props.chosen.commune.code, step: "1" })}>
            Modifier votre besoin ou votre commune
          </a>
        </li>
        <Show when={props.structure}>
          {(structure) => (
            <li>
              <a href={structure().href}>Choisir une autre structure</a>
            </li>
          )}
        </Show>
      </ul>
    </div>
  );
}

/** When the chosen structure does not serve the person's commune for this need. */
export function NotServedHere(props: { communeName: string; structuresHref: string }) {
  return (
    <Notice>
      <p>Cette structure ne reçoit pas les habitants {de(props.communeName)} pour ce besoin.</p>
      <p>
        <a href={props.structuresHref}>Voir les structures qui vous reçoivent</a>
      </p>
    </Notice>
  );
}
