import type { AppointmentDetails, RenderedEmail } from "./appointment.ts";
import { contactBlocks, meetingBlocks } from "./blocks.ts";
import { day, time } from "./format.ts";
import { render } from "./layout.ts";

/** To the person: the meeting is cancelled, by them or by the structure (.ics METHOD:CANCEL). */
export function appointmentCancelled(
  a: AppointmentDetails,
  cancel: { by: "person" | "structure"; reason: string | null },
): RenderedEmail {
  // The title says it is cancelled, and « Où » names the structure: the intro says who, once.
  const intro =
    cancel.by === "person"
      ? "C'est bien noté : le créneau est libéré pour une autre personne."
      : "La structure a dû annuler votre rendez-vous. Nous vous prions de nous en excuser.";
  return render(
    `Rendez-vous annulé : ${day(a.start, a.zone)} à ${time(a.start, a.zone)}`,
    `Bonjour ${a.person.firstName}, votre rendez-vous est annulé`,
    [
      { kind: "text", text: intro },
      ...(cancel.reason ? [{ kind: "text" as const, text: `Motif : ${cancel.reason}` }] : []),
      // What to bring means nothing for a meeting that will not take place.
      ...meetingBlocks({ ...a, instructions: "" }),
      { kind: "text", text: "Vous pouvez prendre un nouveau rendez-vous à tout moment sur RDV Orientation." },
      ...contactBlocks({ ...a, manageUrl: null }),
    ],
  );
}
