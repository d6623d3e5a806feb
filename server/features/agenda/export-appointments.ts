import type { StaffDeps } from "../../context.ts";
import { recordAudit } from "../../db/audit.ts";
import { accessibilityWords } from "../../domain/accessibility.ts";
import { phoneForPeople } from "../../domain/phone.ts";
import { addDays, epochDay, type LocalDate, localInstant } from "../../domain/time.ts";
import { AppError, validationError } from "../../errors.ts";
import { csvDateAndTime, toCsv } from "../../http/csv.ts";

const MODE = { onsite: "Sur place", phone: "Téléphone", video: "Visio" } as const;
const CHANNEL = { online: "En ligne", reception: "Accueil", referral: "Orientation", advisor: "Conseiller·ère" } as const;
const OUTCOME = { honoured: "Honoré", no_show: "Absence", excused: "Absence excusée" } as const;

/**
 * A structure's appointments of a period, as CSV, for its own admins only: people's names and
 * contacts are in it, so not even the Région gets it (it has the figures). Private notes stay out.
 * The export itself is audited (who, which structure, which days), never what it held.
 */
export async function exportAppointments({
  db,
  clock,
  scope,
  input: query,
}: StaffDeps & { input: { structure: string; from: LocalDate; to: LocalDate } }) {
  if (query.from > query.to) throw validationError({ to: "La fin de la période précède son début." });
  if (epochDay(query.to) - epochDay(query.from) >= 366) throw validationError({ to: "Un an au plus." });
  const admin = scope.roles.memberships.some((m) => m.structureId === query.structure && m.role === "structure_admin");
  if (!admin) {
    const member = scope.roles.memberships.some((m) => m.structureId === query.structure);
    if (member)
      throw new AppError(
        "FORBIDDEN",
        "Seuls les administrateurs de la structure peuvent exporter ses rendez-vous : votre rôle ne le permet pas.",
      );
    throw new AppError("NOT_FOUND", "Structure introuvable.");
  }
  const structure = await db.prisma.structure.findUniqueOrThrow({
    where: { id: query.structure },
    select: { slug: true, timeZone: true },
  });
  const zone = structure.timeZone;
  const appointments = await scope.prisma.appointment.findMany({
    where: {
      structureId: query.structure,
      startsAt: { gte: localInstant(query.from, 0, zone) as Date, lt: localInstant(addDays(query.to, 1), 0, zone) as Date },
    },
    orderBy: { startsAt: "asc" },
    select: {
      startsAt: true,
      endsAt: true,
      mode: true,
      status: true,
      outcome: true,
      channel: true,
      createdAt: true,
      accessibilityAids: true,
      accessibilityNeeds: true,
      offering: { select: { service: { select: { name: true } } } },
      site: { select: { name: true } },
      advisor: { select: { firstName: true, lastName: true } },
      bookedBy: { select: { firstName: true, lastName: true } },
      person: { select: { firstName: true, lastName: true, email: true, phone: true } },
    },
  });
  const csv = toCsv(
    [
      "Date",
      "Début",
      "Fin",
      "Service",
      "Lieu",
      "Conseiller·ère",
      "Nom",
      "Prénom",
      "Courriel",
      "Téléphone",
      "Canal",
      "Statut",
      "Issue",
      "Pris le",
      "Pris par",
      "Besoins d'accessibilité",
    ],
    appointments.map((a) => {
      const [date, start] = csvDateAndTime(a.startsAt, zone);
      const [createdOn] = csvDateAndTime(a.createdAt, zone);
      return [
        date,
        start,
        csvDateAndTime(a.endsAt, zone)[1],
        a.offering.service.name,
        a.mode === "onsite" ? (a.site?.name ?? MODE.onsite) : MODE[a.mode],
        `${a.advisor.firstName} ${a.advisor.lastName}`,
        a.person.lastName,
        a.person.firstName,
        a.person.email,
        // Read as people dial it: « +33 6… » would be taken for a formula, and shown with a quote.
        a.person.phone && phoneForPeople(a.person.phone),
        CHANNEL[a.channel],
        a.status === "cancelled" ? "Annulé" : "Réservé",
        a.outcome ? OUTCOME[a.outcome] : null,
        createdOn,
        a.bookedBy ? `${a.bookedBy.firstName} ${a.bookedBy.lastName}` : "La personne",
        accessibilityWords(a.accessibilityAids, a.accessibilityNeeds),
      ];
    }),
  );
  await recordAudit(
    db.prisma,
    {
      ...scope.actor,
      action: "appointments.export",
      entity: "Structure",
      entityId: query.structure,
      // The days it covered say how much was taken, without a name of what it held.
      details: { structureId: query.structure, period: { from: query.from, to: query.to } },
    },
    clock.now(),
  );
  return { csv, fileName: `rendez-vous-${structure.slug}-${query.from}-${query.to}.csv` };
}
