import { useNavigate } from "@solidjs/router";
import { createMemo, createSignal, onCleanup, onMount, Show, untrack } from "solid-js";
import { Button } from "../../components/button.tsx";
import { ErrorSummary } from "../../components/error-summary.tsx";
import { CheckboxField, TextAreaField, TextField } from "../../components/fields.tsx";
import type { Commune } from "../../lib/api.ts";
import { draft, refusal, resumeDraft, setErrorCount, setRefusal, updateDraft } from "./booking-draft.ts";
import { bookingHref } from "./booking-href.ts";
import { type SlotParams, slotsHref, stepHref, WithChosenSlot } from "./chosen-slot.tsx";
import { CommuneField } from "./commune-field.tsx";
import { checkDetails, type DetailsField, EMAIL_MAX, FIELDS, type FieldErrors, NAME_MAX, NEEDS_MAX } from "./details.ts";
import { MeetingDetails } from "./meeting-details.tsx";
import { Recap } from "./recap.tsx";

/** Each field's id: the error summary's links lead there. */
const IDS: Record<DetailsField, string> = {
  firstName: "prenom",
  lastName: "nom",
  email: "courriel",
  phone: "telephone",
  commune: "commune",
  accessibilityNeeds: "besoins",
  noticeAccepted: "information",
};

/** Step 3: the chosen slot, and the person's details. */
export function DetailsStep(props: SlotParams) {
  return (
    <WithChosenSlot {...props} loading="Chargement du créneau choisi…">
      {(slot) => (
        <>
          <Recap
            service={props.service}
            chosen={slot().chosen}
            structure={{ name: slot().structure.name, href: bookingHref({ service: props.service, commune: props.commune }) }}
          />
          <section class="summary" aria-labelledby="summary-title">
            <h3 id="summary-title">Le créneau choisi</h3>
            <MeetingDetails meeting={slot().meeting} />
            <p>
              <a href={slotsHref(props, props.slot)}>Choisir un autre créneau</a>
            </p>
          </section>
          <DetailsForm commune={slot().chosen.commune} reviewHref={stepHref(props, "4")} />
        </>
      )}
    </WithChosenSlot>
  );
}

function DetailsForm(props: { commune: Commune; reviewHref: string }) {
  const navigate = useNavigate();
  untrack(() => resumeDraft(props.commune));
  // The server's refusal of the last request, if that is why the form is back: shown once.
  const refused = untrack(refusal);
  setRefusal(undefined);
  const [errors, setErrors] = createSignal<FieldErrors>(refused?.fields ?? {});
  const [other, setOther] = createSignal<string[]>(refused?.other ?? []);
  const links = createMemo(() =>
    FIELDS.flatMap((field) => {
      const message = errors()[field];
      return message ? [{ target: IDS[field], message }] : [];
    }),
  );
  const hasErrors = createMemo(() => links().length + other().length > 0);
  let summary: HTMLElement | undefined;

  onMount(() => {
    if (!hasErrors()) return;
    setErrorCount(links().length + other().length);
    // After the step's heading, which takes the focus when the step is shown.
    requestAnimationFrame(() => summary?.focus());
  });
  onCleanup(() => setErrorCount(0));

  function submit(event: SubmitEvent) {
    event.preventDefault();
    const found = checkDetails(draft());
    setErrors(found);
    setOther([]);
    const count = Object.keys(found).length;
    setErrorCount(count);
    if (count === 0) {
      navigate(props.reviewHref);
      return;
    }
    summary?.focus();
  }

  const error = (field: DetailsField) => errors()[field];

  return (
    <form class="details-form" onSubmit={submit} novalidate aria-labelledby="details-title">
      <h3 id="details-title">Vos coordonnées</h3>
      <Show when={hasErrors()}>
        <ErrorSummary
          level={4}
          links={links()}
          messages={other()}
          ref={(element) => {
            summary = element;
          }}
        />
      </Show>
      <p class="details-form__intro">Tous les champs sont obligatoires, sauf mention contraire.</p>

      <TextField
        id={IDS.firstName}
        label="Prénom"
        autocomplete="given-name"
        maxlength={NAME_MAX}
        spellcheck={false}
        value={draft().firstName}
        onInput={(event) => updateDraft({ firstName: event.currentTarget.value })}
        error={error("firstName")}
      />
      <TextField
        id={IDS.lastName}
        label="Nom"
        autocomplete="family-name"
        maxlength={NAME_MAX}
        spellcheck={false}
        value={draft().lastName}
        onInput={(event) => updateDraft({ lastName: event.currentTarget.value })}
        error={error("lastName")}
      />

      <fieldset class="fieldset details-form__contact" aria-describedby="contact-hint">
        <legend class="fieldset__legend">Comment vous joindre</legend>
        <p class="field__hint" id="contact-hint">
          Donnez au moins l'un des deux. La confirmation du rendez-vous et les rappels sont envoyés par courriel, avec le lien
          pour le déplacer ou l'annuler&nbsp;: sans adresse électronique, vous n'en recevrez pas.
        </p>
        <TextField
          id={IDS.email}
          label="Adresse électronique"
          hint={"Par exemple\u00a0: prenom.nom@exemple.fr"}
          type="email"
          autocomplete="email"
          spellcheck={false}
          autocapitalize="off"
          maxlength={EMAIL_MAX}
          value={draft().email}
          onInput={(event) => updateDraft({ email: event.currentTarget.value })}
          error={error("email")}
        />
        <TextField
          id={IDS.phone}
          label="Numéro de téléphone"
          hint={"Par exemple\u00a0: 06 12 34 56 78. La structure vous appelle en cas d'imprévu."}
          type="tel"
          autocomplete="tel"
          value={draft().phone}
          onInput={(event) => updateDraft({ phone: event.currentTarget.value })}
          error={error("phone")}
        />
      </fieldset>

      <CommuneField
        id={IDS.commune}
        label="Votre commune (facultatif)"
        hint="Celle choisie à l'étape 1. Pour la changer, saisissez son nom ou son code postal, puis choisissez-la dans la liste."
        required={false}
        autocomplete="address-level2"
        value={draft().commune}
        onChange={(commune) => updateDraft({ commune })}
        error={error("commune")}
      />

      <TextAreaField
        id={IDS.accessibilityNeeds}
        label="Besoins d'aménagement pour le rendez-vous (facultatif)"
        hint={
          <>
            Par exemple&nbsp;: accès en fauteuil roulant, interprète en langue des signes, documents en gros caractères, plus de
            temps. Dites seulement ce qui faciliterait le rendez-vous&nbsp;: aucun diagnostic ni aucune information sur votre
            santé ne vous est demandé. {NEEDS_MAX}&nbsp;caractères au plus.
          </>
        }
        rows={4}
        maxlength={NEEDS_MAX}
        value={draft().accessibilityNeeds}
        onInput={(event) => updateDraft({ accessibilityNeeds: event.currentTarget.value })}
        error={error("accessibilityNeeds")}
      />

      <div class="details-form__notice">
        <h4 class="details-form__notice-title">Vos données personnelles</h4>
        <CheckboxField
          id={IDS.noticeAccepted}
          label="J'ai pris connaissance de l'information sur mes données personnelles"
          hint={
            <>
              Vos coordonnées servent à organiser ce rendez-vous&nbsp;: confirmation, rappels et accueil par la structure. Ce
              traitement relève de la mission de service public de l'orientation (RGPD, article&nbsp;6, paragraphe&nbsp;1,
              point&nbsp;e)&nbsp;: il ne repose pas sur votre consentement, mais vous devez en être informé.{" "}
              <a href="/donnees-personnelles">Lire l'information sur vos données personnelles</a>
            </>
          }
          checked={draft().noticeAccepted}
          onChange={(event) => updateDraft({ noticeAccepted: event.currentTarget.checked })}
          error={error("noticeAccepted")}
        />
      </div>

      <Button type="submit">Continuer</Button>
    </form>
  );
}
