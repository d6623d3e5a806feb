import { hashPassword } from "../../auth/password.ts";
import { passwordProblem } from "../../domain/password-policy.ts";
import { validationError } from "../../errors.ts";

/**
 * The hash of a password someone chooses, once it passes the policy against the account's own
 * words (its address, its names); a 422 naming `newPassword` otherwise.
 */
export async function newPasswordHash(newPassword: string, ownWords: string[]): Promise<string> {
  const problem = passwordProblem(newPassword, ownWords);
  if (problem) throw validationError({ newPassword: problem });
  return hashPassword(newPassword);
}
