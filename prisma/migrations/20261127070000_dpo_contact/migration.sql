-- How to reach the data protection officer, shown in the public privacy notice (empty: the
-- notice sends people to the Région's postal address).
-- AlterTable
ALTER TABLE "PlatformSettings" ADD COLUMN     "dpoContact" TEXT NOT NULL DEFAULT '';

-- The API allows 200 characters: an address, not a text.
ALTER TABLE "PlatformSettings" ADD CONSTRAINT "PlatformSettings_dpo_contact_length" CHECK (char_length("dpoContact") <= 200);
