-- CreateEnum
CREATE TYPE "ApiPermission" AS ENUM ('appointments_read', 'appointments_write', 'availability_read', 'availability_write', 'referrals_read', 'referrals_write');

-- CreateEnum
CREATE TYPE "WebhookEvent" AS ENUM ('appointment_booked', 'appointment_moved', 'appointment_cancelled', 'appointment_outcome', 'referral_created', 'referral_answered', 'referral_outcome', 'availability_changed');

-- CreateEnum
CREATE TYPE "WebhookDeliveryStatus" AS ENUM ('pending', 'delivered', 'failed');

-- AlterTable
ALTER TABLE "AuditEvent" ADD COLUMN     "apiTokenId" UUID;

-- AlterTable
ALTER TABLE "StaffSession" ADD COLUMN     "idToken" JSONB;

-- CreateTable
CREATE TABLE "ApiToken" (
    "id" UUID NOT NULL,
    "structureId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "tokenHash" VARCHAR(64) NOT NULL,
    "prefix" TEXT NOT NULL,
    "permissions" "ApiPermission"[],
    "createdById" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL,
    "expiresAt" TIMESTAMPTZ(3),
    "revokedAt" TIMESTAMPTZ(3),
    "lastUsedAt" TIMESTAMPTZ(3),

    CONSTRAINT "ApiToken_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WebhookEndpoint" (
    "id" UUID NOT NULL,
    "structureId" UUID NOT NULL,
    "url" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "events" "WebhookEvent"[],
    "secret" JSONB NOT NULL,
    "previousSecret" JSONB,
    "previousUntil" TIMESTAMPTZ(3),
    "createdById" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL,
    "disabledAt" TIMESTAMPTZ(3),
    "disabledReason" TEXT,
    "failures" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "WebhookEndpoint_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WebhookDelivery" (
    "id" UUID NOT NULL,
    "endpointId" UUID NOT NULL,
    "event" "WebhookEvent" NOT NULL,
    "payload" JSONB NOT NULL,
    "orderKey" TEXT,
    "serial" BIGSERIAL NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL,
    "dueAt" TIMESTAMPTZ(3) NOT NULL,
    "status" "WebhookDeliveryStatus" NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "leaseUntil" TIMESTAMPTZ(3),
    "deliveredAt" TIMESTAMPTZ(3),

    CONSTRAINT "WebhookDelivery_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WebhookAttempt" (
    "id" UUID NOT NULL,
    "deliveryId" UUID NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL,
    "status" INTEGER,
    "error" TEXT,
    "ms" INTEGER NOT NULL,

    CONSTRAINT "WebhookAttempt_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OidcSignIn" (
    "id" VARCHAR(64) NOT NULL,
    "nonce" TEXT NOT NULL,
    "codeVerifier" JSONB NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,
    "usedAt" TIMESTAMPTZ(3),

    CONSTRAINT "OidcSignIn_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BusyCalendar" (
    "id" UUID NOT NULL,
    "advisorId" UUID NOT NULL,
    "url" JSONB NOT NULL,
    "etag" TEXT,
    "lastModified" TEXT,
    "dueAt" TIMESTAMPTZ(3) NOT NULL,
    "leaseUntil" TIMESTAMPTZ(3),
    "readAt" TIMESTAMPTZ(3),
    "syncedAt" TIMESTAMPTZ(3),
    "failingSince" TIMESTAMPTZ(3),
    "lastError" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "BusyCalendar_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BusyCalendarEvent" (
    "id" UUID NOT NULL,
    "calendarId" UUID NOT NULL,
    "advisorId" UUID NOT NULL,
    "startsAt" TIMESTAMPTZ(3) NOT NULL,
    "endsAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "BusyCalendarEvent_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ApiToken_tokenHash_key" ON "ApiToken"("tokenHash");

-- CreateIndex
CREATE INDEX "ApiToken_structureId_idx" ON "ApiToken"("structureId");

-- CreateIndex
CREATE INDEX "WebhookEndpoint_structureId_idx" ON "WebhookEndpoint"("structureId");

-- CreateIndex
CREATE INDEX "WebhookDelivery_status_dueAt_idx" ON "WebhookDelivery"("status", "dueAt");

-- CreateIndex
CREATE INDEX "WebhookDelivery_endpointId_orderKey_serial_idx" ON "WebhookDelivery"("endpointId", "orderKey", "serial");

-- CreateIndex
CREATE INDEX "WebhookDelivery_endpointId_createdAt_idx" ON "WebhookDelivery"("endpointId", "createdAt");

-- CreateIndex
CREATE INDEX "WebhookAttempt_deliveryId_at_idx" ON "WebhookAttempt"("deliveryId", "at");

-- CreateIndex
CREATE UNIQUE INDEX "BusyCalendar_advisorId_key" ON "BusyCalendar"("advisorId");

-- CreateIndex
CREATE INDEX "BusyCalendar_dueAt_idx" ON "BusyCalendar"("dueAt");

-- CreateIndex
CREATE INDEX "BusyCalendarEvent_advisorId_startsAt_idx" ON "BusyCalendarEvent"("advisorId", "startsAt");

-- CreateIndex
CREATE INDEX "BusyCalendarEvent_calendarId_idx" ON "BusyCalendarEvent"("calendarId");

-- CreateIndex
CREATE INDEX "AuditEvent_apiTokenId_idx" ON "AuditEvent"("apiTokenId");

-- AddForeignKey
ALTER TABLE "AuditEvent" ADD CONSTRAINT "AuditEvent_apiTokenId_fkey" FOREIGN KEY ("apiTokenId") REFERENCES "ApiToken"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApiToken" ADD CONSTRAINT "ApiToken_structureId_fkey" FOREIGN KEY ("structureId") REFERENCES "Structure"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApiToken" ADD CONSTRAINT "ApiToken_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "StaffUser"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WebhookEndpoint" ADD CONSTRAINT "WebhookEndpoint_structureId_fkey" FOREIGN KEY ("structureId") REFERENCES "Structure"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WebhookEndpoint" ADD CONSTRAINT "WebhookEndpoint_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "StaffUser"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WebhookDelivery" ADD CONSTRAINT "WebhookDelivery_endpointId_fkey" FOREIGN KEY ("endpointId") REFERENCES "WebhookEndpoint"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WebhookAttempt" ADD CONSTRAINT "WebhookAttempt_deliveryId_fkey" FOREIGN KEY ("deliveryId") REFERENCES "WebhookDelivery"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BusyCalendar" ADD CONSTRAINT "BusyCalendar_advisorId_fkey" FOREIGN KEY ("advisorId") REFERENCES "StaffUser"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BusyCalendarEvent" ADD CONSTRAINT "BusyCalendarEvent_calendarId_fkey" FOREIGN KEY ("calendarId") REFERENCES "BusyCalendar"("id") ON DELETE CASCADE ON UPDATE CASCADE;

