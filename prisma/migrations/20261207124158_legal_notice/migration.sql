-- The legal notice (publisher, director of publication, host) and the accessibility contact,
-- set by the Région; empty until it gives them.
-- AlterTable
ALTER TABLE "PlatformSettings" ADD COLUMN     "accessibilityContact" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "host" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "publicationDirector" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "publisher" TEXT NOT NULL DEFAULT '';


-- The API allows 300 characters each: a name, an address and a phone number, not a text.
ALTER TABLE "PlatformSettings" ADD CONSTRAINT "PlatformSettings_legal_notice_length" CHECK (
  char_length("publisher") <= 300 AND char_length("publicationDirector") <= 300 AND char_length("host") <= 300
  AND char_length("accessibilityContact") <= 300
);
