import { useAction, useNavigate } from "@solidjs/router";
import { createMemo, createSignal, Show, Suspense } from "solid-js";
import { CheckboxField, IdOptions, SelectField, TextAreaField, TextField } from "../../../components/fields.tsx";
import { Loading } from "../../../components/notice.tsx";
import { PageTitle } from "../../../components/page-title.tsx";
import type { Commune } from "../../../lib/api.ts";
import { CommuneField } from "../../booking/commune-field.tsx";
import { emailError, phoneError } from "../../booking/details.ts";
import { AreaGuard } from "../agenda/area-guard.tsx";
import { AdminForm, createAdminForm, optional } from "../directory/admin-form.tsx";
import { BackLink } from "../directory/directory-area.tsx";
import { useStaffUser } from "../staff-area.tsx";
import { createReferral } from "./referrals-api.ts";
import { REFERRALS_PATH, referralHref } from "./referrals-page.tsx";
import { createTargetChoices } from "./target-choices.ts";
import { type Suggestion, TargetSuggestions } from "./target-suggestions.tsx";
import "../directory/directory.css";
import "./referrals.css";
import { PersonNameFields } from "../person-name-fields.tsx";

type Field =
  | "fromStructureId"
  | "firstName"
  | "lastName"
  | "email"
  | "phone"
  | "commune"
  | "need"
  | "serviceId"
  | "toStructureId"
  | "consent";
const IDS: Record<Field, string> = {
  fromStructureId: "orientation-depuis",
  firstName: "orientation-prenom",
  lastName: "orientation-nom",
  email: "orientation-courriel",
  phone: "orientation-telephone",
  commune: "orientation-commune",
  need: "orientation-besoin",
  serviceId: "orientation-service",
  toStructureId: "orientation-structure",
  consent: "orientation-accord",
};
const NAMES = {
  fromStructureId: "Structure qui oriente",
  firstName: "Prénom",
  lastName: "Nom",
  email: "Adresse électronique",
  phone: "Téléphone",
  commune: "Commune",
  need: "Besoin",
  serviceId: "Service",
  toStructureId: "Structure destinataire",
  consent: "Accord de la personne",
};

/** `/espace/orientations/nouvelle`: refer a person, with their agreement, to a structure and a service. */
export default function NewReferralPage() {
  return (
    <AreaGuard area="referrals" refusal="Les orientations sont celles des structures où vous travaillez.">
      <div class="staff">
        <BackLink href={REFERRALS_PATH}>Retour aux orientations</BackLink>
        <PageTitle>Nouvelle orientation</PageTitle>
        <p class="staff__lead">
          Tous les champs sont obligatoires, sauf mention contraire. Une fois l'orientation envoyée, vous prenez le rendez-vous
          pour la personne ou vous l'invitez à le prendre.
        </p>
        <Suspense fallback={<Loading>Chargement des services…</Loading>}>
          <ReferralForm />
        </Suspense>
      </div>
    </AreaGuard>
  );
}

function ReferralForm() {
  const user = useStaffUser();
  const navigate = useNavigate();
  const create = useAction(createReferral);
  const form = createAdminForm(IDS, NAMES);
  const mine = createMemo(() => {
    const all = user().memberships.map((membership) => membership.structure);
    return all.filter((structure, index) => all.findIndex((other) => other.id === structure.id) === index);
  });
  const [from, setFrom] = createSignal(mine()[0]?.id ?? "");
  const [firstName, setFirstName] = createSignal("");
  const [lastName, setLastName] = createSignal("");
  const [email, setEmail] = createSignal("");
  const [phone, setPhone] = createSignal("");
  const [commune, setCommune] = createSignal<Commune>();
  const [need, setNeed] = createSignal("");
  const [serviceId, setServiceId] = createSignal("");
  const [target, setTarget] = createSignal("");
  const [consent, setConsent] = createSignal(false);
  const [picked, setPicked] = createSignal<string>();
  const { services, targets } = createTargetChoices(serviceId, from);

  function choose(suggestion: Suggestion) {
    const chosen = services()?.find((candidate) => candidate.slug === suggestion.service?.slug);
    setServiceId(chosen?.id ?? "");
    setTarget(suggestion.structure.id);
    setPicked(
      chosen
        ? `${suggestion.structure.name} est choisie, pour le service « ${chosen.name} ».`
        : `${suggestion.structure.name} est choisie : choisissez le service ci-dessous.`,
    );
  }

  async function submit() {
    const id = await form.run(
      {
        fromStructureId: from() ? undefined : "Choisissez la structure qui oriente.",
        firstName: firstName().trim() ? undefined : "Saisissez le prénom de la personne.",
        lastName: lastName().trim() ? undefined : "Saisissez le nom de la personne.",
        // Every mistake at once: the formats too, as the server would say them after.
        email: emailError(email().trim()),
        phone: phoneError(phone().trim()),
        need: need().trim() ? undefined : "Décrivez le besoin de la personne.",
        serviceId: serviceId() ? undefined : "Choisissez le service.",
        toStructureId: target() ? undefined : "Choisissez la structure destinataire.",
        consent: consent() ? undefined : "Cochez la case si la personne accepte que ses coordonnées soient transmises.",
      },
      async () =>
        create({
          fromStructureId: from(),
          toStructureId: target(),
          serviceId: serviceId(),
          person: {
            firstName: firstName().trim(),
            lastName: lastName().trim(),
            ...(optional(email()) && { email: email().trim() }),
            ...(optional(phone()) && { phone: phone().trim() }),
            ...(commune() && { commune: commune()?.code }),
          },
          need: need().trim(),
          consent: true,
        }),
    );
    if (id) navigate(referralHref(id.id));
  }

  return (
    <AdminForm form={form} label="Orienter une personne" submit="Envoyer l'orientation" onSubmit={submit}>
      <h2>La personne</h2>
      <Show
        when={mine().length > 1}
        fallback={
          <p>
            Orientée par <strong>{mine()[0]?.name}</strong>.
          </p>
        }
      >
        <SelectField
          id={IDS.fromStructureId}
          label="Structure qui oriente"
          value={from()}
          onChange={(event) => setFrom(event.currentTarget.value)}
          error={form.errors().fromStructureId}
        >
          <IdOptions each={mine()} selected={from()} label={(structure) => structure.name} />
        </SelectField>
      </Show>
      <div class="directory-grid">
        <PersonNameFields
          ids={IDS}
          firstName={firstName()}
          lastName={lastName()}
          onFirstName={setFirstName}
          onLastName={setLastName}
          errors={form.errors()}
        />
        <TextField
          id={IDS.email}
          label="Adresse électronique (facultative)"
          hint="Pour lui envoyer l'invitation et la confirmation du rendez-vous."
          type="email"
          autocomplete="off"
          spellcheck={false}
          value={email()}
          onInput={(event) => setEmail(event.currentTarget.value)}
          error={form.errors().email}
        />
        <TextField
          id={IDS.phone}
          label="Téléphone (facultatif)"
          type="tel"
          autocomplete="off"
          value={phone()}
          onInput={(event) => setPhone(event.currentTarget.value)}
          error={form.errors().phone}
        />
      </div>
      <CommuneField
        id={IDS.commune}
        label="Commune de la personne (facultatif)"
        required={false}
        autocomplete="off"
        value={commune()}
        onChange={setCommune}
        error={form.errors().commune}
      />
      <TextAreaField
        id={IDS.need}
        label="Son besoin"
        hint="Ce que la personne attend de la structure, avec ses mots. Aucune information de santé."
        rows={4}
        maxlength={2000}
        value={need()}
        onInput={(event) => setNeed(event.currentTarget.value)}
        error={form.errors().need}
      />

      <h2>La structure destinataire</h2>
      <TargetSuggestions commune={commune()} onChoose={choose} />
      <Show when={picked()}>
        {(text) => (
          <p class="referral-picked" role="status">
            {text()}
          </p>
        )}
      </Show>
      <div class="directory-grid">
        <SelectField
          id={IDS.serviceId}
          label="Service"
          value={serviceId()}
          onChange={(event) => {
            setServiceId(event.currentTarget.value);
            setTarget("");
            setPicked(undefined);
          }}
          error={form.errors().serviceId}
        >
          <option value="" selected={serviceId() === ""}>
            Choisissez un service
          </option>
          <IdOptions each={services()} selected={serviceId()} label={(choice) => choice.name} />
        </SelectField>
        <SelectField
          id={IDS.toStructureId}
          label="Structure"
          hint={serviceId() ? "Les structures du SPRO qui offrent ce service." : "Choisissez d'abord le service."}
          value={target()}
          onChange={(event) => {
            setTarget(event.currentTarget.value);
            setPicked(undefined);
          }}
          error={form.errors().toStructureId}
        >
          <option value="" selected={target() === ""}>
            Choisissez une structure
          </option>
          {/* Its own boundary: the options come after the service is chosen, the form stays on screen. */}
          <Suspense>
            <IdOptions each={targets()} selected={target()} label={(structure) => structure.name} />
          </Suspense>
        </SelectField>
      </div>

      <h2>L'accord de la personne</h2>
      <CheckboxField
        id={IDS.consent}
        label="La personne accepte que ses coordonnées soient transmises à la structure"
        hint="Sans son accord, ne l'orientez pas : donnez-lui plutôt les coordonnées de la structure."
        checked={consent()}
        onChange={(event) => setConsent(event.currentTarget.checked)}
        error={form.errors().consent}
      />
    </AdminForm>
  );
}
