import { For, Show } from "solid-js";
import { ButtonLink } from "../../components/button.tsx";
import type { Service } from "../../lib/api.ts";
import { bookingHref } from "../booking/booking-href.ts";
import "../../components/card-grid.css";
import "./service-list.css";

export function ServiceList(props: { services: Service[] }) {
  return (
    <Show when={props.services.length > 0} fallback={<p>Aucun service n'est proposé en ligne pour le moment.</p>}>
      {/* biome-ignore lint/a11y/noRedundantRoles: Safari drops the list semantics of a <ul> without list-style outside <nav>. */}
      <ul class="card-grid" role="list">
        <For each={props.services}>
          {(service) => (
            <li class="card service-card">
              <h3 class="service-card__name">{service.name}</h3>
              <Show when={service.description}>
                <p class="service-card__description">{service.description}</p>
              </Show>
              <ButtonLink class="service-card__action" variant="secondary" href={bookingHref({ service: service.slug })}>
                Prendre rendez-vous
                {/* Every card has the same visible link text: the hidden part tells them apart. */}
                <span class="visually-hidden">{`\u00a0: ${service.name}`}</span>
              </ButtonLink>
            </li>
          )}
        </For>
      </ul>
    </Show>
  );
}
