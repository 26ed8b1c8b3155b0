/**
 * IP parsing and range checks in plain TypeScript, so the SSRF guard also runs where there is no
 * `node:net` (browsers under msw, edge runtimes). Every address becomes 16 bytes: IPv4 as its
 * IPv4-mapped IPv6 form (::ffff:a.b.c.d), so one table of ranges covers both families.
 */

export type IpBytes = Uint8Array;

function parseIPv4(text: string): number[] | null {
  const parts = text.split(".");
  if (parts.length !== 4) return null;
  const bytes: number[] = [];
  for (const part of parts) {
    if (!/^\d{1,3}$/.test(part)) return null;
    const value = Number(part);
    if (value > 255) return null;
    bytes.push(value);
  }
  return bytes;
}

function parseIPv6(text: string): number[] | null {
  let body = text;
  // A dotted IPv4 suffix (::ffff:127.0.0.1) stands for the last two groups: rewrite it as hex.
  const lastColon = body.lastIndexOf(":");
  const suffix = body.slice(lastColon + 1);
  if (suffix.includes(".")) {
    const v4 = parseIPv4(suffix);
    if (!v4) return null;
    const hex = (high: number, low: number) => (high * 256 + low).toString(16);
    body = `${body.slice(0, lastColon + 1)}${hex(v4[0] as number, v4[1] as number)}:${hex(v4[2] as number, v4[3] as number)}`;
  }
  const halves = body.split("::");
  if (halves.length > 2) return null;
  const groups = (part: string) => (part === "" ? [] : part.split(":"));
  const left = groups(halves[0] ?? "");
  const right = halves.length === 2 ? groups(halves[1] ?? "") : [];
  const known = left.length + right.length;
  if (halves.length === 1 ? known !== 8 : known > 7) return null;
  const bytes: number[] = [];
  for (const group of [...left, ...Array<string>(8 - known).fill("0"), ...right]) {
    if (!/^[0-9a-f]{1,4}$/i.test(group)) return null;
    const word = Number.parseInt(group, 16);
    bytes.push(word >> 8, word & 0xff);
  }
  return bytes;
}

/** 16 bytes for an IPv4 or IPv6 literal (brackets and a zone id allowed), or null. */
export function parseIp(text: string): IpBytes | null {
  const bare = text.replace(/^\[|\]$/g, "").replace(/%.*$/, "");
  const v4 = parseIPv4(bare);
  if (v4) return Uint8Array.from([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff, ...v4]);
  if (!bare.includes(":")) return null;
  const v6 = parseIPv6(bare);
  return v6 ? Uint8Array.from(v6) : null;
}

export interface IpRange {
  bytes: IpBytes;
  prefix: number;
}

/** `10.0.0.0/8`, `fc00::/7`, or a single address. Throws on anything else (a config mistake). */
export function parseRange(text: string): IpRange {
  const [address = "", bits] = text.split("/");
  const bytes = parseIp(address);
  if (!bytes) throw new Error(`Not an IP address or CIDR range: ${text}`);
  const isV4 = parseIPv4(address) !== null;
  const max = isV4 ? 32 : 128;
  const prefix = bits === undefined ? max : Number(bits);
  if (!Number.isInteger(prefix) || prefix < 0 || prefix > max) {
    throw new Error(`Bad prefix length in ${text}`);
  }
  return { bytes, prefix: isV4 ? prefix + 96 : prefix };
}

export function inRange(address: IpBytes, range: IpRange): boolean {
  let bits = range.prefix;
  for (let i = 0; bits > 0; i++, bits -= 8) {
    const mask = bits >= 8 ? 0xff : (0xff << (8 - bits)) & 0xff;
    if (((address[i] as number) & mask) !== ((range.bytes[i] as number) & mask)) return false;
  }
  return true;
}

/**
 * Everything that is not the public internet: IANA's special-purpose registries for IPv4 and
 * IPv6 (private, loopback, link-local, shared, documentation, benchmarking, multicast, reserved),
 * plus the IPv6 forms that embed an IPv4 address, checked again as IPv4 (see `embeddedIPv4`).
 */
const blocked = [
  "0.0.0.0/8",
  "10.0.0.0/8",
  "100.64.0.0/10",
  "127.0.0.0/8",
  "169.254.0.0/16",
  "172.16.0.0/12",
  "192.0.0.0/24",
  "192.0.2.0/24",
  "192.88.99.0/24",
  "192.168.0.0/16",
  "198.18.0.0/15",
  "198.51.100.0/24",
  "203.0.113.0/24",
  "224.0.0.0/4",
  "240.0.0.0/4",
  "::/96",
  "::1/128",
  "100::/64",
  "2001::/23",
  "2001:db8::/32",
  "fc00::/7",
  "fe80::/10",
  "fec0::/10",
  "ff00::/8",
].map(parseRange);

const mapped = parseRange("::ffff:0:0/96");
const nat64 = parseRange("64:ff9b::/96");
const sixToFour = parseRange("2002::/16");

/** The IPv4 address hidden in NAT64 and 6to4 addresses, as a mapped address; else null. */
function embeddedIPv4(address: IpBytes): IpBytes | null {
  const prefix = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff];
  if (inRange(address, nat64)) return Uint8Array.from([...prefix, ...address.slice(12)]);
  if (inRange(address, sixToFour)) return Uint8Array.from([...prefix, ...address.slice(2, 6)]);
  return null;
}

/** Whether the address is on the public internet (IPv4-mapped and embedded IPv4 included). */
export function isPublicAddress(address: IpBytes): boolean {
  if (blocked.some((range) => inRange(address, range))) return false;
  if (inRange(address, mapped)) return true; // a public IPv4 address, already checked above
  const inner = embeddedIPv4(address);
  return inner === null || !blocked.some((range) => inRange(inner, range));
}
