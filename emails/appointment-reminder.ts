import type { AppointmentDetails, RenderedEmail } from "./appointment.ts";
import { contactBlocks, meetingBlocks } from "./blocks.ts";
import { day, time } from "./format.ts";
import { render } from "./layout.ts";

/** To the person, before the meeting (by default 48 h and 3 h before). */
export function appointmentReminder(a: AppointmentDetails): RenderedEmail {
  return render(
    `Rappel : rendez-vous le ${day(a.start, a.zone)} à ${time(a.start, a.zone)}`,
    `Bonjour ${a.person.firstName}, nous vous rappelons votre rendez-vous`,
    [
      ...meetingBlocks(a),
      { kind: "text", text: "Si vous ne pouvez pas venir, merci de le dire au plus tôt : la place servira à quelqu'un d'autre." },
      ...contactBlocks(a),
    ],
  );
}
