-- CreateEnum
CREATE TYPE "WaitlistEnd" AS ENUM ('accepted', 'left', 'removed', 'meeting', 'expired', 'offers', 'erased');

-- CreateEnum
CREATE TYPE "WaitlistOfferStatus" AS ENUM ('open', 'accepted', 'declined', 'expired', 'withdrawn');

-- CreateTable
CREATE TABLE "WaitlistEntry" (
    "id" UUID NOT NULL,
    "offeringId" UUID NOT NULL,
    "personId" UUID NOT NULL,
    "appointmentId" UUID,
    "halfDays" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "modes" "Mode"[] DEFAULT ARRAY[]::"Mode"[],
    "until" TIMESTAMPTZ(3),
    "otherwiseAt" TIMESTAMPTZ(3) NOT NULL,
    "tokenHash" TEXT,
    "channel" "Channel" NOT NULL,
    "queue" SERIAL NOT NULL,
    "addedById" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "endedAt" TIMESTAMPTZ(3),
    "endReason" "WaitlistEnd",

    CONSTRAINT "WaitlistEntry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WaitlistOffer" (
    "id" UUID NOT NULL,
    "entryId" UUID NOT NULL,
    "offeringId" UUID NOT NULL,
    "advisorId" UUID NOT NULL,
    "siteId" UUID,
    "mode" "Mode" NOT NULL,
    "startsAt" TIMESTAMPTZ(3) NOT NULL,
    "endsAt" TIMESTAMPTZ(3) NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "holdUntil" TIMESTAMPTZ(3) NOT NULL,
    "status" "WaitlistOfferStatus" NOT NULL DEFAULT 'open',
    "answeredAt" TIMESTAMPTZ(3),
    "appointmentId" UUID,
    "daysGained" DOUBLE PRECISION,

    CONSTRAINT "WaitlistOffer_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "WaitlistEntry_tokenHash_key" ON "WaitlistEntry"("tokenHash");

-- CreateIndex
CREATE INDEX "WaitlistEntry_offeringId_queue_idx" ON "WaitlistEntry"("offeringId", "queue");

-- CreateIndex
CREATE INDEX "WaitlistEntry_personId_idx" ON "WaitlistEntry"("personId");

-- CreateIndex
CREATE INDEX "WaitlistEntry_appointmentId_idx" ON "WaitlistEntry"("appointmentId");

-- CreateIndex
CREATE UNIQUE INDEX "WaitlistOffer_tokenHash_key" ON "WaitlistOffer"("tokenHash");

-- CreateIndex
CREATE INDEX "WaitlistOffer_entryId_idx" ON "WaitlistOffer"("entryId");

-- CreateIndex
CREATE INDEX "WaitlistOffer_advisorId_startsAt_idx" ON "WaitlistOffer"("advisorId", "startsAt");

-- CreateIndex
CREATE INDEX "WaitlistOffer_offeringId_createdAt_idx" ON "WaitlistOffer"("offeringId", "createdAt");

-- AddForeignKey
ALTER TABLE "WaitlistEntry" ADD CONSTRAINT "WaitlistEntry_offeringId_fkey" FOREIGN KEY ("offeringId") REFERENCES "Offering"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WaitlistEntry" ADD CONSTRAINT "WaitlistEntry_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WaitlistEntry" ADD CONSTRAINT "WaitlistEntry_appointmentId_fkey" FOREIGN KEY ("appointmentId") REFERENCES "Appointment"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WaitlistEntry" ADD CONSTRAINT "WaitlistEntry_addedById_fkey" FOREIGN KEY ("addedById") REFERENCES "StaffUser"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WaitlistOffer" ADD CONSTRAINT "WaitlistOffer_entryId_fkey" FOREIGN KEY ("entryId") REFERENCES "WaitlistEntry"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- By hand: a meeting waits on the list once at most, and a waiting person holds one offer at a time.
CREATE UNIQUE INDEX "WaitlistEntry_one_per_meeting" ON "WaitlistEntry"("appointmentId") WHERE "endedAt" IS NULL;
CREATE UNIQUE INDEX "WaitlistOffer_one_open_per_entry" ON "WaitlistOffer"("entryId") WHERE status = 'open';
-- The holds the slot search reads, advisor by advisor.
CREATE INDEX "WaitlistOffer_open_holds" ON "WaitlistOffer"("advisorId", "startsAt") WHERE status = 'open';
