import { isIPv4, isIPv6 } from 'node:net';
import { type Decision, deny } from '../errors.js';

/**
 * Address classes the guard never connects to unless a pattern names the exact IP literal.
 * Sources: RFC 6890 special-purpose registries (entries that are not globally reachable), RFC 6598 (CGNAT),
 * RFC 6052/8215 (NAT64), RFC 4291 (mapped/compatible), cloud metadata endpoints (OWASP SSRF cheat sheet).
 */
export type AddressClass =
  | 'unspecified'
  | 'loopback'
  | 'private'
  | 'link-local'
  | 'cloud-metadata'
  | 'cgnat'
  | 'multicast'
  | 'broadcast'
  | 'reserved'
  | 'documentation'
  | 'benchmarking'
  | 'protocol-assignments'
  | 'ipv4-mapped'
  | 'ipv4-compatible'
  | 'nat64'
  | 'ipv4-embedding'
  | 'unique-local'
  | 'site-local'
  | 'discard-only';

interface Range {
  readonly base: bigint;
  readonly bits: number;
  readonly width: 32 | 128;
  readonly cls: AddressClass;
}

function range(cidr: string, cls: AddressClass): Range {
  const [text = '', bits = ''] = cidr.split('/');
  const v4 = parseCanonicalIpv4(text);
  if (v4 !== null) return { base: v4, bits: Number(bits), width: 32, cls };
  const v6 = parseIpv6(text);
  if (v6 === null) throw new Error(`bad range ${cidr}`);
  return { base: v6, bits: Number(bits), width: 128, cls };
}

// Most specific first: the first match names the class in the reason.
const RANGES: readonly Range[] = [
  range('169.254.169.254/32', 'cloud-metadata'), // AWS, GCP, Azure, OpenStack, Oracle
  range('169.254.170.2/32', 'cloud-metadata'), // AWS ECS task metadata
  range('100.100.100.200/32', 'cloud-metadata'), // Alibaba Cloud
  range('192.0.0.192/32', 'cloud-metadata'), // Oracle Cloud (legacy)
  range('0.0.0.0/8', 'unspecified'),
  range('10.0.0.0/8', 'private'),
  range('100.64.0.0/10', 'cgnat'),
  range('127.0.0.0/8', 'loopback'),
  range('169.254.0.0/16', 'link-local'),
  range('172.16.0.0/12', 'private'),
  range('192.0.0.0/24', 'protocol-assignments'),
  range('192.0.2.0/24', 'documentation'),
  range('192.88.99.0/24', 'reserved'), // deprecated 6to4 relay anycast (RFC 7526)
  range('192.168.0.0/16', 'private'),
  range('198.18.0.0/15', 'benchmarking'),
  range('198.51.100.0/24', 'documentation'),
  range('203.0.113.0/24', 'documentation'),
  range('224.0.0.0/4', 'multicast'),
  range('255.255.255.255/32', 'broadcast'),
  range('240.0.0.0/4', 'reserved'),
  range('fd00:ec2::254/128', 'cloud-metadata'), // AWS IMDS over IPv6
  range('::/128', 'unspecified'),
  range('::1/128', 'loopback'),
  range('::ffff:0:0/96', 'ipv4-mapped'),
  range('::/96', 'ipv4-compatible'),
  range('64:ff9b::/96', 'nat64'),
  range('64:ff9b:1::/48', 'nat64'),
  range('100::/64', 'discard-only'),
  range('2001:db8::/32', 'documentation'),
  range('2001::/23', 'protocol-assignments'), // includes Teredo 2001::/32, which embeds an IPv4 address
  range('2002::/16', 'ipv4-embedding'), // 6to4 embeds an IPv4 address
  range('fc00::/7', 'unique-local'),
  range('fe80::/10', 'link-local'),
  range('fec0::/10', 'site-local'),
  range('ff00::/8', 'multicast'),
];

/**
 * Checks one address. Accepts canonical IPv4/IPv6 and the legacy IPv4 spellings that URL parsers and
 * inet_aton accept (decimal, octal, hex, short forms), so a caller cannot smuggle loopback past the check.
 */
export function checkAddress(ip: string): Decision<{ address: string; family: 4 | 6 }> {
  const parsed = parseAddress(ip);
  if (parsed === null) return deny('ERR_EGRESS_BLOCKED', `"${ip}" is not an IP address`);
  const cls = classify(parsed.value, parsed.family);
  if (cls !== null) {
    const embedded = parsed.family === 6 ? embeddedIpv4(parsed.value, cls) : '';
    return deny('ERR_EGRESS_BLOCKED', `address ${parsed.address} is ${cls}${embedded} and not allowed`);
  }
  return { ok: true, address: parsed.address, family: parsed.family };
}

/** The canonical text of an IP in any accepted spelling, or null when it is not one. */
export function canonicalAddress(ip: string): string | null {
  return parseAddress(ip)?.address ?? null;
}

/** The address class of an IP, or null when it is globally reachable. */
export function addressClass(ip: string): AddressClass | null {
  const parsed = parseAddress(ip);
  return parsed === null ? null : classify(parsed.value, parsed.family);
}

function classify(value: bigint, family: 4 | 6): AddressClass | null {
  const width = family === 4 ? 32 : 128;
  for (const r of RANGES) {
    if (r.width !== width) continue;
    const shift = BigInt(width - r.bits);
    if (value >> shift === r.base >> shift) return r.cls;
  }
  // Outside 2000::/3 nothing is global unicast (RFC 4291 section 2.4).
  if (family === 6 && value >> 125n !== 1n) return 'reserved';
  return null;
}

function embeddedIpv4(value: bigint, cls: AddressClass): string {
  if (cls !== 'ipv4-mapped' && cls !== 'ipv4-compatible' && cls !== 'nat64') return '';
  return ` (embeds ${formatIpv4(value & 0xffffffffn)})`;
}

interface ParsedAddress {
  address: string;
  family: 4 | 6;
  value: bigint;
}

function parseAddress(ip: string): ParsedAddress | null {
  const text = ip.startsWith('[') && ip.endsWith(']') ? ip.slice(1, -1) : ip;
  if (isIPv6(text)) {
    // Zone ids (fe80::1%eth0) pick an interface: never a public destination.
    if (text.includes('%')) return null;
    const value = parseIpv6(text);
    return value === null ? null : { address: formatIpv6(value), family: 6, value };
  }
  const value = parseIpv4Spelling(text);
  return value === null ? null : { address: formatIpv4(value), family: 4, value };
}

/**
 * Parses an IPv4 address in any spelling inet_aton and the WHATWG URL host parser accept: 1 to 4 parts,
 * each decimal, octal (leading 0) or hex (0x), the last part filling the remaining bytes ("127.1",
 * "0x7f.1", "017700000001", "2130706433"). Returns the 32-bit value or null.
 */
export function parseIpv4Spelling(text: string): bigint | null {
  const parts = text.endsWith('.') ? text.slice(0, -1).split('.') : text.split('.');
  if (parts.length === 0 || parts.length > 4) return null;
  const numbers: bigint[] = [];
  for (const part of parts) {
    const n = parseIpv4Part(part);
    if (n === null) return null;
    numbers.push(n);
  }
  const last = numbers.pop() ?? 0n;
  let value = 0n;
  for (const n of numbers) {
    if (n > 255n) return null;
    value = (value << 8n) | n;
  }
  const restBits = BigInt(8 * (4 - numbers.length));
  if (last >= 1n << restBits) return null;
  return (value << restBits) | last;
}

function parseIpv4Part(part: string): bigint | null {
  if (/^0x[0-9a-f]*$/i.test(part)) return part.length === 2 ? 0n : BigInt(part);
  if (/^0[0-7]+$/.test(part)) return BigInt(`0o${part.slice(1)}`);
  if (/^(0|[1-9][0-9]*)$/.test(part)) return BigInt(part);
  return null;
}

function parseCanonicalIpv4(text: string): bigint | null {
  return isIPv4(text) ? parseIpv4Spelling(text) : null;
}

/** Parses a valid IPv6 text (as checked by net.isIPv6, no zone id) into its 128-bit value. */
function parseIpv6(text: string): bigint | null {
  if (!isIPv6(text) || text.includes('%')) return null;
  let body = text;
  const lastColon = text.lastIndexOf(':');
  const dotted = text.slice(lastColon + 1);
  if (dotted.includes('.')) {
    // Rewrite a dotted IPv4 tail ("::ffff:127.0.0.1") as two hex groups.
    const v4 = parseCanonicalIpv4(dotted);
    if (v4 === null) return null;
    body = `${text.slice(0, lastColon + 1)}${(v4 >> 16n).toString(16)}:${(v4 & 0xffffn).toString(16)}`;
  }
  const [head = '', rest] = body.split('::');
  const headGroups = head === '' ? [] : head.split(':');
  const restGroups = rest === undefined || rest === '' ? [] : rest.split(':');
  const zeros = rest === undefined ? 0 : 8 - headGroups.length - restGroups.length;
  const groups = [...headGroups, ...new Array<string>(zeros).fill('0'), ...restGroups];
  if (groups.length !== 8) return null;
  return groups.reduce((acc, g) => (acc << 16n) | BigInt(`0x${g}`), 0n);
}

function formatIpv4(value: bigint): string {
  return [24n, 16n, 8n, 0n].map((s) => String((value >> s) & 0xffn)).join('.');
}

function formatIpv6(value: bigint): string {
  // Let the WHATWG serializer pick the canonical compressed form (RFC 5952).
  const groups = [112n, 96n, 80n, 64n, 48n, 32n, 16n, 0n].map((s) => ((value >> s) & 0xffffn).toString(16));
  return new URL(`http://[${groups.join(':')}]/`).hostname.slice(1, -1);
}
