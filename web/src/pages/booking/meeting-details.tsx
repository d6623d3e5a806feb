import { Show } from "solid-js";
import { accessibilityWords } from "../../../../server/domain/accessibility.ts";
import type { Appointment, Mode, Place, Site, Structure } from "../../lib/api.ts";
import { dateOf, formatDayWithYear, formatDuration, formatTime, timeOf } from "../../lib/dates.ts";
import { counted } from "../../lib/french.ts";
import { placeName, siteAddress } from "./slot-choices.ts";
import { PhoneLink } from "./slot-pickers.tsx";

/** A meeting as the person reads it, whether a slot about to be booked or a booked appointment. */
export interface Meeting {
  start: string;
  end: string;
  service?: string | undefined;
  structure: string;
  network?: string | undefined;
  mode: Mode;
  /** For a meeting on site. */
  site?: { name: string; address: string; accessInfo: string } | undefined;
  /** A collective session: the seats left when booking, or just the fact once booked. */
  collective?: { seatsLeft?: number | undefined } | undefined;
  /** The arrangements asked and the person's words, in one line (`accessibilityWords`). */
  accessibilityNeeds?: string | undefined;
  /** « À prévoir »: what to bring, as the structure wrote it for this service. */
  instructions?: string | null | undefined;
}

/** A free slot of `structure` in `place`. */
export function slotMeeting(
  slot: { start: string; end: string; seatsLeft: number },
  structure: Structure,
  place: Place,
  site: Site | undefined,
  service?: string,
): Meeting {
  return {
    start: slot.start,
    end: slot.end,
    service,
    structure: structure.name,
    network: structure.network.name,
    mode: place.mode,
    site:
      place.mode === "onsite" && site ? { name: site.name, address: siteAddress(site), accessInfo: site.accessInfo } : undefined,
    collective: slot.seatsLeft > 1 ? { seatsLeft: slot.seatsLeft } : undefined,
    instructions: structure.instructions,
  };
}

/** A booked appointment, as the API gives it back. */
export function appointmentMeeting(appointment: Appointment): Meeting {
  const site = appointment.site;
  return {
    start: appointment.start,
    end: appointment.end,
    service: appointment.service.name,
    structure: appointment.structure.name,
    mode: appointment.mode,
    site:
      appointment.mode === "onsite" && site
        ? { name: site.name, address: `${site.address}, ${site.postcode} ${site.commune}`, accessInfo: site.accessInfo }
        : undefined,
    collective: appointment.collective ? {} : undefined,
    accessibilityNeeds: accessibilityWords(appointment.accessibilityAids, appointment.accessibilityNeeds),
    instructions: appointment.instructions,
  };
}

/** « Sur place — APEC Lille — Euralille », « Par téléphone », « En visio ». */
export function meetingPlace(meeting: Meeting): string {
  return placeName({
    place: { mode: meeting.mode },
    site: meeting.site && ({ name: meeting.site.name } as Site),
  });
}

/** « lundi 30 mars 2026 à 9 h 00 ». */
export function meetingMoment(meeting: { start: string }): string {
  return `${formatDayWithYear(dateOf(meeting.start))} à ${formatTime(timeOf(meeting.start))}`;
}

/** How to reach the structure: its phone number and its e-mail address, as it has them. */
export function StructureContact(props: { structure: { name: string; phone: string | null; email: string | null } }) {
  return (
    <Show
      when={props.structure.phone || props.structure.email}
      fallback={<p>Contactez {props.structure.name}, qui vous recevra.</p>}
    >
      <p>
        Contactez {props.structure.name}
        <Show when={props.structure.phone}>
          {(phone) => (
            <>
              {" "}
              au <PhoneLink phone={phone()} />
            </>
          )}
        </Show>
        <Show when={props.structure.email}>
          {(email) => (
            <>
              {props.structure.phone ? " ou" : ""} à l'adresse <a href={`mailto:${email()}`}>{email()}</a>
            </>
          )}
        </Show>
        .
      </p>
    </Show>
  );
}

/** When, what, with whom, where and how to get in: a definition list. */
export function MeetingDetails(props: { meeting: Meeting }) {
  return (
    <dl class="summary__list">
      <div class="summary__item">
        <dt>Date</dt>
        <dd>{formatDayWithYear(dateOf(props.meeting.start))}</dd>
      </div>
      <div class="summary__item">
        <dt>Heure</dt>
        <dd>
          de {formatTime(timeOf(props.meeting.start))} à {formatTime(timeOf(props.meeting.end))}
          <span class="summary__aside"> ({formatDuration(props.meeting.start, props.meeting.end)})</span>
        </dd>
      </div>
      <Show when={props.meeting.service}>
        {(service) => (
          <div class="summary__item">
            <dt>Service</dt>
            <dd>{service()}</dd>
          </div>
        )}
      </Show>
      <div class="summary__item">
        <dt>Structure</dt>
        <dd>
          {props.meeting.structure}
          <Show when={props.meeting.network}>{(network) => ` (réseau ${network()})`}</Show>
        </dd>
      </div>
      <div class="summary__item">
        <dt>Mode de rendez-vous</dt>
        <dd>
          {meetingPlace(props.meeting)}
          <Show when={props.meeting.site}>
            {(site) => (
              <>
                <br />
                {site().address}
              </>
            )}
          </Show>
        </dd>
      </div>
      <Show when={props.meeting.site?.accessInfo}>
        {(access) => (
          <div class="summary__item">
            <dt>Accès</dt>
            <dd>{access()}</dd>
          </div>
        )}
      </Show>
      <Show when={props.meeting.collective}>
        {(collective) => (
          <div class="summary__item">
            <dt>Séance collective</dt>
            <dd>
              <Show when={collective().seatsLeft} fallback="Oui\u00a0: d'autres personnes participent à cette séance.">
                {(left) => counted(left(), "place restante", "places restantes")}
              </Show>
            </dd>
          </div>
        )}
      </Show>
      <Show when={props.meeting.instructions}>
        {(instructions) => (
          <div class="summary__item">
            <dt>À prévoir</dt>
            <dd class="summary__text">{instructions()}</dd>
          </div>
        )}
      </Show>
      <Show when={props.meeting.accessibilityNeeds}>
        {(needs) => (
          <div class="summary__item">
            <dt>Besoins d'aménagement</dt>
            <dd class="summary__text">{needs()}</dd>
          </div>
        )}
      </Show>
    </dl>
  );
}
