/**
 * The token of an e-mailed link (after the #), taken out of the address at once: it then stays
 * neither on screen nor in the history, where the next person at a shared computer would find it.
 */
export function takeToken(): string | undefined {
  const token = location.hash.slice(1);
  if (token) history.replaceState(history.state, "", location.pathname + location.search);
  return token || undefined;
}
