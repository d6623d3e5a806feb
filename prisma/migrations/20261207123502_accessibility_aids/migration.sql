-- CreateEnum
CREATE TYPE "AccessibilityAid" AS ENUM ('wheelchair', 'sign_language', 'hearing_loop', 'reading_help', 'other');

-- AlterTable
ALTER TABLE "Appointment" ADD COLUMN     "accessibilityAids" "AccessibilityAid"[] DEFAULT ARRAY[]::"AccessibilityAid"[];

