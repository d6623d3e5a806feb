-- A retention period under six months would erase people whose follow-up is still under way;
-- the Région may choose between six months and ten years.
ALTER TABLE "PlatformSettings" DROP CONSTRAINT "PlatformSettings_retention_bounds";
ALTER TABLE "PlatformSettings" ADD CONSTRAINT "PlatformSettings_retention_bounds" CHECK ("retentionMonths" BETWEEN 6 AND 120);
