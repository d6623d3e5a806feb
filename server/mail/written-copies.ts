import { readdir, rm, stat } from "node:fs/promises";
import { join } from "node:path";

/**
 * Removes the files of `dir` ending in `extension` written before `before`; how many. The
 * transports' written copies (.eml, SMS .json) go as the outbox forgets its sent messages.
 */
export async function removeWrittenBefore(dir: string, extension: string, before: Date): Promise<number> {
  const names = await readdir(dir).catch(() => [] as string[]);
  let removed = 0;
  for (const name of names.filter((n) => n.endsWith(extension))) {
    const file = join(dir, name);
    const written = await stat(file).catch(() => undefined);
    if (written && written.mtime < before) {
      await rm(file, { force: true });
      removed += 1;
    }
  }
  return removed;
}
