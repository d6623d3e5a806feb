import type { AppointmentDetails } from "../../emails/appointment.ts";

/**
 * An appointment as messages tell it, for the renders' tests: Monday 30 March 2026, the day after
 * clocks went forward (09:00 in Paris is 07:00 UTC), at the PIC VAE of Lille.
 */
export const sampleDetails = (a: Partial<AppointmentDetails> = {}): AppointmentDetails => ({
  id: "5b0f7c7e-1f0b-4a57-9c43-0d9c2f1f7a10",
  start: new Date("2026-03-30T07:00:00Z"),
  end: new Date("2026-03-30T07:45:00Z"),
  zone: "Europe/Paris",
  sequence: 0,
  status: "booked",
  mode: "onsite",
  service: { name: "Information-conseil VAE" },
  structure: { name: "Point Info Conseil VAE de Lille", email: "contact@pic-vae-lille.demo.example", phone: "03 53 01 00 00" },
  site: {
    name: "Lille Centre",
    address: "12 rue Nationale",
    postcode: "59000",
    commune: "Lille",
    accessInfo: "Métro ligne 1, station Rihour.",
  },
  person: { firstName: "Léa", lastName: "Durand", email: "lea.durand@example.org", phone: null },
  advisor: { firstName: "Claire", lastName: "Martin", email: "claire.martin@pic-vae-lille.demo.example" },
  instructions: "Votre CV et vos justificatifs d'expérience.",
  accessibilityNeeds: "",
  manageUrl: "https://rdv.example.fr/rdv/AbCdEf0123456789xyzXYZ",
  seats: 1,
  ...a,
});
