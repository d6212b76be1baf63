import { type ErrorCode, isAirlockError } from '../errors.js';
import { log } from '../log.js';
import type { HostApi, HostFetchRequest } from './types.js';

const MAX_REQUEST_CHARS = 1024 * 1024;
const MAX_LOG_ENTRIES = 200;
const MAX_LOG_CHARS = 64 * 1024;
const LOG_LEVELS = new Set(['debug', 'info', 'warn', 'error'] as const);
type LogLevel = 'debug' | 'info' | 'warn' | 'error';

type Reply = { ok: true; value?: unknown } | { ok: false; message: string };

/**
 * The host side of one run's channels. Everything from the isolate arrives as a JSON string and is parsed
 * and checked here; replies are JSON strings too, so no host object, error or stack ever enters the isolate.
 * Errors it hands to tool code are remembered, so an uncaught one fails the run with its own code.
 */
export class HostBridge {
  hostCalls = 0;
  readonly logs: string[] = [];
  private logChars = 0;
  private settled = false;
  private readonly raised = new Map<string, ErrorCode>();

  constructor(
    private readonly opts: {
      host: HostApi;
      maxHostCalls: number;
      /** Ends the run at once with this failure (the host-call limit is not something tool code may catch). */
      abort: (code: ErrorCode, reason: string) => void;
    },
  ) {}

  /** Async channel: `fetch`. */
  readonly call = async (op: unknown, payload: unknown): Promise<string> => {
    const refused = this.admit();
    if (refused) return JSON.stringify(refused);
    if (op !== 'fetch')
      return JSON.stringify(this.fail('ERR_TOOL_FAILED', `unknown host call ${String(op)}`));
    const request = parseFetchRequest(payload);
    if (!request.ok) return JSON.stringify(this.fail('ERR_TOOL_FAILED', request.reason));
    try {
      const res = await this.opts.host.fetch(request.value);
      const value = {
        status: res.status,
        url: res.url,
        headers: { ...res.headers },
        body: res.body,
        truncated: res.truncated,
        bytes: res.bytes,
      };
      return JSON.stringify({ ok: true, value } satisfies Reply);
    } catch (error) {
      if (isAirlockError(error)) return JSON.stringify(this.fail(error.code, error.message));
      // Anything else is a host fault whose message may describe the host: log it, tell the tool little.
      log.warn({ err: error }, 'host fetch failed outside the egress guard');
      return JSON.stringify(this.fail('ERR_EGRESS_FAILED', 'the request failed'));
    }
  };

  /** Sync channel: `log` and `progress` (cheap, ordered with the tool's own execution). */
  readonly notify = (op: unknown, payload: unknown): string => {
    const refused = this.admit();
    if (refused) return JSON.stringify(refused);
    const data = parseJsonObject(payload);
    // A throwing host callback must not send a host error (and its stack) into the isolate.
    try {
      if (op === 'log' && data && typeof data['message'] === 'string') {
        const level = LOG_LEVELS.has(data['level'] as LogLevel) ? (data['level'] as LogLevel) : 'info';
        this.capture(level, data['message']);
        this.opts.host.log(level, data['message']);
        return JSON.stringify({ ok: true } satisfies Reply);
      }
      if (op === 'progress' && data && Number.isFinite(data['done'])) {
        const total = data['total'];
        this.opts.host.progress(
          data['done'] as number,
          Number.isFinite(total) ? (total as number) : undefined,
        );
        return JSON.stringify({ ok: true } satisfies Reply);
      }
    } catch (error) {
      log.warn({ err: error }, `host ${String(op)} callback failed`);
      return JSON.stringify({ ok: true } satisfies Reply);
    }
    return JSON.stringify(this.fail('ERR_TOOL_FAILED', `malformed ${String(op)} call`));
  };

  /** The code of an error this bridge raised into the isolate, if `message` is one of them. */
  codeOf(message: string): ErrorCode | undefined {
    return this.raised.get(message);
  }

  /** Calls arriving after the run settled (a deadline fired) are refused without reaching the host. */
  end(): void {
    this.settled = true;
  }

  /** True once the run settled: nothing for it may reach the isolate any more. */
  get ended(): boolean {
    return this.settled;
  }

  private admit(): Reply | undefined {
    if (this.settled) return { ok: false, message: 'ERR_SANDBOX_TIMEOUT: the run has ended' };
    this.hostCalls += 1;
    if (this.hostCalls > this.opts.maxHostCalls) {
      const reason = `more than ${this.opts.maxHostCalls} host calls`;
      this.opts.abort('ERR_SANDBOX_HOST_CALLS', reason);
      return this.fail('ERR_SANDBOX_HOST_CALLS', reason);
    }
    return undefined;
  }

  private fail(code: ErrorCode, reason: string): Reply {
    const message = `${code}: ${reason}`;
    this.raised.set(message, code);
    return { ok: false, message };
  }

  private capture(level: LogLevel, message: string): void {
    if (this.logs.length >= MAX_LOG_ENTRIES || this.logChars >= MAX_LOG_CHARS) return;
    const entry = `${level}: ${message}`.slice(0, MAX_LOG_CHARS - this.logChars);
    this.logChars += entry.length;
    this.logs.push(entry);
  }
}

function parseJsonObject(payload: unknown): Record<string, unknown> | undefined {
  if (typeof payload !== 'string' || payload.length > MAX_REQUEST_CHARS) return undefined;
  try {
    const value: unknown = JSON.parse(payload);
    return value !== null && typeof value === 'object' && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

function parseFetchRequest(
  payload: unknown,
): { ok: true; value: HostFetchRequest } | { ok: false; reason: string } {
  const data = parseJsonObject(payload);
  if (!data || typeof data['url'] !== 'string')
    return { ok: false, reason: 'fetch needs a url string (request at most 1 MiB)' };
  const request: HostFetchRequest = { url: data['url'] };
  for (const key of ['method', 'body', 'secret'] as const) {
    const value = data[key];
    if (value === undefined) continue;
    if (typeof value !== 'string') return { ok: false, reason: `fetch ${key} must be a string` };
    request[key] = value;
  }
  const headers = data['headers'];
  if (headers !== undefined) {
    if (headers === null || typeof headers !== 'object' || Array.isArray(headers)) {
      return { ok: false, reason: 'fetch headers must be an object of strings' };
    }
    const out: Record<string, string> = {};
    for (const [name, value] of Object.entries(headers)) {
      if (typeof value !== 'string') return { ok: false, reason: `fetch header ${name} must be a string` };
      out[name] = value;
    }
    request.headers = out;
  }
  return { ok: true, value: request };
}
