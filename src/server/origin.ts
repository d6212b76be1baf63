import type { Decision } from '../errors.js';
import { deny } from '../errors.js';

export interface OriginPolicy {
  /** Host header values (host:port) this listener answers to. Empty means any (wildcard listeners). */
  hosts: ReadonlySet<string>;
  /** Origins (scheme://host:port) browsers may call from. */
  origins: ReadonlySet<string>;
}

/** Pure check against DNS rebinding: a foreign Origin or an unexpected Host is refused. */
export function checkOrigin(
  policy: OriginPolicy,
  host: string | undefined,
  origin: string | undefined,
): Decision {
  if (policy.hosts.size > 0 && (!host || !policy.hosts.has(host.toLowerCase()))) {
    return deny('ERR_ORIGIN_FORBIDDEN', `Host "${host ?? ''}" is not served here`);
  }
  if (origin !== undefined && !policy.origins.has(origin.toLowerCase())) {
    return deny('ERR_ORIGIN_FORBIDDEN', `Origin "${origin}" is not allowed`);
  }
  return { ok: true };
}

export function buildOriginPolicy(opts: {
  host: string;
  port: number;
  publicUrl: string | undefined;
  allowedOrigins: readonly string[];
}): OriginPolicy {
  const wildcard = opts.host === '0.0.0.0' || opts.host === '::';
  const names = new Set([opts.host.includes(':') ? `[${opts.host}]` : opts.host]);
  if (names.has('127.0.0.1') || names.has('[::1]') || names.has('localhost')) {
    for (const n of ['127.0.0.1', '[::1]', 'localhost']) names.add(n);
  }
  const hosts = new Set<string>();
  const origins = new Set<string>();
  for (const name of names) {
    hosts.add(`${name}:${opts.port}`.toLowerCase());
    origins.add(`http://${name}:${opts.port}`.toLowerCase());
  }
  if (opts.publicUrl) {
    const url = new URL(opts.publicUrl);
    hosts.add(url.host.toLowerCase());
    origins.add(url.origin.toLowerCase());
  }
  for (const origin of opts.allowedOrigins) origins.add(new URL(origin).origin.toLowerCase());
  return { hosts: wildcard ? new Set() : hosts, origins };
}
