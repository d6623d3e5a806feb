import { AppError } from "../../errors.ts";

/**
 * What an e-mailed token reads or claims (an invitation, a password link), while the token
 * lives; a 404 saying it is dead otherwise — unknown, used, withdrawn or expired alike.
 */
export async function live<T>(found: Promise<T | undefined>, dead: string): Promise<T> {
  const record = await found;
  if (!record) throw new AppError("NOT_FOUND", dead);
  return record;
}
