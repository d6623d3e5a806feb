import type { StaffDeps } from "../../context.ts";
import { audited } from "../../db/audit.ts";
import { sqlIn, type Tx } from "../../db/database.ts";
import { notFound, validationError } from "../../errors.ts";
import { lockLivePerson } from "../appointments/live-person.ts";
import { addEntry, type Joiner, listedOfferingSelect, newJoiner } from "./add-entry.ts";
import type { DeskWaitlistInput } from "./staff-schemas.ts";
import { staffEntrySelect, staffEntryView } from "./staff-view.ts";

const joinerSelect = { id: true, firstName: true, email: true, phone: true, smsReminders: true } as const;

/**
 * « Mettre en liste d'attente » at the desk: someone the structure knows, or someone new, for
 * one of the structure's offerings when no slot suits them — or a meeting of theirs, to bring
 * it forward. Channel « reception », added by the user; audited.
 */
export async function addAtDesk(deps: StaffDeps & { input: DeskWaitlistInput }) {
  const { scope, clock, config, input } = deps;
  const now = clock.now();
  // A meeting the user sees (scope.ts) gives its person and offering.
  const meeting = input.appointmentId
    ? await scope.prisma.appointment.findUnique({
        where: { id: input.appointmentId },
        select: { id: true, startsAt: true, status: true, outcome: true, offeringId: true, personId: true, structureId: true },
      })
    : undefined;
  // Another structure's meeting or offering is answered as one that does not exist.
  if (meeting === null || (meeting && !scope.booksFor(meeting.structureId))) throw notFound("Rendez-vous");
  if (meeting && (meeting.status !== "booked" || meeting.outcome !== null))
    throw validationError({ appointmentId: "Ce rendez-vous n'est plus prévu : il n'y a rien à avancer." });
  const offeringId = meeting?.offeringId ?? input.offering ?? "";
  const offering = await scope.prisma.offering.findUnique({ where: { id: offeringId }, select: listedOfferingSelect });
  if (!offering || !scope.booksFor(offering.structureId)) throw notFound("Offre");
  const known = meeting ? { id: meeting.personId } : input.person && "id" in input.person ? input.person : undefined;
  if (known && !meeting && !(await scope.prisma.person.count({ where: { id: known.id, anonymisedAt: null } })))
    throw validationError({ "person.id": "Personne introuvable." });

  const entry = await audited(
    deps,
    {
      action: "waitlist.add",
      entity: "WaitlistEntry",
      details: { structureId: offering.structureId, channel: "reception" },
    },
    async (tx) => {
      const person = known ? await liveJoiner(tx, known.id) : await newPerson(tx, input.person, now);
      const { id } = await addEntry(
        tx,
        { config, now },
        { offering, person, meeting, wishes: input, channel: "reception", addedById: scope.userId },
      );
      return staffEntryView(await tx.waitlistEntry.findUniqueOrThrow({ where: { id }, select: staffEntrySelect }));
    },
  );
  return { entry };
}

/** A known person, locked against an erasure and refused once erased (live-person.ts). */
export async function liveJoiner(tx: Tx, id: string): Promise<Joiner & { id: string }> {
  await lockLivePerson(sqlIn(tx), id);
  const person = await tx.person.findUnique({ where: { id }, select: joinerSelect });
  if (!person) throw notFound("Personne");
  return person;
}

/** Someone new at the desk, as the desk's booking records them (the notice is the desk's to give). */
function newPerson(tx: Tx, fields: DeskWaitlistInput["person"], now: Date): Promise<Joiner & { id: string }> {
  if (!fields || "id" in fields) throw validationError({ person: "Indiquez la personne." });
  return newJoiner(tx, fields, now, false);
}
