-- AlterTable
ALTER TABLE "Absence" ADD COLUMN     "structureId" UUID;

-- AlterTable
ALTER TABLE "Referral" ADD COLUMN     "originStructureIds" TEXT[] DEFAULT ARRAY[]::TEXT[];

-- CreateTable
CREATE TABLE "MembershipInvitation" (
    "id" UUID NOT NULL,
    "tokenHash" VARCHAR(64) NOT NULL,
    "structureId" UUID NOT NULL,
    "email" TEXT NOT NULL,
    "firstName" TEXT NOT NULL,
    "lastName" TEXT NOT NULL,
    "role" "MembershipRole" NOT NULL,
    "invitedById" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "MembershipInvitation_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "MembershipInvitation_tokenHash_key" ON "MembershipInvitation"("tokenHash");

-- CreateIndex
CREATE INDEX "MembershipInvitation_email_idx" ON "MembershipInvitation"("email");

-- CreateIndex
CREATE UNIQUE INDEX "MembershipInvitation_structureId_email_role_key" ON "MembershipInvitation"("structureId", "email", "role");

-- AddForeignKey
ALTER TABLE "MembershipInvitation" ADD CONSTRAINT "MembershipInvitation_structureId_fkey" FOREIGN KEY ("structureId") REFERENCES "Structure"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MembershipInvitation" ADD CONSTRAINT "MembershipInvitation_invitedById_fkey" FOREIGN KEY ("invitedById") REFERENCES "StaffUser"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Absence" ADD CONSTRAINT "Absence_structureId_fkey" FOREIGN KEY ("structureId") REFERENCES "Structure"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- The senders of the referrals each redirection continues, nearest first (structure ids as text:
-- the embedded database's adapter reads no array of uuid).
ALTER TABLE "Referral" ALTER COLUMN "originStructureIds" SET NOT NULL;
WITH RECURSIVE chain AS (
  SELECT r.id, r."redirectedFromId" AS previous, ARRAY[]::TEXT[] AS origins
    FROM "Referral" r WHERE r."redirectedFromId" IS NOT NULL
  UNION ALL
  SELECT c.id, p."redirectedFromId", c.origins || p."fromStructureId"::text
    FROM chain c JOIN "Referral" p ON p.id = c.previous
)
UPDATE "Referral" r SET "originStructureIds" = c.origins FROM chain c WHERE c.id = r.id AND c.previous IS NULL;
CREATE INDEX "Referral_originStructureIds_idx" ON "Referral" USING GIN ("originStructureIds");

-- An absence declared before structures were told apart: the advisor's structure when they
-- work in one; otherwise nobody but the advisor reads its reason.
UPDATE "Absence" a SET "structureId" = m."structureId"
  FROM (SELECT "userId", min("structureId"::text)::uuid AS "structureId" FROM "Membership"
         WHERE role = 'advisor' GROUP BY "userId" HAVING count(*) = 1) m
 WHERE m."userId" = a."advisorId";

-- Invitations are pending a short while; an address is compared lower-cased, as accounts are.
ALTER TABLE "MembershipInvitation" ADD CONSTRAINT "MembershipInvitation_email_lower" CHECK ("email" = lower("email"));
