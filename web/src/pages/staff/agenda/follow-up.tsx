import { A } from "@solidjs/router";
import { createSignal, Show, Suspense } from "solid-js";
import { Button } from "../../../components/button.tsx";
import { CheckboxField } from "../../../components/fields.tsx";
import { Loading, Notice } from "../../../components/notice.tsx";
import type { Booking } from "../../../lib/api.ts";
import { formatMoment } from "../../../lib/dates.ts";
import { AdminForm, createAdminForm } from "../directory/admin-form.tsx";
import { useStaffUser } from "../staff-area.tsx";
import { type AppointmentDetail, getDeskSlots } from "./agenda-api.ts";
import { fullName } from "./agenda-words.ts";
import { createDeskBooking, SlotChoices } from "./slot-booking.tsx";

const IDS = { slotKey: "suivi-creneau" };

/**
 * « Prendre un rendez-vous de suivi »: first the free slots of the same offering (the same
 * advisor's, unless any will do), then the booking — the person is the same, the server knows them.
 */
export function FollowUp(props: { appointment: AppointmentDetail }) {
  const user = useStaffUser();
  const booking = createDeskBooking();
  const form = createAdminForm(IDS, { slotKey: "Créneau" });
  const [open, setOpen] = createSignal(false);
  const [anyAdvisor, setAnyAdvisor] = createSignal(false);
  const [slotKey, setSlotKey] = createSignal<string>();
  const [booked, setBooked] = createSignal<Booking>();

  async function submit() {
    const key = slotKey();
    const done = await form.run({ slotKey: key ? undefined : "Choisissez un créneau." }, async () => {
      const outcome = await booking.run({
        slotKey: key ?? "",
        followUpOf: props.appointment.id,
        channel: props.appointment.advisor.id === user().id ? "advisor" : "reception",
      });
      return outcome ?? { kind: "failed", message: "Réservation déjà en cours.", disconnected: false };
    });
    if (done === undefined) return;
    setBooked(done);
    setOpen(false);
    setSlotKey(undefined);
  }

  return (
    <section class="staff__section" aria-labelledby="follow-up-title">
      <h2 id="follow-up-title">Rendez-vous de suivi</h2>
      <Show when={booked()}>
        {(done) => (
          <Notice>
            <p class="notice__title" role="status">
              Rendez-vous de suivi réservé le {formatMoment(done().appointment.start)}.
            </p>
            <p>
              <A href={`/espace/rendez-vous/${done().appointment.id}`}>Ouvrir le rendez-vous de suivi</A>
            </p>
          </Notice>
        )}
      </Show>
      <Button
        variant="secondary"
        aria-expanded={open()}
        aria-controls={open() ? "suivi" : undefined}
        onClick={() => setOpen(!open())}
      >
        Prendre un rendez-vous de suivi
      </Button>
      <Show when={open()}>
        <div id="suivi" class="directory-row__editor">
          <AdminForm form={form} label="Rendez-vous de suivi" submit="Réserver le suivi" onSubmit={submit}>
            <p>
              {props.appointment.offering.service.name}, pour {fullName(props.appointment.person)}
              {props.appointment.person.email ? " : un courriel de confirmation lui est envoyé." : "."}
            </p>
            <CheckboxField
              id="suivi-tous"
              label="Avec n'importe quel conseiller de la structure"
              checked={anyAdvisor()}
              onChange={(event) => {
                setAnyAdvisor(event.currentTarget.checked);
                setSlotKey(undefined);
              }}
            />
            <Suspense fallback={<Loading>Recherche des créneaux libres…</Loading>}>
              <SlotChoices
                id={IDS.slotKey}
                legend="Créneau du suivi"
                load={(from, place) =>
                  getDeskSlots(
                    props.appointment.offering.id,
                    anyAdvisor() ? undefined : props.appointment.advisor.id,
                    from,
                    place,
                  )
                }
                empty="Aucun créneau libre dans les huit semaines à venir. Essayez un autre conseiller, ou un autre service."
                selected={slotKey()}
                error={form.errors().slotKey}
                onSelect={(slot) => setSlotKey(slot?.key)}
              />
            </Suspense>
          </AdminForm>
        </div>
      </Show>
    </section>
  );
}
