import { type Decision, deny } from '../errors.js';

/** Hop-by-hop and framing headers the guard sets itself; a tool cannot choose them. */
const DROPPED = new Set([
  'host',
  'connection',
  'keep-alive',
  'transfer-encoding',
  'te',
  'trailer',
  'upgrade',
  'content-length',
  'expect',
  'http2-settings',
]);
/** Credentials that belong to one origin: removed when a redirect leaves it (as browsers do). */
export const ORIGIN_BOUND_HEADERS = ['authorization', 'cookie'] as const;

const TOKEN = /^[!#$%&'*+.^_`|~0-9a-z-]+$/i;
const MAX_HEADERS = 64;
const MAX_HEADER_BYTES = 16 * 1024;

/**
 * Lower-cases names and drops hop-by-hop, framing and Proxy-* headers. Cookie and Authorization set by the
 * tool itself are kept (they are the tool's own data) but are stripped on a cross-origin redirect.
 * Malformed names or values (CR, LF, NUL) are refused rather than silently fixed.
 */
export function sanitizeHeaders(headers: Readonly<Record<string, string>> | undefined): Decision<{
  headers: Record<string, string>;
}> {
  const out: Record<string, string> = {};
  const entries = Object.entries(headers ?? {});
  if (entries.length > MAX_HEADERS)
    return deny('ERR_EGRESS_BLOCKED', `more than ${MAX_HEADERS} request headers`);
  let size = 0;
  for (const [rawName, value] of entries) {
    const name = rawName.toLowerCase();
    if (!TOKEN.test(name)) return deny('ERR_EGRESS_BLOCKED', `request header name "${rawName}" is malformed`);
    if (typeof value !== 'string' || /[\r\n\0]/.test(value)) {
      return deny('ERR_EGRESS_BLOCKED', `request header ${name} has a malformed value`);
    }
    size += name.length + value.length;
    if (DROPPED.has(name) || name.startsWith('proxy-')) continue;
    out[name] = value;
  }
  if (size > MAX_HEADER_BYTES)
    return deny('ERR_EGRESS_BLOCKED', `request headers exceed ${MAX_HEADER_BYTES} bytes`);
  return { ok: true, headers: out };
}

export function flattenResponseHeaders(
  headers: Readonly<Record<string, string | string[] | undefined>>,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) out[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
}
