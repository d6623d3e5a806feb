import { lookup as dnsLookup, type LookupAddress, type LookupAllOptions, type LookupOptions } from "node:dns";
import { isPublicAddress } from "../domain/public-address.ts";

// Addresses the platform calls on someone's word (a webhook's URL, an advisor's calendar):
// a URL naming a private, loopback or link-local host would turn the server into a way into
// its own network (SSRF). The check is made on the address actually connected to, in the
// socket's lookup, so that a name resolving to a public address when checked and to a private
// one when used (DNS rebinding) cannot slip through.

type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

export class PrivateAddressError extends Error {
  override name = "PrivateAddressError";
  readonly code = "EPRIVATEADDRESS";
  constructor(readonly hostname: string) {
    super(`${hostname} resolves to a private or local address`);
  }
}

/**
 * A `lookup` for `node:http(s).request` that refuses a host resolving to a non-public address,
 * unless `allowPrivate` (tests, or a platform calling its own network on purpose). Node asks for
 * one address or, to try several in turn, for all of them: both are answered.
 */
export function guardedLookup(allowPrivate: boolean) {
  return (hostname: string, options: LookupOptions, callback: LookupCallback): void => {
    dnsLookup(hostname, { ...options, all: true } as LookupAllOptions, (error, addresses) => {
      if (error) return callback(error, []);
      const allowed = addresses.filter((a) => allowPrivate || isPublicAddress(a.address));
      const first = allowed[0];
      if (!first) return callback(new PrivateAddressError(hostname), []);
      if (options.all) return callback(null, allowed);
      callback(null, first.address, first.family);
    });
  };
}
