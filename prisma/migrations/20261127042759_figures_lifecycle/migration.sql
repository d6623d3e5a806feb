-- AlterTable
ALTER TABLE "Person" ADD COLUMN     "anonymisedAt" TIMESTAMPTZ(3);

-- CreateTable
CREATE TABLE "PlatformSettings" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "retentionMonths" INTEGER NOT NULL DEFAULT 24,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "PlatformSettings_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WaitingTimeSnapshot" (
    "day" DATE NOT NULL,
    "structureId" UUID NOT NULL,
    "serviceId" UUID NOT NULL,
    "takenAt" TIMESTAMPTZ(3) NOT NULL,
    "nextSlotAt" TIMESTAMPTZ(3),

    CONSTRAINT "WaitingTimeSnapshot_pkey" PRIMARY KEY ("day","structureId","serviceId")
);

-- CreateTable
CREATE TABLE "JobRun" (
    "job" TEXT NOT NULL,
    "day" DATE NOT NULL,
    "startedAt" TIMESTAMPTZ(3) NOT NULL,
    "finishedAt" TIMESTAMPTZ(3),
    "result" JSONB,

    CONSTRAINT "JobRun_pkey" PRIMARY KEY ("job","day")
);

-- CreateIndex
CREATE INDEX "WaitingTimeSnapshot_serviceId_day_idx" ON "WaitingTimeSnapshot"("serviceId", "day");

-- CreateIndex
CREATE INDEX "Person_anonymisedAt_idx" ON "Person"("anonymisedAt");

-- AddForeignKey
ALTER TABLE "WaitingTimeSnapshot" ADD CONSTRAINT "WaitingTimeSnapshot_structureId_fkey" FOREIGN KEY ("structureId") REFERENCES "Structure"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WaitingTimeSnapshot" ADD CONSTRAINT "WaitingTimeSnapshot_serviceId_fkey" FOREIGN KEY ("serviceId") REFERENCES "Service"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- One row of settings, within bounds the Région may choose from.
ALTER TABLE "PlatformSettings" ADD CONSTRAINT "PlatformSettings_single_row" CHECK ("id" = 1);
ALTER TABLE "PlatformSettings" ADD CONSTRAINT "PlatformSettings_retention_bounds" CHECK ("retentionMonths" BETWEEN 1 AND 120);
INSERT INTO "PlatformSettings" ("id", "retentionMonths", "updatedAt") VALUES (1, 24, CURRENT_TIMESTAMP);
