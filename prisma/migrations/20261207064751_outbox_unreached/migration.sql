-- AlterTable
ALTER TABLE "OutboxMessage" ADD COLUMN     "unreached" BOOLEAN NOT NULL DEFAULT false;

