// The private link of an appointment: `manageUrl` is `<PUBLIC_URL>/rdv/<token>`, and the
// token, its last segment, opens the appointment's page and its calendar file.

/** The token of a private link: the last segment of `manageUrl`. */
export function tokenOf(manageUrl: string): string {
  return new URL(manageUrl, "http://localhost").pathname.split("/").filter(Boolean).pop() ?? "";
}

/** The appointment's page, on this site. */
export const manageHref = (token: string) => `/rdv/${encodeURIComponent(token)}`;

/** The appointment as an iCalendar file, to add to a calendar. */
export const icsHref = (token: string) => `/api/manage/${encodeURIComponent(token)}/ics`;

/**
 * The token of a private link as pasted: a link copied from a sentence may bring its full stop,
 * a bracket or quotes (« …/rdv/<token>. »); a token is letters, digits, « - » and « _ » only.
 */
export function pastedToken(pasted: string): string {
  let text = pasted;
  try {
    text = decodeURIComponent(pasted);
  } catch {
    // A stray « % »: the characters as they came, whose tail goes anyway.
  }
  return text.replace(/[^A-Za-z0-9_-]+$/, "");
}
