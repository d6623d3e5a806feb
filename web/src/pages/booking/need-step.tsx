import { createAsync, useNavigate } from "@solidjs/router";
import { createMemo, createSignal, For, Show, untrack } from "solid-js";
import { Button } from "../../components/button.tsx";
import { FieldError } from "../../components/fields.tsx";
import { Loadable } from "../../components/notice.tsx";
import { type Commune, getCommune, getServices, type Service } from "../../lib/api.ts";
import { bookingHref } from "./booking-href.ts";
import { CommuneField } from "./commune-field.tsx";

/** Step 1: the service the person needs and the commune they live in. */
export function NeedStep(props: { service?: string | undefined; commune?: string | undefined }) {
  return (
    <Loadable
      loading="Chargement des services…"
      failure="Le formulaire n'a pas pu être chargé."
      queryKey={[getServices.key, getCommune.key]}
    >
      <NeedForm service={props.service} commune={props.commune} />
    </Loadable>
  );
}

function NeedForm(props: { service?: string | undefined; commune?: string | undefined }) {
  // One answer for both, so that the form starts from the address's choices once they are known;
  // a new address (another service or commune) starts a new form.
  const start = createAsync(async () => {
    const service = props.service;
    const [services, commune] = await Promise.all([getServices(), props.commune ? getCommune(props.commune) : undefined]);
    return { services, service, commune };
  });
  return (
    <Show when={start()} keyed>
      {(known) => <Form services={known.services} service={known.service} commune={known.commune} />}
    </Show>
  );
}

function Form(props: { services: Service[]; service?: string | undefined; commune?: Commune | undefined }) {
  const navigate = useNavigate();
  const unknownService = createMemo(
    () => props.service !== undefined && !props.services.some((service) => service.slug === props.service),
  );
  const [service, setService] = createSignal(untrack(() => (unknownService() ? undefined : props.service)));
  const [commune, setCommune] = createSignal(untrack(() => props.commune));
  const [submitted, setSubmitted] = createSignal(false);
  const serviceError = createMemo(() => (submitted() && !service() ? "Choisissez votre besoin dans la liste." : undefined));
  const communeError = createMemo(() =>
    submitted() && !commune()
      ? "Choisissez votre commune dans la liste proposée : saisissez son nom ou son code postal, puis choisissez-la."
      : undefined,
  );
  let form!: HTMLFormElement;

  function submit(event: SubmitEvent) {
    event.preventDefault();
    setSubmitted(true);
    const chosenService = service();
    const chosenCommune = commune();
    if (chosenService && chosenCommune) {
      navigate(bookingHref({ service: chosenService, commune: chosenCommune.code }));
      return;
    }
    // The first field to fix takes the focus; its message is part of its description.
    const target = chosenService
      ? form.querySelector<HTMLInputElement>('[role="combobox"]')
      : (form.querySelector<HTMLInputElement>('input[name="service"]:checked') ??
        form.querySelector<HTMLInputElement>('input[name="service"]'));
    target?.focus();
  }

  // A service chosen on the home page is shown as chosen, not among thirteen others to scroll
  // past (a long way at 320 px): the full list opens on demand, the focus on the chosen one.
  const [listing, setListing] = createSignal(untrack(() => service() === undefined));
  const chosenService = createMemo(() => props.services.find((item) => item.slug === service()));
  function showList() {
    setListing(true);
    form.querySelector<HTMLInputElement>('input[name="service"]:checked')?.focus();
  }

  return (
    <form ref={form} class="need-form" onSubmit={submit} novalidate>
      <Show when={unknownService()}>
        <p class="field__error" role="alert">
          Le service demandé n'existe pas ou n'est plus proposé. Choisissez votre besoin dans la liste.
        </p>
      </Show>
      <Show
        when={!listing() && chosenService()}
        fallback={
          <fieldset class="fieldset" aria-describedby={serviceError() ? "service-error" : undefined}>
            <legend class="fieldset__legend">Votre besoin</legend>
            <FieldError id="service" error={serviceError()} />
            <div class="choices">
              <For each={props.services}>
                {(item) => (
                  <div class="choice">
                    <input
                      type="radio"
                      class="choice__input"
                      name="service"
                      id={`service-${item.slug}`}
                      value={item.slug}
                      checked={service() === item.slug}
                      onChange={() => setService(item.slug)}
                      aria-describedby={item.description ? `service-${item.slug}-hint` : undefined}
                    />
                    <label class="choice__label" for={`service-${item.slug}`}>
                      {item.name}
                    </label>
                    <Show when={item.description}>
                      <p class="choice__hint" id={`service-${item.slug}-hint`}>
                        {item.description}
                      </p>
                    </Show>
                  </div>
                )}
              </For>
            </div>
          </fieldset>
        }
      >
        {(chosen) => (
          <div class="field chosen-need">
            <p class="field__label">Votre besoin</p>
            <p class="chosen-need__name">{chosen().name}</p>
            <Show when={chosen().description}>
              <p class="field__hint">{chosen().description}</p>
            </Show>
            <Button variant="secondary" onClick={showList}>
              Choisir un autre besoin
            </Button>
          </div>
        )}
      </Show>

      <CommuneField value={commune()} onChange={setCommune} error={communeError()} />

      <Button type="submit">Voir les structures</Button>
    </form>
  );
}
