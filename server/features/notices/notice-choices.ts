import type { z } from "zod";
import type { StaffDeps } from "../../context.ts";
import { audited } from "../../db/audit.ts";
import { validationError } from "../../errors.ts";
import { type NoticeDelivery, NoticeKind } from "./schemas.ts";

type Kind = z.infer<typeof NoticeKind>;
type Delivery = z.infer<typeof NoticeDelivery>;

const KINDS = NoticeKind.options;

/** The signed-in user's choice for each kind of notice: every e-mail unless they chose otherwise. */
export async function readNoticeChoices({ db, scope }: StaffDeps) {
  const rows = await db.prisma.noticeChoice.findMany({ where: { userId: scope.user.id } });
  const chosen = new Map<Kind, Delivery>(rows.map((row) => [row.kind, row.delivery]));
  return { choices: KINDS.map((kind) => ({ kind, delivery: chosen.get(kind) ?? "every" })) };
}

/** Sets the user's own choices (those given; the others stay as they were). Their account only: no id to guess. */
export async function saveNoticeChoices(deps: StaffDeps & { input: { choices: { kind: Kind; delivery: Delivery }[] } }) {
  const { scope, input } = deps;
  const seen = new Set<Kind>();
  for (const [index, choice] of input.choices.entries()) {
    if (seen.has(choice.kind)) throw validationError({ [`choices.${index}.kind`]: "un seul choix par type de courriel." });
    seen.add(choice.kind);
  }
  const userId = scope.user.id;
  await audited(deps, { action: "account.notices", entity: "StaffUser", details: { fields: [...seen] } }, async (tx) => {
    for (const { kind, delivery } of input.choices) {
      await tx.noticeChoice.upsert({
        where: { userId_kind: { userId, kind } },
        create: { userId, kind, delivery },
        update: { delivery },
      });
    }
    return { id: userId };
  });
  return readNoticeChoices(deps);
}
