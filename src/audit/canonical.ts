import { createHash } from 'node:crypto';

/**
 * Canonical JSON: object keys sorted by UTF-16 code units, no whitespace, numbers and strings as
 * JSON.stringify writes them (the RFC 8785 rules for the JSON values tool arguments can hold).
 * Two equal values always give the same bytes, so their digest is stable across processes.
 */
export function canonicalJson(value: unknown): string {
  return write(value, new Set());
}

/** sha256 (hex) of the canonical JSON of a tool's arguments. */
export function digestArgs(args: unknown): string {
  return sha256Hex(canonicalJson(args ?? null));
}

export function sha256Hex(text: string | Uint8Array): string {
  return createHash('sha256').update(text).digest('hex');
}

function write(value: unknown, path: Set<object>): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return JSON.stringify(value);
    case 'number':
      // JSON has no NaN or Infinity; JSON.stringify writes null, and so do we.
      return Number.isFinite(value) ? JSON.stringify(value) : 'null';
    case 'bigint':
      throw new TypeError('canonicalJson: BigInt has no JSON form');
    case 'object':
      break;
    default:
      // undefined, functions and symbols: like JSON.stringify at the top level.
      return 'null';
  }
  const object = value as object;
  const withToJson = object as { toJSON?: () => unknown };
  if (typeof withToJson.toJSON === 'function') return write(withToJson.toJSON(), path);
  if (path.has(object)) throw new TypeError('canonicalJson: circular structure');
  path.add(object);
  let out: string;
  if (Array.isArray(object)) {
    out = `[${object.map((item) => write(item, path)).join(',')}]`;
  } else {
    const record = object as Record<string, unknown>;
    const parts: string[] = [];
    for (const key of Object.keys(record).sort()) {
      const item = record[key];
      if (item === undefined || typeof item === 'function' || typeof item === 'symbol') continue;
      parts.push(`${JSON.stringify(key)}:${write(item, path)}`);
    }
    out = `{${parts.join(',')}}`;
  }
  path.delete(object);
  return out;
}
