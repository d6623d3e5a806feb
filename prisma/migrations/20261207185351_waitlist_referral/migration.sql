-- AlterTable
ALTER TABLE "WaitlistEntry" ADD COLUMN     "referralId" UUID;

-- CreateIndex
CREATE INDEX "WaitlistEntry_referralId_idx" ON "WaitlistEntry"("referralId");

-- AddForeignKey
ALTER TABLE "WaitlistEntry" ADD CONSTRAINT "WaitlistEntry_referralId_fkey" FOREIGN KEY ("referralId") REFERENCES "Referral"("id") ON DELETE SET NULL ON UPDATE CASCADE;

