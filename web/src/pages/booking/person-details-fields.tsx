import { For, Show } from "solid-js";
import { Dynamic } from "solid-js/web";
import { ACCESSIBILITY_AID_CHOICES } from "../../../../server/domain/accessibility.ts";
import { CheckboxField, ChoicesField, TextAreaField, TextField } from "../../components/fields.tsx";
import { CommuneField } from "./commune-field.tsx";
import { type Details, type DetailsField, type FieldErrors, NAME_MAX, NEEDS_MAX, smsOffer } from "./details.ts";
import { PersonEmailField } from "./person-email-field.tsx";

/** Each field's id, after `prefix`: the error summary's links lead there. */
export function detailsIds(prefix = ""): Record<DetailsField, string> {
  return {
    firstName: `${prefix}prenom`,
    lastName: `${prefix}nom`,
    email: `${prefix}courriel`,
    phone: `${prefix}telephone`,
    smsReminders: `${prefix}rappels-sms`,
    commune: `${prefix}commune`,
    accessibilityAids: `${prefix}amenagements`,
    accessibilityNeeds: `${prefix}besoins`,
    noticeAccepted: `${prefix}information`,
  };
}

const NAMES = [
  { field: "firstName", label: "Prénom", autocomplete: "given-name" },
  { field: "lastName", label: "Nom", autocomplete: "family-name" },
] as const;

/**
 * The person's details, where a person books (step 3) and where they book from an invitation
 * (`invited`): there, the referral already names them and their commune, and has a way to reach
 * them, so that only a contact of their own, their needs and the notice on their data are asked.
 */
export function PersonDetailsFields(props: {
  ids: Record<DetailsField, string>;
  details: Details;
  errors: FieldErrors;
  onChange: (change: Partial<Details>) => void;
  /** The notice's heading: one level below the form's title. */
  level: 3 | 4 | 5;
  /** Booking from an invitation; `hasEmail`: the structure already has an address for the person. */
  invited?: { hasEmail: boolean } | undefined;
  /**
   * Joining a waiting list, no meeting yet: names, contact and notice only, their hints saying
   * what they serve there (the commune and the arrangements are asked when a slot is taken).
   */
  waiting?: boolean | undefined;
}) {
  const error = (field: DetailsField) => props.errors[field];
  return (
    <>
      <Show when={!props.invited}>
        <For each={NAMES}>
          {(name) => (
            <TextField
              id={props.ids[name.field]}
              label={name.label}
              autocomplete={name.autocomplete}
              maxlength={NAME_MAX}
              spellcheck={false}
              value={props.details[name.field]}
              onInput={(event) => props.onChange({ [name.field]: event.currentTarget.value })}
              error={error(name.field)}
            />
          )}
        </For>
      </Show>

      <Show
        when={props.invited}
        fallback={
          <fieldset class="fieldset details-form__contact" aria-describedby="contact-hint">
            <legend class="fieldset__legend">Comment vous joindre</legend>
            <p class="field__hint" id="contact-hint">
              {props.waiting
                ? "Donnez au moins l'un des deux\u00a0: c'est là que vous serez prévenu dès qu'un créneau s'ouvre, avec le lien pour le prendre."
                : "Donnez au moins l'un des deux. La confirmation du rendez-vous et les rappels sont envoyés par courriel, et par SMS à un mobile si vous le souhaitez, avec le lien pour le déplacer ou l'annuler."}
            </p>
            <ContactFields
              ids={props.ids}
              details={props.details}
              errors={props.errors}
              onChange={props.onChange}
              emailHint={"Par exemple\u00a0: prenom.nom@exemple.fr"}
              waiting={props.waiting}
            />
          </fieldset>
        }
      >
        {(invited) => (
          <fieldset class="fieldset">
            <legend class="fieldset__legend">Comment vous joindre (facultatif)</legend>
            <p class="field__hint">
              {invited().hasEmail
                ? "La structure a déjà une adresse électronique pour vous : la confirmation et les rappels y sont envoyés. Donnez-en une autre pour la remplacer."
                : "Avec une adresse électronique, vous recevez la confirmation, les rappels et le lien pour déplacer ou annuler."}
            </p>
            <ContactFields ids={props.ids} details={props.details} errors={props.errors} onChange={props.onChange} />
          </fieldset>
        )}
      </Show>

      <Show when={!props.invited && !props.waiting}>
        <CommuneField
          id={props.ids.commune}
          label="Votre commune (facultatif)"
          hint="Celle choisie à l'étape 1. Pour la changer, saisissez son nom ou son code postal, puis choisissez-la dans la liste."
          required={false}
          autocomplete="address-level2"
          value={props.details.commune}
          onChange={(commune) => props.onChange({ commune })}
          error={error("commune")}
        />
      </Show>

      <Show when={!props.waiting}>
        <AccessibilityFields {...props} />
      </Show>

      <div class="details-form__notice">
        <Dynamic component={`h${props.level}`} class="details-form__notice-title">
          Vos données personnelles
        </Dynamic>
        <CheckboxField
          id={props.ids.noticeAccepted}
          label="J'ai pris connaissance de l'information sur mes données personnelles"
          hint={
            <>
              {props.waiting
                ? "Vos coordonnées servent à vous prévenir des créneaux qui s'ouvrent, puis à organiser le rendez-vous pris. "
                : "Vos coordonnées servent à organiser ce rendez-vous\u00a0: confirmation, rappels et accueil par la structure. "}
              Ce traitement relève de la mission de service public de l'orientation (RGPD, article&nbsp;6, paragraphe&nbsp;1,
              point&nbsp;e)&nbsp;: il ne repose pas sur votre consentement, mais vous devez en être informé.{" "}
              <a href="/donnees-personnelles">Lire l'information sur vos données personnelles</a>
            </>
          }
          checked={props.details.noticeAccepted}
          onChange={(event) => props.onChange({ noticeAccepted: event.currentTarget.checked })}
          error={error("noticeAccepted")}
        />
      </div>
    </>
  );
}

/** The e-mail address and the phone number, in the fieldset that says why they are asked. */
function ContactFields(props: {
  ids: Record<DetailsField, string>;
  details: Details;
  errors: FieldErrors;
  onChange: (change: Partial<Details>) => void;
  emailHint?: string | undefined;
  /** On a waiting list: the texts are the offers, then the meeting's messages. */
  waiting?: boolean | undefined;
}) {
  return (
    <>
      <PersonEmailField
        id={props.ids.email}
        label="Adresse électronique"
        hint={props.emailHint}
        value={props.details.email}
        onValue={(email) => props.onChange({ email })}
        error={props.errors.email}
      />
      <TextField
        id={props.ids.phone}
        label="Numéro de téléphone"
        hint={"Par exemple\u00a0: 06 12 34 56 78. La structure vous appelle en cas d'imprévu."}
        type="tel"
        autocomplete="tel"
        value={props.details.phone}
        onInput={(event) => props.onChange({ phone: event.currentTarget.value })}
        error={props.errors.phone}
      />
      <Show when={smsOffer(props.details)}>
        {(offer) => (
          <CheckboxField
            id={props.ids.smsReminders}
            label="Recevoir les rappels par SMS"
            hint={`${offer() === "maybe" ? "Si ce numéro est celui d'un mobile, l" : "L"}${props.waiting ? "es créneaux qui s'ouvrent, puis la confirmation et les rappels du rendez-vous pris" : "a confirmation, les rappels et tout changement du rendez-vous"} vous sont envoyés par SMS à ce numéro${props.details.email.trim() ? ", en plus des courriels" : ""}.`}
            checked={props.details.smsReminders}
            onChange={(event) => props.onChange({ smsReminders: event.currentTarget.checked })}
            error={props.errors.smsReminders}
          />
        )}
      </Show>
    </>
  );
}

/** The arrangements for the meeting and the person's own words. */
function AccessibilityFields(props: {
  ids: Record<DetailsField, string>;
  details: Details;
  errors: FieldErrors;
  onChange: (change: Partial<Details>) => void;
  invited?: { hasEmail: boolean } | undefined;
}) {
  const error = (field: DetailsField) => props.errors[field];
  return (
    <>
      <ChoicesField
        id={props.ids.accessibilityAids}
        legend="Aménagements souhaités pour le rendez-vous (facultatif)"
        hint="Cochez ce qui faciliterait le rendez-vous : la structure s'organise en conséquence."
        type="checkbox"
        options={ACCESSIBILITY_AID_CHOICES}
        selected={props.details.accessibilityAids}
        onChange={(accessibilityAids) => props.onChange({ accessibilityAids })}
        error={error("accessibilityAids")}
      />

      <TextAreaField
        id={props.ids.accessibilityNeeds}
        label="Autres besoins d'aménagement, ou précisions (facultatif)"
        hint={
          props.invited ? (
            `Par exemple : documents en gros caractères, plus de temps, un chien guide. Aucun diagnostic ni aucune information sur votre santé ne vous est demandé. ${NEEDS_MAX} caractères au plus.`
          ) : (
            <>
              Par exemple&nbsp;: documents en gros caractères, plus de temps, un chien guide. Dites seulement ce qui faciliterait
              le rendez-vous&nbsp;: aucun diagnostic ni aucune information sur votre santé ne vous est demandé. {NEEDS_MAX}
              &nbsp;caractères au plus.
            </>
          )
        }
        rows={4}
        maxlength={NEEDS_MAX}
        value={props.details.accessibilityNeeds}
        onInput={(event) => props.onChange({ accessibilityNeeds: event.currentTarget.value })}
        error={error("accessibilityNeeds")}
      />
    </>
  );
}
