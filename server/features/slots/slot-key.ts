import type { Mode } from "../../domain/availability.ts";

/** What a slot key names: enough to find the slot again with the availability module. */
export interface SlotRef {
  offeringId: string;
  advisorId: string;
  siteId: string | null;
  mode: Mode;
  start: Date;
}

// Layout: version, offering, advisor, site (zeros when remote), mode, a spare byte, then the
// start in seconds on 6 bytes. The first 51 bytes encode to exactly 68 base64 characters, so
// the part shared by all slots of one advisor, site and mode is encoded once.
const VERSION = 1;
const PREFIX = 51;
const LENGTH = PREFIX + 6;
const KEY_RE = /^[A-Za-z0-9_-]{76}$/;
const MODES: readonly Mode[] = ["onsite", "phone", "video"];
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

const uuidBytes = (uuid: string) => Buffer.from(uuid.replaceAll("-", ""), "hex");
const uuidOf = (bytes: Buffer) => {
  const hex = bytes.toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
};

type Tree = Map<string, Tree | string>;
const prefixes: Tree = new Map();
let cached = 0;

/**
 * The part of a key shared by an advisor's slots at one place: cached by its parts in nested
 * maps, whose keys are the rows' own strings (already hashed), rather than by a concatenation
 * built for each of thousands of slots.
 */
function prefixOf(ref: Omit<SlotRef, "start">): string {
  const path = [ref.advisorId, ref.offeringId, ref.siteId ?? "", ref.mode];
  let node = prefixes;
  for (let i = 0; i < path.length - 1; i++) {
    const key = path[i] as string;
    let next = node.get(key) as Tree | undefined;
    if (!next) {
      next = new Map();
      node.set(key, next);
    }
    node = next;
  }
  let prefix = node.get(ref.mode) as string | undefined;
  if (prefix === undefined) {
    if (++cached > 100_000) {
      prefixes.clear();
      cached = 0;
      return prefixOf(ref);
    }
    const bytes = Buffer.alloc(PREFIX);
    bytes[0] = VERSION;
    uuidBytes(ref.offeringId).copy(bytes, 1);
    uuidBytes(ref.advisorId).copy(bytes, 17);
    if (ref.siteId) uuidBytes(ref.siteId).copy(bytes, 33);
    bytes[49] = MODES.indexOf(ref.mode);
    prefix = bytes.toString("base64url");
    node.set(ref.mode, prefix);
  }
  return prefix;
}

const startParts = new Map<number, string>();

function startPartOf(start: Date): string {
  const seconds = Math.floor(start.getTime() / 1000);
  let part = startParts.get(seconds);
  if (part === undefined) {
    const bytes = Buffer.alloc(6);
    bytes.writeUIntBE(seconds, 0, 6);
    part = bytes.toString("base64url");
    if (startParts.size > 100_000) startParts.clear();
    startParts.set(seconds, part);
  }
  return part;
}

/** An opaque, URL-safe string of 76 characters. It grants nothing: booking checks the slot again. */
export function encodeSlotKey(ref: SlotRef): string {
  return prefixOf(ref) + startPartOf(ref.start);
}

/** The slot a key names, or undefined when the key is not one of ours. */
export function decodeSlotKey(key: string): SlotRef | undefined {
  if (!KEY_RE.test(key)) return undefined;
  const bytes = Buffer.from(key, "base64url");
  const mode = MODES[bytes[49] ?? -1];
  if (bytes.length !== LENGTH || bytes[0] !== VERSION || !mode || bytes[50] !== 0) return undefined;
  const site = bytes.subarray(33, 49);
  const ref = {
    offeringId: uuidOf(bytes.subarray(1, 17)),
    advisorId: uuidOf(bytes.subarray(17, 33)),
    siteId: site.every((b) => b === 0) ? null : uuidOf(site),
    mode,
    start: new Date(bytes.readUIntBE(PREFIX, 6) * 1000),
  };
  return UUID.test(ref.offeringId) && UUID.test(ref.advisorId) ? ref : undefined;
}
