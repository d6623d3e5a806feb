-- CreateEnum
CREATE TYPE "OutboxChannel" AS ENUM ('email', 'sms');

-- AlterTable
ALTER TABLE "Person" ADD COLUMN     "smsReminders" BOOLEAN NOT NULL DEFAULT true;

-- AlterTable
ALTER TABLE "OutboxMessage" ADD COLUMN     "channel" "OutboxChannel" NOT NULL DEFAULT 'email';

