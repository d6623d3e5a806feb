-- CreateEnum
CREATE TYPE "NoticeKind" AS ENUM ('agenda_booked', 'agenda_changed', 'referral_answered', 'referral_followed');

-- CreateEnum
CREATE TYPE "NoticeDelivery" AS ENUM ('every', 'digest', 'none');

-- AlterEnum
ALTER TYPE "OutboxStatus" ADD VALUE 'digest';

-- AlterTable
ALTER TABLE "Structure" ADD COLUMN     "inboxAlert" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "inboxEmail" TEXT;

-- AlterTable
ALTER TABLE "Referral" ADD COLUMN     "readdressedFromId" UUID;

-- CreateTable
CREATE TABLE "NoticeChoice" (
    "userId" UUID NOT NULL,
    "kind" "NoticeKind" NOT NULL,
    "delivery" "NoticeDelivery" NOT NULL,

    CONSTRAINT "NoticeChoice_pkey" PRIMARY KEY ("userId","kind")
);

-- CreateIndex
CREATE UNIQUE INDEX "Referral_readdressedFromId_key" ON "Referral"("readdressedFromId");

-- AddForeignKey
ALTER TABLE "NoticeChoice" ADD CONSTRAINT "NoticeChoice_userId_fkey" FOREIGN KEY ("userId") REFERENCES "StaffUser"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Referral" ADD CONSTRAINT "Referral_readdressedFromId_fkey" FOREIGN KEY ("readdressedFromId") REFERENCES "Referral"("id") ON DELETE SET NULL ON UPDATE CASCADE;

