import type { Mode } from "../../domain/availability.ts";

/** What a slot key names: enough to find the slot again with the availability module. */
export interface SlotRef {
  offeringId: string;
  advisorId: string;
  siteId: string | null;
  mode: Mode;
  start: Date;
}

const VERSION = 1;
const MODES: readonly Mode[] = ["onsite", "phone", "video"];
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
// version, offering, advisor, site (zeros when remote), mode, start in seconds
const LENGTH = 1 + 16 * 3 + 1 + 5;

const uuidBytes = (uuid: string) => Buffer.from(uuid.replaceAll("-", ""), "hex");
const uuidOf = (bytes: Buffer) => {
  const hex = bytes.toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
};

/** An opaque, URL-safe string of 74 characters. It grants nothing: booking checks the slot again. */
export function encodeSlotKey(ref: SlotRef): string {
  const bytes = Buffer.alloc(LENGTH);
  bytes[0] = VERSION;
  uuidBytes(ref.offeringId).copy(bytes, 1);
  uuidBytes(ref.advisorId).copy(bytes, 17);
  if (ref.siteId) uuidBytes(ref.siteId).copy(bytes, 33);
  bytes[49] = MODES.indexOf(ref.mode);
  bytes.writeUIntBE(Math.floor(ref.start.getTime() / 1000), 50, 5);
  return bytes.toString("base64url");
}

/** The slot a key names, or undefined when the key is not one of ours. */
export function decodeSlotKey(key: string): SlotRef | undefined {
  if (!/^[A-Za-z0-9_-]{74}$/.test(key)) return undefined;
  const bytes = Buffer.from(key, "base64url");
  const mode = MODES[bytes[49] ?? -1];
  if (bytes.length !== LENGTH || bytes[0] !== VERSION || !mode) return undefined;
  const site = bytes.subarray(33, 49);
  const ref = {
    offeringId: uuidOf(bytes.subarray(1, 17)),
    advisorId: uuidOf(bytes.subarray(17, 33)),
    siteId: site.every((b) => b === 0) ? null : uuidOf(site),
    mode,
    start: new Date(bytes.readUIntBE(50, 5) * 1000),
  };
  return UUID.test(ref.offeringId) && UUID.test(ref.advisorId) ? ref : undefined;
}
