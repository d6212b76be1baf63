import type IsolatedVM from 'ivm5';
import type { ErrorCode } from '../errors.js';
import { HostBridge } from './host-bridge.js';
import { wallClockMs } from './limits.js';
import { CPU_TIMEOUT_REASON, classifyFault, type Fault, parseRunnerFault } from './outcome.js';
import { dispose, type Lease, releaseHandle } from './pool.js';
import type { PreparedContext } from './prepare.js';
import type { HostApi, RunResult, SandboxLimits, ToolSource } from './types.js';

const MAX_LOG_CHARS = 8192;
const CPU_WATCH_MS = 50;

export interface RunOutcome {
  result: RunResult;
  /** False after any fault that may have left the isolate in a bad state; it is then disposed. */
  healthy: boolean;
  memoryKill: boolean;
}

type Settled =
  | { kind: 'done'; text: unknown }
  | { kind: 'error'; error: unknown }
  | { kind: 'abort'; fault: Fault };

/**
 * One call in a fresh context of a leased isolate, bounded by CPU time, wall clock, memory and host calls.
 * `context` was prepared for this call alone (usually while the isolate was idle); waiting for it counts
 * against the call's deadlines.
 */
export async function runInIsolate(opts: {
  lease: Lease;
  context: Promise<PreparedContext>;
  tool: ToolSource;
  input: unknown;
  limits: SandboxLimits;
  host: HostApi;
  signal?: AbortSignal | undefined;
}): Promise<RunOutcome> {
  const { lease, limits } = opts;
  const { isolate } = lease;
  const started = performance.now();
  const cpuStart = isolate.cpuTime;
  const inputJson = JSON.stringify(opts.input) ?? 'null';

  let abort!: (fault: Fault) => void;
  const aborted = new Promise<Settled>((resolve) => {
    abort = (fault) => resolve({ kind: 'abort', fault });
  });
  const bridge = new HostBridge({
    host: opts.host,
    maxHostCalls: limits.maxHostCalls,
    abort: (code: ErrorCode, reason: string) => abort({ code, reason, memoryKill: false }),
  });
  const deadline = wallClockMs(limits);
  const timer = setTimeout(
    () =>
      abort({
        code: 'ERR_SANDBOX_TIMEOUT',
        reason: `wall-clock deadline of ${deadline} ms passed`,
        memoryKill: false,
      }),
    deadline,
  );
  // isolated-vm's own `timeout` stops counting once the tool has awaited a host call (the continuation runs
  // in a new task), so a watchdog also reads the isolate's CPU clock.
  const cpuWatch = setInterval(
    () => {
      if ((cpuMsSince(isolate, cpuStart) ?? 0) > limits.timeoutMs) {
        abort({ code: 'ERR_SANDBOX_TIMEOUT', reason: CPU_TIMEOUT_REASON, memoryKill: false });
      }
    },
    Math.min(CPU_WATCH_MS, Math.max(1, limits.timeoutMs / 4)),
  );
  const onAbort = () =>
    abort({ code: 'ERR_TOOL_CANCELLED', reason: 'the call was cancelled', memoryKill: false });
  opts.signal?.addEventListener('abort', onAbort, { once: true });
  if (opts.signal?.aborted) onAbort();

  const handles: { release(): void }[] = [];
  const cpuLeftMs = () => Math.max(1, Math.ceil(limits.timeoutMs - (cpuMsSince(isolate, cpuStart) ?? 0)));
  const execute = async (): Promise<unknown> => {
    const prepared = await opts.context;
    handles.push(prepared);
    const settingsJson = prepared.bind(bridge, {
      maxHostCalls: limits.maxHostCalls,
      maxOutputBytes: limits.maxOutputBytes,
      maxLogChars: MAX_LOG_CHARS,
    });
    const module = await prepared.moduleFor(opts.tool);
    await module.evaluate({ timeout: cpuLeftMs() });
    const namespace = module.namespace;
    handles.push(namespace);
    return prepared.runner.apply(undefined, [namespace.derefInto(), inputJson, settingsJson], {
      result: { promise: true },
      timeout: cpuLeftMs(),
    });
  };

  const work = execute().then(
    (text): Settled => ({ kind: 'done', text }),
    (error: unknown): Settled => ({ kind: 'error', error }),
  );
  const settled = await Promise.race([work, aborted]);
  clearTimeout(timer);
  clearInterval(cpuWatch);
  opts.signal?.removeEventListener('abort', onAbort);
  bridge.end();

  const cpuMs = cpuMsSince(isolate, cpuStart) ?? 0;
  if (settled.kind === 'abort') dispose(isolate);
  else for (const handle of handles) releaseHandle(handle);
  const wallMs = performance.now() - started;
  const base = { logs: bridge.logs, hostCalls: bridge.hostCalls, wallMs };

  if (settled.kind === 'abort') {
    const { code, reason } = settled.fault;
    return { result: { ok: false, code, reason, ...base }, healthy: false, memoryKill: false };
  }
  if (settled.kind === 'error') {
    const fault = classifyFault(settled.error, (message) => bridge.codeOf(message));
    // A failed ordinary throw leaves the isolate intact; anything the sandbox itself stopped does not.
    const healthy =
      fault.code === 'ERR_TOOL_FAILED' || bridge.codeOf(errorMessage(settled.error)) !== undefined;
    return {
      result: { ok: false, code: fault.code, reason: fault.reason, ...base },
      healthy: healthy && !isolate.isDisposed,
      memoryKill: fault.memoryKill,
    };
  }
  return {
    result: decodeResult(settled.text, limits.maxOutputBytes, base, cpuMs),
    healthy: true,
    memoryKill: false,
  };
}

function decodeResult(
  text: unknown,
  maxOutputBytes: number,
  base: { logs: string[]; hostCalls: number; wallMs: number },
  cpuMs: number,
): RunResult {
  if (typeof text !== 'string' || text.length === 0) {
    return { ok: false, code: 'ERR_TOOL_FAILED', reason: 'the tool runner returned no result', ...base };
  }
  const kind = text[0];
  const body = text.slice(1);
  if (kind === 'e') return { ok: false, ...parseRunnerFault(body), ...base };
  if (Buffer.byteLength(body) > maxOutputBytes) {
    const reason = `the result exceeds ${maxOutputBytes} bytes`;
    return { ok: false, code: 'ERR_SANDBOX_OUTPUT_TOO_LARGE', reason, ...base };
  }
  if (kind === 't') return { ok: true, value: body, cpuMs, ...base };
  return { ok: true, value: JSON.parse(body), cpuMs, ...base };
}

/**
 * CPU milliseconds the isolate has run since `start`, or undefined once it is disposed. isolated-vm
 * disposes an isolate over its memory limit on its own, so it can go between an `isDisposed` check and
 * the `cpuTime` read, which then throws: in the watchdog's timer that was an uncaught exception (seen in
 * CI under the 100-memory-kills test).
 */
export function cpuMsSince(
  isolate: Pick<IsolatedVM.Isolate, 'isDisposed' | 'cpuTime'>,
  start: bigint,
): number | undefined {
  if (isolate.isDisposed) return undefined;
  try {
    return Number(isolate.cpuTime - start) / 1e6;
  } catch {
    return undefined;
  }
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
