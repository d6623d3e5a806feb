import type { StaffDeps } from "../../context.ts";
import { recordAudit } from "../../db/audit.ts";
import { type PlatformSettings, platformSettings } from "./settings.ts";

const SETTING_FIELDS = [
  "retentionMonths",
  "dpoContact",
  "publisher",
  "publicationDirector",
  "host",
  "accessibilityContact",
] as const satisfies readonly (keyof PlatformSettings)[];
type SettingField = (typeof SETTING_FIELDS)[number];

/**
 * Changes the retention period (the next daily run applies it), the data protection officer's
 * contact, the legal notice or the accessibility contact (Région). Nothing changed, nothing written.
 */
export async function updateSettings({
  db,
  clock,
  scope,
  input,
}: StaffDeps & { input: { [Field in SettingField]?: PlatformSettings[Field] | undefined } }) {
  scope.requireRegion();
  const current = await platformSettings(db);
  const changes = SETTING_FIELDS.filter((field) => input[field] !== undefined && input[field] !== current[field]);
  if (changes.length === 0) return {};
  // One audit event per setting: each carries its old and new value (a period, public contacts
  // and the legal notice: nobody's personal data), so that the log says what the rule was before.
  await scope.prisma.$transaction(async (tx) => {
    await tx.platformSettings.upsert({
      where: { id: 1 },
      create: { id: 1, ...current, ...input },
      update: Object.fromEntries(changes.map((field) => [field, input[field]])),
    });
    for (const field of changes) {
      await recordAudit(
        tx,
        {
          ...scope.actor,
          action: "settings.update",
          entity: "PlatformSettings",
          entityId: "1",
          details: { fields: [field], change: { field, from: current[field], to: input[field] as number | string } },
        },
        clock.now(),
      );
    }
  });
  return {};
}
