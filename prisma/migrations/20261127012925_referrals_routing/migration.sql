-- CreateEnum
CREATE TYPE "AgeBand" AS ENUM ('under_16', 'from_16_to_25', 'from_26_to_44', 'from_45');

-- CreateEnum
CREATE TYPE "Need" AS ENUM ('school_orientation', 'choose_job_or_training', 'career_change', 'vae', 'find_job', 'create_activity', 'jobs_information');

-- CreateEnum
CREATE TYPE "ReferralStatus" AS ENUM ('sent', 'accepted', 'declined', 'redirected', 'booked', 'expired');

-- CreateEnum
CREATE TYPE "ReferralEventKind" AS ENUM ('created', 'invited', 'reminded', 'accepted', 'declined', 'redirected', 'booked', 'cancelled', 'outcome', 'expired');

-- AlterTable
ALTER TABLE "OutboxMessage" ADD COLUMN     "referralId" UUID;

-- CreateTable
CREATE TABLE "RoutingRule" (
    "id" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "ageBands" "AgeBand"[],
    "situations" "Situation"[],
    "needs" "Need"[],
    "disability" BOOLEAN,
    "networkId" UUID NOT NULL,
    "serviceId" UUID,
    "reason" TEXT NOT NULL,
    "fallback" BOOLEAN NOT NULL DEFAULT false,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "RoutingRule_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FaqEntry" (
    "id" UUID NOT NULL,
    "slug" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "question" TEXT NOT NULL,
    "answer" TEXT NOT NULL,
    "need" "Need",
    "serviceId" UUID,
    "published" BOOLEAN NOT NULL DEFAULT true,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "FaqEntry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Referral" (
    "id" UUID NOT NULL,
    "fromStructureId" UUID NOT NULL,
    "referrerId" UUID NOT NULL,
    "toStructureId" UUID NOT NULL,
    "serviceId" UUID NOT NULL,
    "personId" UUID NOT NULL,
    "need" TEXT NOT NULL,
    "consentAt" TIMESTAMPTZ(3) NOT NULL,
    "status" "ReferralStatus" NOT NULL DEFAULT 'sent',
    "statusReason" TEXT,
    "redirectedFromId" UUID,
    "appointmentId" UUID,
    "invitationTokenHash" TEXT,
    "invitationCodeHash" TEXT,
    "invitedAt" TIMESTAMPTZ(3),
    "invitationExpiresAt" TIMESTAMPTZ(3),
    "invitationRemindedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Referral_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReferralEvent" (
    "id" UUID NOT NULL,
    "referralId" UUID NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL,
    "kind" "ReferralEventKind" NOT NULL,
    "byId" UUID,
    "detail" TEXT NOT NULL DEFAULT '',

    CONSTRAINT "ReferralEvent_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "RoutingRule_position_idx" ON "RoutingRule"("position");

-- CreateIndex
CREATE UNIQUE INDEX "FaqEntry_slug_key" ON "FaqEntry"("slug");

-- CreateIndex
CREATE INDEX "FaqEntry_position_idx" ON "FaqEntry"("position");

-- CreateIndex
CREATE UNIQUE INDEX "Referral_redirectedFromId_key" ON "Referral"("redirectedFromId");

-- CreateIndex
CREATE UNIQUE INDEX "Referral_appointmentId_key" ON "Referral"("appointmentId");

-- CreateIndex
CREATE UNIQUE INDEX "Referral_invitationTokenHash_key" ON "Referral"("invitationTokenHash");

-- CreateIndex
CREATE UNIQUE INDEX "Referral_invitationCodeHash_key" ON "Referral"("invitationCodeHash");

-- CreateIndex
CREATE INDEX "Referral_fromStructureId_createdAt_idx" ON "Referral"("fromStructureId", "createdAt");

-- CreateIndex
CREATE INDEX "Referral_toStructureId_createdAt_idx" ON "Referral"("toStructureId", "createdAt");

-- CreateIndex
CREATE INDEX "Referral_status_invitationExpiresAt_idx" ON "Referral"("status", "invitationExpiresAt");

-- CreateIndex
CREATE INDEX "Referral_personId_idx" ON "Referral"("personId");

-- CreateIndex
CREATE INDEX "ReferralEvent_referralId_at_idx" ON "ReferralEvent"("referralId", "at");

-- CreateIndex
CREATE INDEX "OutboxMessage_referralId_idx" ON "OutboxMessage"("referralId");

-- AddForeignKey
ALTER TABLE "OutboxMessage" ADD CONSTRAINT "OutboxMessage_referralId_fkey" FOREIGN KEY ("referralId") REFERENCES "Referral"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RoutingRule" ADD CONSTRAINT "RoutingRule_networkId_fkey" FOREIGN KEY ("networkId") REFERENCES "Network"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RoutingRule" ADD CONSTRAINT "RoutingRule_serviceId_fkey" FOREIGN KEY ("serviceId") REFERENCES "Service"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FaqEntry" ADD CONSTRAINT "FaqEntry_serviceId_fkey" FOREIGN KEY ("serviceId") REFERENCES "Service"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Referral" ADD CONSTRAINT "Referral_fromStructureId_fkey" FOREIGN KEY ("fromStructureId") REFERENCES "Structure"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Referral" ADD CONSTRAINT "Referral_referrerId_fkey" FOREIGN KEY ("referrerId") REFERENCES "StaffUser"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Referral" ADD CONSTRAINT "Referral_toStructureId_fkey" FOREIGN KEY ("toStructureId") REFERENCES "Structure"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Referral" ADD CONSTRAINT "Referral_serviceId_fkey" FOREIGN KEY ("serviceId") REFERENCES "Service"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Referral" ADD CONSTRAINT "Referral_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Referral" ADD CONSTRAINT "Referral_redirectedFromId_fkey" FOREIGN KEY ("redirectedFromId") REFERENCES "Referral"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Referral" ADD CONSTRAINT "Referral_appointmentId_fkey" FOREIGN KEY ("appointmentId") REFERENCES "Appointment"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReferralEvent" ADD CONSTRAINT "ReferralEvent_referralId_fkey" FOREIGN KEY ("referralId") REFERENCES "Referral"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReferralEvent" ADD CONSTRAINT "ReferralEvent_byId_fkey" FOREIGN KEY ("byId") REFERENCES "StaffUser"("id") ON DELETE SET NULL ON UPDATE CASCADE;


-- Hand-written: at most one fallback rule (the API never removes the last one), and the
-- fallback is unconditional: it is what applies when nothing else does.
CREATE UNIQUE INDEX "RoutingRule_one_fallback" ON "RoutingRule" ("fallback") WHERE "fallback";
ALTER TABLE "RoutingRule" ADD CONSTRAINT "RoutingRule_fallback_unconditional" CHECK (
  NOT "fallback" OR (
    "active" AND cardinality(coalesce("ageBands", '{}')) = 0 AND cardinality(coalesce("situations", '{}')) = 0
    AND cardinality(coalesce("needs", '{}')) = 0 AND "disability" IS NULL
  )
);
