// A collective session has no row of its own: it is the seats sharing a session key
// (`sessionKeyOf`: offering, advisor, start). Its pages and API name it by that key written for
// a URL path — ids and a time, nothing of the people in it.

/** The session key as one URL path segment: its « / » become « ~ », which neither ids nor an ISO time hold. */
export const sessionSegment = (sessionKey: string): string => sessionKey.replaceAll("/", "~");

/** The session key a URL segment names (the inverse of `sessionSegment`). */
export const sessionKeyOfSegment = (segment: string): string => segment.replaceAll("~", "/");

/** What `sessionSegment` makes of a key of `sessionKeyOf`: offering ~ advisor ~ start (UTC, ISO). */
export const SESSION_SEGMENT =
  /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}~[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}~\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
