import ipaddr from "ipaddr.js";

// Which hosts the platform may call on someone's word (a webhook's URL, an advisor's calendar):
// a URL naming a private, loopback or link-local host would turn the server into a way into its
// own network (SSRF). Pure: what a name resolves to is checked at connection
// (http/public-address.ts `guardedLookup`).

/** Whether an IP address is on the public Internet (IPv4-mapped IPv6 addresses read as IPv4). */
export function isPublicAddress(ip: string): boolean {
  if (!ipaddr.isValid(ip)) return false;
  const address = ipaddr.process(ip);
  // « ::7f00:1 », the deprecated IPv4-compatible form, reads as unicast: an IPv4 address all the same.
  if (address.kind() === "ipv6" && address.match(IPV4_COMPATIBLE)) return false;
  return address.range() === "unicast";
}

const IPV4_COMPATIBLE = ipaddr.parseCIDR("::/96");
const LOCAL_NAMES = /(^|\.)(localhost|local|internal|intranet|lan|home\.arpa)$/i;

/**
 * Whether a URL's host is, by its form alone, not on the public Internet: an IP address that is
 * not public, a name of a local network, or a name of one label (an intranet's). The WHATWG URL
 * parser has already read « 10.1 » or « 0x7f.1 » as IPv4.
 */
export function namesPrivateHost(url: URL): boolean {
  const host = url.hostname.replace(/^\[|\]$/g, "");
  if (ipaddr.isValid(host)) return !isPublicAddress(host);
  return LOCAL_NAMES.test(host) || !host.includes(".");
}
