-- CreateEnum
CREATE TYPE "PasswordLinkKind" AS ENUM ('invitation', 'reset');

-- CreateTable
CREATE TABLE "PasswordLink" (
    "id" VARCHAR(64) NOT NULL,
    "userId" UUID NOT NULL,
    "kind" "PasswordLinkKind" NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,
    "usedAt" TIMESTAMPTZ(3),

    CONSTRAINT "PasswordLink_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "PasswordLink_userId_createdAt_idx" ON "PasswordLink"("userId", "createdAt");

-- AddForeignKey
ALTER TABLE "PasswordLink" ADD CONSTRAINT "PasswordLink_userId_fkey" FOREIGN KEY ("userId") REFERENCES "StaffUser"("id") ON DELETE CASCADE ON UPDATE CASCADE;

