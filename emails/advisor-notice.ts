import { phoneForPeople } from "../server/domain/phone.ts";
import type { AppointmentDetails, RenderedEmail } from "./appointment.ts";
import { day, time, when, where } from "./format.ts";
import { render } from "./layout.ts";

export type AdvisorEvent =
  | { kind: "booked" }
  | { kind: "moved"; previous: { start: Date; end: Date } }
  /** Moved to another advisor's agenda: told to the advisor who had it. */
  | { kind: "movedAway"; previous: { start: Date; end: Date } }
  | { kind: "cancelled"; reason: string | null };

/**
 * To the advisor: a meeting was booked, moved or cancelled in their agenda. Minimal personal
 * data: the person's name and how to reach them, nothing else.
 */
export function advisorNotice(a: AppointmentDetails, event: AdvisorEvent): RenderedEmail {
  const at = (start: Date) => `${day(start, a.zone)} à ${time(start, a.zone)}`;
  const subject =
    event.kind === "movedAway"
      ? `Rendez-vous retiré de votre agenda : ${at(event.previous.start)}`
      : {
          booked: `Nouveau rendez-vous le ${at(a.start)}`,
          moved: `Rendez-vous déplacé au ${at(a.start)}`,
          cancelled: `Rendez-vous annulé : ${at(a.start)}`,
        }[event.kind];
  const person = `${a.person.firstName} ${a.person.lastName}`;
  const phone = a.person.phone && phoneForPeople(a.person.phone);
  const contact = [a.person.email, phone].filter(Boolean).join(" — ") || "aucun moyen de contact donné";
  return render(subject, subject, [
    {
      kind: "facts",
      facts: [
        ...(event.kind === "movedAway"
          ? ([
              ["Quand", when({ ...event.previous, zone: a.zone })],
              ["Désormais", `${when(a)}, avec ${a.advisor.firstName} ${a.advisor.lastName}`],
            ] as [string, string][])
          : [["Quand", when(a)] as [string, string]]),
        ...(event.kind === "moved" ? [["Auparavant", when({ ...event.previous, zone: a.zone })] as [string, string]] : []),
        // where() speaks to the person (« le conseiller vous appelle »); the advisor is the one who calls.
        ["Où", a.mode === "phone" ? "Par téléphone : vous appelez la personne (numéro ci-dessous)." : where(a)],
        ["Service", a.service.name],
        ["Personne", person],
        ["Contact", contact],
        ...(a.accessibilityNeeds ? [["Besoins d'aménagement", a.accessibilityNeeds] as [string, string]] : []),
        ...(event.kind === "cancelled" && event.reason ? [["Motif", event.reason] as [string, string]] : []),
      ],
    },
  ]);
}
