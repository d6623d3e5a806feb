import type { AppointmentDetails, RenderedEmail } from "./appointment.ts";
import { contactBlocks, meetingBlocks } from "./blocks.ts";
import { day, time } from "./format.ts";
import { render } from "./layout.ts";

/** To the person: their booking is confirmed (with the .ics, METHOD:REQUEST). */
export function appointmentBooked(a: AppointmentDetails): RenderedEmail {
  return render(
    `Rendez-vous confirmé le ${day(a.start, a.zone)} à ${time(a.start, a.zone)}`,
    `Bonjour ${a.person.firstName}, votre rendez-vous est confirmé`,
    [
      ...meetingBlocks(a),
      {
        kind: "text",
        text: "Le rendez-vous est gratuit. Ajoutez-le à votre agenda avec le fichier joint. Vous recevrez un rappel avant le rendez-vous.",
      },
      ...contactBlocks(a),
    ],
  );
}
