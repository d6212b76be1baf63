import { lookup as dnsLookup } from 'node:dns/promises';
import { AirlockError, type Decision, deny, isAirlockError } from '../errors.js';
import { checkAddress } from './address.js';
import { flattenResponseHeaders, ORIGIN_BOUND_HEADERS, sanitizeHeaders } from './headers.js';
import { type BeforeConnect, PinnedPools } from './pinned-pools.js';
import { redact, resolveSecret, type SecretBinding, secretBoundTo, secretHeader } from './secrets.js';
import { checkUrl, type EgressAllowlist, type EgressTarget } from './url-pattern.js';

/*
 * The egress guard: the only way tool code reaches the network. Per hop it checks the URL against the
 * allowlist, resolves the name once, checks EVERY address, and dials the first checked address (pinned; undici
 * never resolves again). Redirects are followed by hand, each hop re-checked. Bodies over maxResponseBytes
 * are truncated (truncated: true), not failed. Secrets are added per hop only for bound hosts; Authorization
 * and Cookie are dropped when a redirect changes origin, and secret values are redacted from results.
 */

export interface EgressRequest {
  url: string;
  method?: string;
  headers?: Record<string, string>;
  body?: string;
  /** Name of a secret in the agent policy; the host adds its value, tool code never sees it. */
  secret?: string;
}

export interface EgressResponse {
  status: number;
  /** The final URL after redirects. */
  url: string;
  headers: Record<string, string>;
  body: string;
  /** True when the body was cut at maxResponseBytes (the guard truncates rather than fails). */
  truncated: boolean;
  /** Bytes of body returned (at most maxResponseBytes). */
  bytes: number;
}

export interface EgressContext {
  allowlist: EgressAllowlist;
  /** Resolved by the caller from the agent policy (`from: env`). */
  secrets: Readonly<Record<string, SecretBinding>>;
  /** Called for every host the guard dials, once per hop, after all checks passed (audit). */
  onHost?: (host: string) => void;
  signal?: AbortSignal;
}

export type LookupFn = (hostname: string) => Promise<{ address: string; family: 4 | 6 }[]>;

export interface EgressGuardOptions {
  maxRedirects?: number;
  /** Deadline for the whole fetch: DNS, every hop, and reading the body. */
  timeoutMs?: number;
  maxResponseBytes?: number;
  maxRequestBytes?: number;
  /** Injectable DNS (tests); default node:dns lookup with all addresses. */
  lookup?: LookupFn;
  /** Sees the pinned address just before a socket opens; throwing refuses the connection. */
  beforeConnect?: BeforeConnect;
}

export interface EgressGuard {
  fetch(req: EgressRequest, ctx: EgressContext): Promise<EgressResponse>;
  close(): Promise<void>;
}

const METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);
const REDIRECTS = new Set([301, 302, 303, 307, 308]);

interface Settings {
  readonly maxRedirects: number;
  readonly timeoutMs: number;
  readonly maxResponseBytes: number;
  readonly maxRequestBytes: number;
  readonly lookup: LookupFn;
}

export function createEgressGuard(opts: EgressGuardOptions = {}): EgressGuard {
  const settings: Settings = Object.freeze({
    maxRedirects: opts.maxRedirects ?? 3,
    timeoutMs: opts.timeoutMs ?? 10_000,
    maxResponseBytes: opts.maxResponseBytes ?? 1024 * 1024,
    maxRequestBytes: opts.maxRequestBytes ?? 1024 * 1024,
    lookup: opts.lookup ?? systemLookup,
  });
  for (const [name, value] of Object.entries(settings)) {
    if (typeof value === 'number' && !(Number.isInteger(value) && value >= 0)) {
      throw new AirlockError('ERR_CONFIG_INVALID', `egress ${name} must be a non-negative integer`);
    }
  }
  const pools = new PinnedPools({
    connectTimeoutMs: Math.min(settings.timeoutMs, 10_000),
    beforeConnect: opts.beforeConnect,
  });
  let closed = false;
  return {
    async fetch(req, ctx) {
      if (closed) throw new AirlockError('ERR_EGRESS_FAILED', 'the egress guard is closed');
      return guardedFetch({ req, ctx, settings, pools });
    },
    async close() {
      closed = true;
      await pools.close();
    },
  };
}

async function systemLookup(hostname: string): Promise<{ address: string; family: 4 | 6 }[]> {
  const all = await dnsLookup(hostname, { all: true, verbatim: true });
  return all.map((a) => ({ address: a.address, family: a.family === 6 ? 6 : 4 }));
}

interface FetchRun {
  req: EgressRequest;
  ctx: EgressContext;
  settings: Settings;
  pools: PinnedPools;
}

async function guardedFetch({ req, ctx, settings, pools }: FetchRun): Promise<EgressResponse> {
  const deadline = AbortSignal.timeout(settings.timeoutMs);
  const signal = ctx.signal === undefined ? deadline : AbortSignal.any([deadline, ctx.signal]);
  const secret = req.secret === undefined ? undefined : unwrap(resolveSecret(ctx.secrets, req.secret));
  const secretValues = secret === undefined ? [] : [secret.binding.value];
  try {
    return await followHops({ req, ctx, settings, pools }, secret?.binding, signal);
  } catch (err) {
    if (isAirlockError(err)) throw err;
    if (deadline.aborted) {
      throw new AirlockError('ERR_EGRESS_FAILED', `request timed out after ${settings.timeoutMs} ms`);
    }
    if (ctx.signal?.aborted) throw new AirlockError('ERR_EGRESS_FAILED', 'request was aborted');
    const e = err as { code?: string; message?: string };
    const why = redact(`${e.code ?? 'error'}: ${e.message ?? String(err)}`, secretValues);
    throw new AirlockError('ERR_EGRESS_FAILED', `request failed (${why})`);
  }
}

async function followHops(
  { req, ctx, settings, pools }: FetchRun,
  binding: SecretBinding | undefined,
  signal: AbortSignal,
): Promise<EgressResponse> {
  let method = (req.method ?? 'GET').toUpperCase();
  if (!METHODS.has(method)) throw blocked(`method ${method} is not allowed`);
  let body = req.body;
  if (body !== undefined && (method === 'GET' || method === 'HEAD')) {
    throw blocked(`${method} cannot carry a body`);
  }
  if (body !== undefined && Buffer.byteLength(body) > settings.maxRequestBytes) {
    throw blocked(`request body exceeds ${settings.maxRequestBytes} bytes`);
  }
  const headers = unwrap(sanitizeHeaders(req.headers)).headers;
  const secretValues = binding === undefined ? [] : [binding.value];

  let url = req.url;
  let previous: URL | undefined;
  let sawHttps = false;
  for (let hop = 0; ; hop++) {
    const hopBlocked = (reason: string) => blocked(hop === 0 ? reason : `redirect target blocked: ${reason}`);
    const checked = checkUrl(url, ctx.allowlist);
    if (!checked.ok) throw hopBlocked(checked.reason);
    const current = checked.url;
    if (previous !== undefined && previous.origin !== current.origin) {
      for (const name of ORIGIN_BOUND_HEADERS) delete headers[name];
    }
    const hopHeaders: Record<string, string> = { ...headers, host: current.host };
    if (binding !== undefined && req.secret !== undefined) {
      sawHttps ||= current.protocol === 'https:';
      if (secretMayGo(binding, checked.target.host, { scheme: current.protocol, sawHttps })) {
        const [name, value] = secretHeader(binding);
        hopHeaders[name] = value;
      } else if (hop === 0) {
        throw new AirlockError(
          'ERR_SECRET_UNAVAILABLE',
          `secret ${req.secret} is not bound to host ${checked.target.host}`,
        );
      }
    }

    const pinned = await resolvePinned(checked.target, settings.lookup, signal);
    if (!pinned.ok) throw hopBlocked(pinned.reason);
    const address = pinned.address;
    ctx.onHost?.(checked.target.host);
    const pool = pools.get({
      scheme: current.protocol as 'http:' | 'https:',
      host: checked.target.host,
      address,
      port: checked.target.port,
    });
    const res = await pool.request({
      path: `${current.pathname}${current.search}`,
      method: method as 'GET',
      headers: hopHeaders,
      body: body ?? null,
      signal,
    });

    const location = res.headers['location'];
    if (REDIRECTS.has(res.statusCode) && typeof location === 'string') {
      await res.body.dump();
      if (hop >= settings.maxRedirects) throw blocked(`too many redirects (limit ${settings.maxRedirects})`);
      try {
        url = new URL(location, current).href;
      } catch {
        throw blocked('redirect Location is not a valid URL');
      }
      // As fetch does: 303, and 301/302 after POST, continue as GET without the body.
      if (res.statusCode === 303 ? method !== 'HEAD' : res.statusCode <= 302 && method === 'POST') {
        method = 'GET';
        body = undefined;
        delete headers['content-type'];
      }
      previous = current;
      continue;
    }

    const read = await readCapped(res.body, settings.maxResponseBytes);
    const responseHeaders = flattenResponseHeaders(res.headers);
    for (const [name, value] of Object.entries(responseHeaders)) {
      responseHeaders[name] = redact(value, secretValues);
    }
    return {
      status: res.statusCode,
      url: current.href,
      headers: responseHeaders,
      body: redact(read.text, secretValues),
      truncated: read.truncated,
      bytes: read.bytes,
    };
  }
}

/** The secret goes only to a bound host, and never over plain HTTP once the chain has used HTTPS. */
function secretMayGo(
  binding: SecretBinding,
  host: string,
  hop: { scheme: string; sawHttps: boolean },
): boolean {
  const downgraded = hop.sawHttps && hop.scheme === 'http:';
  return !downgraded && secretBoundTo(binding, host);
}

/**
 * Resolves once and checks EVERY address; the connection then goes to the first one, so a second DNS
 * answer can never change the destination. An IP literal host skips the class check: it reached here only
 * because every allowlist names that exact literal and port (wildcards never match IP literals).
 */
async function resolvePinned(
  target: EgressTarget,
  lookup: LookupFn,
  signal: AbortSignal,
): Promise<Decision<{ address: string }>> {
  if (target.address !== undefined) return { ok: true, address: target.address };
  const answers = await abortable(lookup(target.host), signal);
  if (answers.length === 0)
    throw new AirlockError('ERR_EGRESS_FAILED', `host ${target.host} has no addresses`);
  const addresses: string[] = [];
  for (const answer of answers) {
    const decision = checkAddress(answer.address);
    if (!decision.ok)
      return deny(decision.code, `host ${target.host} resolved to a blocked address: ${decision.reason}`);
    addresses.push(decision.address);
  }
  return { ok: true, address: addresses[0]! };
}

async function readCapped(
  body: AsyncIterable<Buffer> & { destroy(): void },
  cap: number,
): Promise<{ text: string; bytes: number; truncated: boolean }> {
  const chunks: Buffer[] = [];
  let bytes = 0;
  let truncated = false;
  for await (const chunk of body) {
    const room = cap - bytes;
    if (chunk.length > room) {
      chunks.push(chunk.subarray(0, room));
      bytes += room;
      truncated = true;
      break;
    }
    chunks.push(chunk);
    bytes += chunk.length;
  }
  if (truncated) body.destroy();
  // stream: true drops a multi-byte character cut in half by the cap instead of emitting U+FFFD.
  const text = new TextDecoder('utf-8').decode(Buffer.concat(chunks), { stream: truncated });
  return { text, bytes, truncated };
}

function abortable<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

function unwrap<T>(decision: Decision<T>): { ok: true } & T {
  if (!decision.ok) throw new AirlockError(decision.code, decision.reason);
  return decision;
}

function blocked(reason: string): AirlockError {
  return new AirlockError('ERR_EGRESS_BLOCKED', reason);
}
