import { isIP } from 'node:net';
import { type Decision, deny } from '../errors.js';

/**
 * A compiled egress URL pattern: "https://api.example.com/v1/**", "https://*.example.com/**",
 * "http://127.0.0.1:8080/**", "https://[2001:db8::1]/x/*". The apex of a `*.` pattern is not implied.
 */
export interface UrlPattern {
  readonly source: string;
  readonly scheme: 'http:' | 'https:';
  /** Normalised host; for a wildcard pattern the suffix after "*.". IPv6 literals keep their brackets. */
  readonly host: string;
  readonly wildcard: boolean;
  readonly port: number;
  /** Literal segments (percent-escapes upper-cased), `*` (one segment) or a final `**` (any rest). */
  readonly path: readonly string[];
}

/** Allowed iff EVERY list has a matching pattern: the tool manifest's list ∩ the agent grant's list. */
export type EgressAllowlist = readonly (readonly UrlPattern[])[];

/** Where an allowed URL goes: `address` is set when the host is an IP literal (no DNS involved). */
export interface EgressTarget {
  readonly host: string;
  readonly port: number;
  readonly address: string | undefined;
}

const DEFAULT_PORT = { 'http:': 80, 'https:': 443 } as const;

export function parseUrlPattern(text: string): Decision<{ pattern: UrlPattern }> {
  const bad = (why: string) => deny('ERR_POLICY_INVALID', `egress pattern "${text}": ${why}`);
  if (/[\s\u0000-\u001f\u007f]/.test(text)) return bad('contains whitespace or control characters');
  const m = /^([a-z][a-z0-9+.-]*):\/\/([^/?#\\]*)(.*)$/is.exec(text);
  if (m === null) return bad('expected scheme://host[:port]/path');
  const [, schemeText = '', authority = '', pathText = ''] = m;
  const scheme = `${schemeText.toLowerCase()}:`;
  if (scheme !== 'http:' && scheme !== 'https:') return bad('scheme must be http or https');
  if (authority.includes('@')) return bad('userinfo is not allowed');
  if (pathText === '') return bad('a path is required (use /** for any path)');
  if (/[?#\\]/.test(pathText)) return bad('query, fragment and backslash are not allowed');

  const wildcard = authority.startsWith('*.');
  const hostText = wildcard ? authority.slice(2) : authority;
  if (hostText.includes('*')) return bad('only a leading "*." wildcard is supported in the host');
  let parsed: URL;
  try {
    parsed = new URL(`${scheme}//${hostText}/`);
  } catch {
    return bad('invalid host or port');
  }
  const host = normaliseHostname(parsed.hostname);
  if (host === null) return bad('invalid host');
  const literal = isIpLiteral(host);
  if (wildcard && literal) return bad('a wildcard cannot apply to an IP address');
  if (literal && rawHost(hostText).toLowerCase() !== host) {
    return bad(`write the IP literal in canonical form (${host})`);
  }
  const port = parsed.port === '' ? DEFAULT_PORT[scheme] : Number(parsed.port);

  const path = parsePatternPath(pathText);
  if (!path.ok) return bad(path.reason);
  return {
    ok: true,
    pattern: Object.freeze({
      source: text,
      scheme,
      host,
      wildcard,
      port,
      path: Object.freeze(path.segments),
    }),
  };
}

function parsePatternPath(pathText: string): Decision<{ segments: string[] }> {
  const raw = pathText.split('/').slice(1);
  const segments: string[] = [];
  for (const [i, seg] of raw.entries()) {
    if (seg === '**') {
      if (i !== raw.length - 1) return deny('ERR_POLICY_INVALID', '"**" is only allowed as the last segment');
      segments.push(seg);
    } else if (seg === '*') {
      segments.push(seg);
    } else if (seg.includes('*')) {
      return deny('ERR_POLICY_INVALID', 'a "*" must be a whole path segment');
    } else if (isDotSegment(seg)) {
      return deny('ERR_POLICY_INVALID', 'dot segments are not allowed');
    } else {
      segments.push(upperEscapes(new URL(`http://x/${seg}`).pathname.slice(1)));
    }
  }
  return { ok: true, segments };
}

/**
 * Checks a URL against the allowlist. Refuses userinfo, non-http(s) schemes, whitespace, IP literals in
 * non-canonical spellings (decimal, octal, hex, short forms) and encoded dot-segment traversal.
 */
export function checkUrl(
  url: string,
  allowlist: EgressAllowlist,
): Decision<{ url: URL; target: EgressTarget }> {
  const blocked = (why: string) => deny('ERR_EGRESS_BLOCKED', why);
  if (/[\s\u0000-\u001f\u007f]/.test(url)) return blocked('URL contains whitespace or control characters');
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return blocked('not a valid absolute URL');
  }
  const scheme = parsed.protocol;
  if (scheme !== 'http:' && scheme !== 'https:') return blocked(`scheme ${scheme} is not allowed`);
  if (parsed.username !== '' || parsed.password !== '') return blocked('URLs with userinfo are not allowed');
  const host = normaliseHostname(parsed.hostname);
  if (host === null) return blocked('invalid host');
  const literal = isIpLiteral(host);
  if (literal && rawHost(authorityOf(url)).toLowerCase() !== host) {
    return blocked(`IP literal spelled in a non-canonical form (means ${host})`);
  }
  if (hasEncodedTraversal(parsed.pathname)) return blocked('encoded path traversal is not allowed');
  parsed.hash = '';
  if (!literal) parsed.hostname = host;
  const port = parsed.port === '' ? DEFAULT_PORT[scheme] : Number(parsed.port);
  const segments = parsed.pathname
    .split('/')
    .slice(1)
    .map((s) => upperEscapes(s));
  const shown = `${parsed.origin}${parsed.pathname}`;

  if (allowlist.length === 0) return blocked(`${shown}: no egress is granted`);
  for (const list of allowlist) {
    const hit = list.some(
      (p) =>
        p.scheme === scheme &&
        p.port === port &&
        hostMatches(p, host, literal) &&
        pathMatches(p.path, segments),
    );
    if (!hit) return blocked(`${shown} is not in the egress allowlist`);
  }
  const address = literal ? stripBrackets(host) : undefined;
  return { ok: true, url: parsed, target: { host, port, address } };
}

function hostMatches(p: UrlPattern, host: string, literal: boolean): boolean {
  if (!p.wildcard) return p.host === host;
  return !literal && host.endsWith(`.${p.host}`);
}

function pathMatches(pattern: readonly string[], segments: readonly string[]): boolean {
  for (const [i, p] of pattern.entries()) {
    if (p === '**') return true;
    const s = segments[i];
    if (s === undefined) return false;
    if (p === '*' ? !isOneSegment(s) : p !== s) return false;
  }
  return pattern.length === segments.length;
}

/** `*` matches one non-empty segment, not one a server would split at an encoded slash. */
function isOneSegment(segment: string): boolean {
  return segment !== '' && !/%2F|%5C/.test(segment);
}

/** Lower-case (URL already did), drop one trailing dot; null for empty labels. */
export function normaliseHostname(hostname: string): string | null {
  const host = hostname.endsWith('.') ? hostname.slice(0, -1) : hostname;
  if (host === '' || host.includes('..') || host.startsWith('.') || host.endsWith('.')) return null;
  return host.toLowerCase();
}

function isIpLiteral(host: string): boolean {
  return isIP(stripBrackets(host)) !== 0;
}

function stripBrackets(host: string): string {
  return host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host;
}

/** The authority as written, before WHATWG normalisation: "scheme://<this>/...". */
function authorityOf(url: string): string {
  return /^[a-z][a-z0-9+.-]*:[/\\]*([^/\\?#]*)/i.exec(url)?.[1] ?? '';
}

/** The host as written in an authority (userinfo and port removed), for spelling checks. */
function rawHost(authority: string): string {
  const afterUser = authority.slice(authority.lastIndexOf('@') + 1);
  if (afterUser.startsWith('[')) return afterUser.slice(0, afterUser.indexOf(']') + 1);
  const colon = afterUser.lastIndexOf(':');
  return colon === -1 ? afterUser : afterUser.slice(0, colon);
}

function isDotSegment(seg: string): boolean {
  const decoded = safeDecode(seg);
  return decoded === '.' || decoded === '..';
}

/**
 * WHATWG URL already resolves "..", "%2e%2e" and backslashes; what it leaves are dot segments hidden behind
 * an encoded separator ("..%2Fadmin") or double encoding, which some servers decode before routing.
 */
function hasEncodedTraversal(pathname: string): boolean {
  let text = pathname;
  for (let round = 0; round < 3; round++) {
    const decoded = safeDecode(text);
    if (decoded.split(/[/\\]/).some((s) => s === '.' || s === '..')) return true;
    if (decoded === text) return false;
    text = decoded;
  }
  return true;
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

function upperEscapes(segment: string): string {
  return segment.replace(/%[0-9a-f]{2}/gi, (e) => e.toUpperCase());
}
