import { A, createAsync, useAction, useNavigate } from "@solidjs/router";
import { createMemo, createSignal, For, Show, Suspense } from "solid-js";
import { ACCESSIBILITY_AID_CHOICES, type AccessibilityAid } from "../../../../../server/domain/accessibility.ts";
import { HALF_DAYS, type HalfDay, halfDayWords } from "../../../../../server/domain/half-days.ts";
import { Button } from "../../../components/button.tsx";
import { CheckboxField, ChoicesField, IdOptions, SelectField, TextAreaField, TextField } from "../../../components/fields.tsx";
import { Loadable, Loading } from "../../../components/notice.tsx";
import { PageTitle } from "../../../components/page-title.tsx";
import { formatMoment, formatParisInstant } from "../../../lib/dates.ts";
import { mobileShape } from "../../../lib/phone.ts";
import { emailError, NEEDS_MAX, phoneError } from "../../booking/details.ts";
import { AdminForm, createAdminForm, createSuccess, optional, SuccessNotice } from "../directory/admin-form.tsx";
import { BackLink } from "../directory/directory-area.tsx";
import { canManage } from "../roles.ts";
import { useStaffUser } from "../staff-area.tsx";
import {
  type DeskPerson,
  type DeskSlot,
  type DeskStructure,
  getDeskSlots,
  getDeskStructure,
  getDeskStructures,
  searchPeople,
} from "./agenda-api.ts";
import { CALL_TO_TELL, fullName, MODES } from "./agenda-words.ts";
import { AreaGuard, teamStructures } from "./area-guard.tsx";
import { DESK_CONFIRMATION_PATH, type DeskConfirmation } from "./desk-confirmation-page.tsx";
import { createDeskBooking, SlotChoices } from "./slot-booking.tsx";
import { addToWaitlist } from "./waitlist-api.ts";
import "../directory/directory.css";
import "./agenda.css";

/** `/espace/accueil`: book for someone at the desk or on the phone — who, then which slot, then book. */
/**
 * A person found at the desk, with what tells homonyms apart: contacts, birth year, and their
 * last meeting in the structure (past or planned).
 */
function whoIs(person: DeskPerson): string {
  return [
    fullName(person),
    person.email,
    person.phone,
    person.notifiedBy === "phone-call" && CALL_TO_TELL,
    person.birthYear && `né·e en ${person.birthYear}`,
    person.lastSeen ? `dernier rendez-vous ici le ${formatParisInstant(person.lastSeen)}` : "en liste d'attente ici",
  ]
    .filter(Boolean)
    .join(" — ");
}

/**
 * The meetings to come of the people found, each a link to its page: a caller who wants to move
 * or cancel theirs is found in one search.
 */
function UpcomingMeetings(props: { people: readonly DeskPerson[] }) {
  const expected = () => props.people.filter((person) => person.upcoming.length > 0);
  return (
    <Show when={expected().length > 0}>
      <h3 id="desk-upcoming">Rendez-vous à venir</h3>
      <ul class="directory-list" aria-labelledby="desk-upcoming">
        <For each={expected()}>
          {(person) => (
            <For each={person.upcoming}>
              {(meeting) => (
                <li class="directory-list__item">
                  <A href={`/espace/rendez-vous/${meeting.id}`}>
                    {fullName(person)}, le {formatMoment(meeting.start)}
                  </A>
                  <span class="directory-list__meta">
                    {meeting.service} — avec {fullName(meeting.advisor)} — {MODES[meeting.mode]}
                  </span>
                </li>
              )}
            </For>
          )}
        </For>
      </ul>
    </Show>
  );
}

export default function DeskPage() {
  return (
    <AreaGuard area="reception" refusal="L'accueil est celui des agents d'accueil et des administrateurs des structures.">
      <DeskView />
    </AreaGuard>
  );
}

function DeskView() {
  const user = useStaffUser();
  const teams = createMemo(() => teamStructures(user()));
  const [structure, setStructure] = createSignal(teams()[0]?.id ?? "");
  return (
    <div class="staff">
      <BackLink href="/espace">Retour à l'espace professionnel</BackLink>
      <PageTitle>Accueil</PageTitle>
      <p class="staff__lead">
        Prenez un rendez-vous pour une personne venue à l'accueil ou qui appelle&nbsp;: retrouvez-la ou saisissez-la, choisissez
        un créneau, réservez.
      </p>
      <Show when={teams().length > 1}>
        <SelectField
          id="accueil-structure"
          label="Structure"
          value={structure()}
          onChange={(event) => setStructure(event.currentTarget.value)}
        >
          <IdOptions each={teams()} selected={structure()} label={(team) => team.name} />
        </SelectField>
      </Show>
      <Show when={structure()} keyed>
        {(id) => (
          <Loadable
            loading="Chargement des services…"
            failure="Les services n'ont pas pu être chargés."
            queryKey={getDeskStructure.key}
          >
            <DeskBooking structure={id} />
          </Loadable>
        )}
      </Show>
    </div>
  );
}

type Field =
  | "person"
  | "firstName"
  | "lastName"
  | "phone"
  | "smsReminders"
  | "email"
  | "offering"
  | "slotKey"
  | "halfDays"
  | "until";
const IDS: Record<Field, string> = {
  person: "accueil-personne",
  firstName: "accueil-prenom",
  lastName: "accueil-nom",
  phone: "accueil-telephone",
  smsReminders: "accueil-rappels-sms",
  email: "accueil-courriel",
  offering: "accueil-service",
  slotKey: "accueil-creneau",
  halfDays: "accueil-attente-demi-journees",
  until: "accueil-attente-jusqu-au",
};
const NAMES = {
  firstName: "Prénom",
  lastName: "Nom",
  phone: "Téléphone",
  smsReminders: "Recevoir les rappels par SMS",
  email: "Adresse électronique",
  slotKey: "Créneau",
  halfDays: "Demi-journées possibles",
  until: "Dernier jour d'attente",
};
const NEW = "nouvelle";

function DeskBooking(props: { structure: string }) {
  const navigate = useNavigate();
  const user = useStaffUser();
  // The meeting may be in another structure's offering open to staff: the person stays the desk's.
  const [target, setTarget] = createSignal(props.structure);
  const desk = createAsync(() => getDeskStructure(target()));
  const places = createAsync(() => getDeskStructures());
  const booking = createDeskBooking();
  const form = createAdminForm(IDS, NAMES);
  const [query, setQuery] = createSignal("");
  const [found, setFound] = createSignal<DeskPerson[]>();
  const [searchError, setSearchError] = createSignal<string>();
  const [personId, setPersonId] = createSignal(NEW);
  const [firstName, setFirstName] = createSignal("");
  const [lastName, setLastName] = createSignal("");
  const [phone, setPhone] = createSignal("");
  const [smsReminders, setSmsReminders] = createSignal(true);
  const [aids, setAids] = createSignal<AccessibilityAid[]>([]);
  const [needs, setNeeds] = createSignal("");
  // Offered when the number looks like a mobile (the server texts mobiles only).
  const smsOffer = createMemo(() => mobileShape(phone().trim()));
  const [email, setEmail] = createSignal("");
  const [offering, setOffering] = createSignal("");
  const [advisor, setAdvisor] = createSignal("");
  const [slot, setSlot] = createSignal<DeskSlot>();
  const known = () => found()?.find((person) => person.id === personId());
  const waitlist = useAction(addToWaitlist);
  const [halfDays, setHalfDays] = createSignal<HalfDay[]>([]);
  const [until, setUntil] = createSignal("");
  const success = createSuccess();

  async function search(event: Event) {
    event.preventDefault();
    setSearchError(undefined);
    if (query().trim().length < 2) {
      setSearchError("Saisissez 2 caractères au moins.");
      return;
    }
    try {
      setFound(await searchPeople(props.structure, query().trim()));
      setPersonId(NEW);
    } catch (error) {
      setSearchError(error instanceof Error ? error.message : String(error));
    }
  }

  async function submit() {
    const chosen = slot();
    const person = known();
    const fresh = !person;
    const done = await form.run(
      {
        firstName: fresh && !firstName().trim() ? "Saisissez le prénom." : undefined,
        lastName: fresh && !lastName().trim() ? "Saisissez le nom." : undefined,
        // Every mistake at once: the formats too, as the server would say them after.
        phone: fresh ? phoneError(phone().trim()) : undefined,
        email: fresh ? emailError(email().trim()) : undefined,
        offering: offering() ? undefined : "Choisissez le service.",
        slotKey: chosen || !offering() ? undefined : "Choisissez un créneau.",
      },
      async () =>
        (await booking.run({
          slotKey: chosen?.key ?? "",
          person: person ? { id: person.id } : newPerson(),
          channel: "reception",
          ...(aids().length > 0 && { accessibilityAids: aids() }),
          ...(optional(needs()) && { accessibilityNeeds: needs().trim() }),
        })) ?? { kind: "failed", message: "Réservation déjà en cours.", disconnected: false },
    );
    if (done === undefined) return;
    const state: DeskConfirmation = {
      booking: done,
      person: person
        ? { firstName: person.firstName, lastName: person.lastName }
        : { firstName: firstName().trim(), lastName: lastName().trim() },
      sentTo: done.confirmationSent ? (person?.email ?? optional(email())) : undefined,
    };
    navigate(DESK_CONFIRMATION_PATH, { state });
  }

  /** No slot suits: the same person, on the list of the service chosen (a structure of one's own). */
  async function wait() {
    const person = known();
    const fresh = !person;
    const added = await form.run(
      {
        firstName: fresh && !firstName().trim() ? "Saisissez le prénom." : undefined,
        lastName: fresh && !lastName().trim() ? "Saisissez le nom." : undefined,
        phone: fresh ? phoneError(phone().trim()) : undefined,
        email: fresh ? emailError(email().trim()) : undefined,
        offering: offering() ? undefined : "Choisissez le service.",
      },
      () =>
        waitlist({
          offering: offering(),
          person: person ? { id: person.id } : newPerson(),
          ...(halfDays().length > 0 && { halfDays: halfDays() }),
          ...(optional(until()) && { until: until() }),
        }),
    );
    if (added) success.say(`${fullName(added.entry.person)} est en liste d'attente pour « ${added.entry.service.name} ».`);
  }

  const newPerson = () => ({
    firstName: firstName().trim(),
    lastName: lastName().trim(),
    ...(optional(phone()) && { phone: phone().trim() }),
    ...(smsOffer() && { smsReminders: smsReminders() }),
    ...(optional(email()) && { email: email().trim() }),
  });

  return (
    <>
      <section class="staff__section" aria-labelledby="desk-person-title">
        <h2 id="desk-person-title">1. La personne</h2>
        <form class="staff-form directory-search" aria-label="Retrouver une personne" onSubmit={search}>
          <TextField
            id="accueil-recherche"
            label="Retrouver une personne déjà venue"
            hint="Son nom, son adresse électronique ou son numéro de téléphone."
            value={query()}
            onInput={(event) => setQuery(event.currentTarget.value)}
            error={searchError()}
          />
          <Button type="submit" variant="secondary">
            Rechercher
          </Button>
        </form>
      </section>
      <AdminForm form={form} label="Réserver pour la personne" submit="Réserver le rendez-vous" onSubmit={submit}>
        <Show when={found()}>
          {(people) => (
            <div class="desk-results">
              <p role="status">
                {people().length === 0
                  ? "Personne ne correspond : saisissez une nouvelle personne."
                  : `${people().length === 1 ? "1 personne trouvée" : `${people().length} personnes trouvées`}.`}
              </p>
              <ChoicesField
                id={IDS.person}
                legend="Pour qui"
                type="radio"
                options={[
                  ...people().map((person) => ({
                    value: person.id,
                    label: whoIs(person),
                  })),
                  { value: NEW, label: "Une nouvelle personne" },
                ]}
                selected={[personId()]}
                onChange={([id]) => setPersonId(id ?? NEW)}
              />
              <UpcomingMeetings people={people()} />
              <Show when={people().length > 0 && canManage(user(), props.structure)}>
                <p id="desk-people-data">Données personnelles (export, effacement)&nbsp;:</p>
                <ul aria-labelledby="desk-people-data">
                  <For each={people()}>
                    {(person) => (
                      <li>
                        {/* The whole description: two « Maxime Gomes » are told apart by it. */}
                        <A href={`/espace/personnes/${person.id}`}>{whoIs(person)}</A>
                      </li>
                    )}
                  </For>
                </ul>
              </Show>
            </div>
          )}
        </Show>
        <Show when={!known()}>
          <fieldset class="fieldset">
            <legend class="fieldset__legend">Nouvelle personne</legend>
            <p class="field__hint">Le téléphone et l'adresse sont facultatifs&nbsp;: sans adresse, la confirmation s'imprime.</p>
            <div class="directory-grid">
              <TextField
                id={IDS.firstName}
                label="Prénom"
                autocomplete="off"
                value={firstName()}
                onInput={(event) => setFirstName(event.currentTarget.value)}
                error={form.errors().firstName}
              />
              <TextField
                id={IDS.lastName}
                label="Nom"
                autocomplete="off"
                value={lastName()}
                onInput={(event) => setLastName(event.currentTarget.value)}
                error={form.errors().lastName}
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
              <Show when={smsOffer()}>
                {(offer) => (
                  <CheckboxField
                    id={IDS.smsReminders}
                    label="Recevoir les rappels par SMS"
                    hint={`${offer() === "maybe" ? "Si ce numéro est celui d'un mobile, la" : "La"} confirmation, les rappels et tout changement du rendez-vous lui sont envoyés par SMS. Décochez si la personne n'en veut pas.`}
                    checked={smsReminders()}
                    onChange={(event) => setSmsReminders(event.currentTarget.checked)}
                    error={form.errors().smsReminders}
                  />
                )}
              </Show>
              <TextField
                id={IDS.email}
                label="Adresse électronique (facultative)"
                type="email"
                autocomplete="off"
                value={email()}
                onInput={(event) => setEmail(event.currentTarget.value)}
                error={form.errors().email}
              />
            </div>
          </fieldset>
        </Show>
        <h2>2. Le rendez-vous</h2>
        <div class="directory-grid">
          <SelectField
            id="accueil-structure-rdv"
            label="Structure du rendez-vous"
            hint="La vôtre, ou une autre dont un service est ouvert à la réservation par les professionnels."
            value={target()}
            onChange={(event) => {
              setTarget(event.currentTarget.value);
              setOffering("");
              setAdvisor("");
              setSlot(undefined);
            }}
          >
            <For each={[true, false]}>
              {(own) => (
                <Show when={places()?.some((place) => place.own === own)}>
                  <optgroup label={own ? "Vos structures" : "Autres structures"}>
                    <IdOptions
                      each={places()?.filter((place) => place.own === own)}
                      selected={target()}
                      label={(place) => place.name}
                    />
                  </optgroup>
                </Show>
              )}
            </For>
          </SelectField>
          <SelectField
            id={IDS.offering}
            label="Service"
            value={offering()}
            onChange={(event) => {
              setOffering(event.currentTarget.value);
              setSlot(undefined);
            }}
            error={form.errors().offering}
          >
            <option value="" selected={offering() === ""}>
              Choisissez un service
            </option>
            <IdOptions each={desk()?.offerings} selected={offering()} label={(choice) => choice.service.name} />
          </SelectField>
          <SelectField
            id="accueil-conseiller"
            label="Conseiller·ère"
            value={advisor()}
            onChange={(event) => {
              setAdvisor(event.currentTarget.value);
              setSlot(undefined);
            }}
          >
            <option value="" selected={advisor() === ""}>
              Le premier disponible
            </option>
            <IdOptions each={desk()?.advisors} selected={advisor()} label={(person) => fullName(person)} />
          </SelectField>
        </div>
        <Show when={offering()}>
          {(id) => (
            <Suspense fallback={<Loading>Recherche des créneaux libres…</Loading>}>
              <SlotChoices
                id={IDS.slotKey}
                legend="Créneau"
                load={(from, place) => getDeskSlots(id(), advisor() || undefined, from, place)}
                places={placesOf(desk(), id())}
                empty="Aucun créneau libre dans les huit semaines à venir. Essayez un autre conseiller, ou un autre service."
                selected={slot()?.key}
                error={form.errors().slotKey}
                onSelect={setSlot}
              />
            </Suspense>
          )}
        </Show>
        <ChoicesField
          id="accueil-amenagements"
          legend="Aménagements souhaités (facultatif)"
          hint="Ce que la personne demande pour le rendez-vous : le ou la conseiller·ère le voit sur le rendez-vous."
          type="checkbox"
          options={ACCESSIBILITY_AID_CHOICES}
          selected={aids()}
          onChange={setAids}
        />
        <TextAreaField
          id="accueil-besoins"
          label="Autres besoins d'aménagement, ou précisions (facultatif)"
          hint={`Ce qui faciliterait le rendez-vous, jamais un diagnostic. ${NEEDS_MAX} caractères au plus.`}
          maxLength={NEEDS_MAX}
          value={needs()}
          onInput={(event) => setNeeds(event.currentTarget.value)}
        />
      </AdminForm>
      {/* A structure's list is its own staff's: for another structure, its own desk adds people. */}
      <Show when={target() === props.structure}>
        <section class="staff__section" aria-labelledby="desk-waitlist-title">
          <h2 id="desk-waitlist-title">Aucun créneau ne convient&nbsp;?</h2>
          <p>
            Mettez la personne en liste d'attente du service choisi&nbsp;: un créneau qui se libère lui sera proposé par courriel
            ou SMS, avant d'être ouvert à tous.
          </p>
          <ChoicesField
            id={IDS.halfDays}
            legend="Demi-journées possibles (facultatif)"
            hint="Rien de coché : tous les jours."
            type="checkbox"
            options={HALF_DAYS.map((value) => ({ value, label: halfDayWords(value) }))}
            selected={halfDays()}
            onChange={setHalfDays}
            error={form.errors().halfDays}
          />
          <TextField
            id={IDS.until}
            label="Dernier jour d'attente (facultatif)"
            hint="Vide : jusqu'à son rendez-vous, ou un an."
            type="date"
            value={until()}
            onInput={(event) => setUntil(event.currentTarget.value)}
            error={form.errors().until}
          />
          <Button variant="secondary" onClick={wait} disabled={form.sending()}>
            Mettre en liste d'attente
          </Button>
          <SuccessNotice said={success.said()} />
          <Show when={success.said()}>
            <p>
              <A href="/espace/liste-d-attente">Voir la liste d'attente</A>
            </p>
          </Show>
        </section>
      </Show>
    </>
  );
}

/** What « Lieu ou mode » offers for an offering: the structure's sites when it is held on site, and its ways. */
function placesOf(structure: DeskStructure | undefined, offering: string) {
  const chosen = structure?.offerings.find((candidate) => candidate.id === offering);
  return chosen && structure ? { sites: chosen.modes.includes("onsite") ? structure.sites : [], modes: chosen.modes } : undefined;
}
