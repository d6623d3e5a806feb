import type { Database, PrismaClient } from "../db/database.ts";
import type { Prisma } from "../db/generated/client.ts";
import { type ApiPermission, grants, PERMISSION_WORDS } from "../domain/api-permissions.ts";
import { AppError } from "../errors.ts";
import {
  type AccountRoles,
  type Area,
  areasOf,
  canBookFor,
  canEditAvailability,
  canFollowReferral,
  canHandleReferral,
  canIssueToken,
  canManageAccount,
  canManageStructure,
  canReferFrom,
  canSeeAccount,
  canSeeStructurePeople,
  canSeeTerritory,
  managedStructureIds,
  type Roles,
} from "./policy.ts";
import type { StaffIdentity } from "./sessions.ts";

export interface ScopeToken {
  id: string;
  name: string;
  structureId: string;
  permissions: readonly ApiPermission[];
}

/**
 * What one signed-in staff user may see and do: the trust model between structures, in one
 * place. Built once per request from their roles (`requireArea`); routes ask its predicates
 * (pure, in policy.ts), and its `prisma` client applies its rows to every read and write of
 * personal data — appointments, people, referrals — so that an endpoint cannot forget them.
 *
 * - A structure's advisors, reception and admins see its meetings and the people it serves in
 *   full; an advisor sees their own meetings wherever they are.
 * - Of a shared advisor's other structures, a structure sees busy time only (`busy-time.ts`
 *   reads it, times and nothing else, outside this client).
 * - A referral is seen by its sender's organisation (and by those of the referrals it
 *   continues) and handled by its target; the person it passes on is seen by both.
 * - The Région sees every meeting and person (it answers for the data: export, erasure
 *   everywhere), no referral it is not part of; coordinators see figures, never a person.
 */
export class Scope {
  /** Structures where they are advisor, reception or admin: they see its people. */
  readonly staffOf: readonly string[];
  /** Structures they work for in any role, referrers included. */
  readonly memberOf: readonly string[];
  #prisma: PrismaClient | undefined;

  constructor(
    readonly user: StaffIdentity["user"],
    readonly roles: Roles,
    private readonly db: Database,
    /** The API token the request came with: it acts as its creator, in its structure only (api-tokens.ts). */
    readonly token?: ScopeToken,
  ) {
    const ids = (wanted: (role: string) => boolean) => [
      ...new Set(roles.memberships.filter((m) => wanted(m.role)).map((m) => m.structureId)),
    ];
    this.staffOf = ids((role) => role !== "referrer");
    this.memberOf = ids(() => true);
  }

  static async load(db: Database, user: StaffIdentity["user"]): Promise<Scope> {
    const found = await db.prisma.staffUser.findUniqueOrThrow({
      where: { id: user.id },
      select: {
        regionalAdmin: true,
        memberships: { select: { structureId: true, role: true } },
        coordinates: { select: { territoryId: true } },
      },
    });
    const roles: Roles = {
      regionalAdmin: found.regionalAdmin,
      memberships: found.memberships,
      territories: found.coordinates.map((c) => c.territoryId),
    };
    return new Scope(user, roles, db);
  }

  get userId(): string {
    return this.user.id;
  }
  /** Who acts, as the audit log names them: the account, and the token it acts through, if any. */
  get actor(): { actorId: string; apiTokenId: string | null } {
    return { actorId: this.user.id, apiTokenId: this.token?.id ?? null };
  }
  /**
   * Whether an account is the signed-in person themself — their own meetings and absences
   * anywhere. Never through a token: its creator's own affairs in other structures stay theirs.
   */
  isSelf = (userId: string) => !this.token && userId === this.user.id;
  get region(): boolean {
    return this.roles.regionalAdmin;
  }

  // ---------------------------------------------------------------- what they may do

  areas = (): Area[] => areasOf(this.roles);
  seesPeopleOf = (structureId: string) => canSeeStructurePeople(this.roles, structureId);
  booksFor = (structureId: string) => canBookFor(this.roles, structureId);
  manages = (structureId: string) => canManageStructure(this.roles, structureId);
  issuesTokenFor = (structureId: string) => canIssueToken(this.roles, structureId);
  /** The structures they run; undefined for the Région, which runs them all. */
  managedIds = () => managedStructureIds(this.roles);
  seesTerritory = (territoryId: string) => canSeeTerritory(this.roles, territoryId);
  refersFrom = (structureId: string) => canReferFrom(this.roles, structureId);
  follows = (referral: { fromStructureId: string; originStructureIds: readonly string[] }) =>
    canFollowReferral(this.roles, { fromStructureId: referral.fromStructureId, origins: referral.originStructureIds });
  handles = (referral: { toStructureId: string }) => canHandleReferral(this.roles, referral);
  editsAvailability = (advisorId: string, structureId: string) =>
    canEditAvailability(this.roles, this.userId, advisorId, structureId);
  seesAccount = (account: AccountRoles) => canSeeAccount(this.roles, account);
  managesAccount = (account: AccountRoles) => canManageAccount(this.roles, account);

  /**
   * Whether the request may do what `permission` covers: always for a session, for a token only
   * if it holds it — for a verb of one area that reaches into another (an availability change
   * cancelling meetings), beyond the area's permission the request was let in with.
   */
  tokenMay = (permission: ApiPermission) => !this.token || grants(this.token.permissions, permission);

  /** 403 naming the permission, when a token lacks the one needed to `what` (« annuler … »). */
  requireTokenPermission(permission: ApiPermission, what: string): void {
    if (!this.tokenMay(permission))
      throw new AppError(
        "FORBIDDEN",
        `Ce jeton ne peut pas ${what} : il y faut la permission « ${PERMISSION_WORDS[permission]} ».`,
      );
  }

  /** 403 for what the Région alone may do. */
  requireRegion(): void {
    if (!this.region) throw new AppError("FORBIDDEN", "Seule l'administration régionale peut faire cette modification.");
  }

  // ---------------------------------------------------------------- the rows they see

  /** The appointments they see in full; undefined: all of them (the Région). */
  get appointmentRows(): Prisma.AppointmentWhereInput | undefined {
    if (this.region) return undefined;
    const theirs = { structureId: { in: [...this.staffOf] } };
    return this.token ? theirs : { OR: [theirs, { advisorId: this.userId }] };
  }

  /** The referrals they follow or handle (the Région, only those of its own structures, if any). */
  get referralRows(): Prisma.ReferralWhereInput {
    return {
      OR: [
        { fromStructureId: { in: [...this.memberOf] } },
        { originStructureIds: { hasSome: [...this.memberOf] } },
        { toStructureId: { in: [...this.staffOf] } },
      ],
    };
  }

  /**
   * The people of their appointments and referrals, and those waiting on their structures'
   * lists (someone with no meeting yet is the structure's to serve); undefined: everyone (the Région).
   */
  get personRows(): Prisma.PersonWhereInput | undefined {
    if (this.region) return undefined;
    return {
      OR: [
        { appointments: { some: this.appointmentRows } },
        { referrals: { some: this.referralRows } },
        { waitlist: { some: { offering: { structureId: { in: [...this.staffOf] } } } } },
      ],
    };
  }

  /**
   * Their Prisma client: the same as the database's, but every read, update and delete of an
   * appointment, a person or a referral is limited to their rows (a record outside them is
   * not found: a read gives null, an update fails with P2025, answered 404). Relations read
   * through `select`/`include` are not filtered: a route that follows one reads what its row
   * allows (a referral's meeting, the person of a visible appointment).
   */
  get prisma(): PrismaClient {
    this.#prisma ??= limited(this.db.prisma, {
      appointment: this.appointmentRows,
      person: this.personRows,
      referral: this.referralRows,
    });
    return this.#prisma;
  }
}

/** The operations that take a `where`, and so are limited; creations are the verbs' to check. */
const FILTERED = new Set([
  "findUnique",
  "findUniqueOrThrow",
  "findFirst",
  "findFirstOrThrow",
  "findMany",
  "count",
  "aggregate",
  "groupBy",
  "update",
  "updateMany",
  "updateManyAndReturn",
  "delete",
  "deleteMany",
]);

function limited(
  prisma: PrismaClient,
  rows: { appointment?: object | undefined; person?: object | undefined; referral?: object | undefined },
): PrismaClient {
  const within = (filter: object | undefined) => ({
    $allOperations({ operation, args, query }: { operation: string; args: object; query: (args: never) => Promise<unknown> }) {
      if (filter && FILTERED.has(operation)) {
        // Beside the caller's fields, not around them: a unique lookup keeps its unique key at the top.
        const where: { AND?: object | object[] } = ("where" in args && (args.where as object)) || {};
        const and = where.AND === undefined ? [] : Array.isArray(where.AND) ? where.AND : [where.AND];
        return query({ ...args, where: { ...where, AND: [...and, filter] } } as never);
      }
      if (filter && operation === "upsert")
        throw new Error("upsert is not limited to a scope's rows: find, then create or update");
      return query(args as never);
    },
  });
  // A query extension changes no method's type: the client stays a PrismaClient to its callers.
  return prisma.$extends({
    query: { appointment: within(rows.appointment), person: within(rows.person), referral: within(rows.referral) },
  }) as unknown as PrismaClient;
}
