import type { AppointmentDetails, RenderedEmail } from "./appointment.ts";
import { contactBlocks, meetingBlocks } from "./blocks.ts";
import { day, time, when } from "./format.ts";
import { render } from "./layout.ts";

/** To the person: the meeting moved (the .ics updates the same event, SEQUENCE + 1). */
export function appointmentMoved(a: AppointmentDetails, previous: { start: Date; end: Date }): RenderedEmail {
  return render(
    `Rendez-vous déplacé au ${day(a.start, a.zone)} à ${time(a.start, a.zone)}`,
    `Bonjour ${a.person.firstName}, votre rendez-vous a été déplacé`,
    [
      { kind: "text", text: `Il n'a plus lieu le ${when({ ...previous, zone: a.zone })}. Voici le nouveau rendez-vous :` },
      ...meetingBlocks(a),
      ...contactBlocks(a),
    ],
  );
}
