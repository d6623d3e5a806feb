import type { StaffDeps } from "../../context.ts";
import { DEFAULT_ZONE, epochDay, type LocalDate, localDateOf } from "../../domain/time.ts";
import { notFound, validationError } from "../../errors.ts";
import { type AgendaView, loadAgenda } from "./load-agenda.ts";

const MAX_DAYS = 31;

/**
 * The agenda of a period: the user's own appointments across the structures they advise in, or
 * with `structure` the team's of a structure whose people they see (one advisor with `advisor`).
 * A token has no own agenda — its creator's absences and busy times elsewhere stay theirs — so
 * without `structure` it gets its structure's, the one view it can have (rather than a 422).
 */
export async function showAgenda({
  db,
  clock,
  scope,
  input: { structure = scope.token?.structureId, advisor, ...period },
}: StaffDeps & {
  input: {
    from?: LocalDate | undefined;
    to?: LocalDate | undefined;
    structure?: string | undefined;
    advisor?: string | undefined;
  };
}) {
  let view: AgendaView;
  if (structure) {
    if (!scope.seesPeopleOf(structure)) throw notFound("Structure");
    const s = await db.prisma.structure.findUnique({
      where: { id: structure },
      select: { timeZone: true, memberships: { where: { role: "advisor" }, select: { userId: true } } },
    });
    if (!s) throw notFound("Structure");
    const team = s.memberships.map((m) => m.userId);
    if (advisor && !team.includes(advisor)) throw validationError({ advisor: "Ce conseiller n'est pas de la structure." });
    view = { advisorIds: advisor ? [advisor] : team, structureIds: [structure], zone: s.timeZone, team: structure };
  } else {
    const mine = scope.roles.memberships.filter((m) => m.role === "advisor").map((m) => m.structureId);
    view = { advisorIds: [scope.userId], structureIds: mine, zone: DEFAULT_ZONE };
  }
  // Without dates, today where the agenda is (a home page does not know the server's day).
  const now = clock.now();
  const from = period.from ?? localDateOf(now, view.zone);
  const to = period.to ?? from;
  if (to < from) throw validationError({ to: "La fin doit suivre le début." });
  if (epochDay(to) - epochDay(from) + 1 > MAX_DAYS) throw validationError({ to: `${MAX_DAYS} jours au plus.` });
  return { zone: view.zone, ...(await loadAgenda(db, scope, view, { from, to, now })) };
}
