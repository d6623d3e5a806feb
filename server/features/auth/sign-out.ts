import { closeSession } from "../../auth/sessions.ts";
import type { Deps } from "../../context.ts";
import { providerSignOutUrl } from "../proconnect/end-provider-session.ts";

/**
 * Ends a session; one opened through ProConnect gives back the provider's address that ends its
 * session too, for the browser to go to.
 */
export async function signOut({
  db,
  clock,
  config,
  input: { sessionId },
}: Pick<Deps, "db" | "clock" | "config"> & { input: { sessionId: string } }): Promise<{ endSessionUrl?: string }> {
  const session = await db.prisma.staffSession.findUnique({ where: { id: sessionId }, select: { idToken: true } });
  await closeSession(db, sessionId, clock.now());
  const endSessionUrl = await providerSignOutUrl(config, session?.idToken);
  return endSessionUrl ? { endSessionUrl } : {};
}
