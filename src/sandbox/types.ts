import type { EgressRequest, EgressResponse } from '../egress/index.js';
import type { ErrorCode } from '../errors.js';

export interface SandboxLimits {
  /** Isolate CPU time for one call, in ms (awaited host calls do not count). */
  timeoutMs: number;
  /** Isolate heap limit in MB (isolated-vm's minimum is 8; an attacker can overshoot it 2-3x). */
  memoryMb: number;
  /** Largest result, in UTF-8 bytes of the text or of the JSON. */
  maxOutputBytes: number;
  /** Host calls (fetch, log, progress) one call may make. */
  maxHostCalls: number;
  /** Wall-clock deadline in ms, awaited host calls included; default `defaultWallClockMs(timeoutMs)`. */
  wallClockMs?: number;
}

/** What tool code may ask of `airlock.fetch`: exactly what the egress guard accepts and returns. */
export type HostFetchRequest = EgressRequest;
export type HostFetchResponse = EgressResponse;

export interface HostApi {
  /** Throwing an AirlockError surfaces in tool code as an Error whose message starts with its code. */
  fetch(req: HostFetchRequest): Promise<HostFetchResponse>;
  log(level: 'debug' | 'info' | 'warn' | 'error', message: string): void;
  progress(done: number, total?: number): void;
}

/** Tool source checked once by `compileTool` (it parses, imports nothing, default-exports a function). */
export interface CompiledTool {
  readonly kind: 'compiled-tool';
  readonly code: string;
  readonly filename: string;
  /** sha256 of the code, hex. */
  readonly digest: string;
}

export interface ToolSource {
  code: string;
  /** Name shown in stack traces inside the isolate; use a virtual name, not a host path. */
  filename: string;
}

export interface RunRequest {
  tool: CompiledTool | ToolSource;
  input: unknown;
  limits: SandboxLimits;
  host: HostApi;
  signal?: AbortSignal;
}

export type RunResult =
  | { ok: true; value: unknown; logs: string[]; hostCalls: number; cpuMs: number; wallMs: number }
  | { ok: false; code: ErrorCode; reason: string; logs: string[]; hostCalls: number; wallMs: number };

export interface SandboxStats {
  /** Isolates alive now (idle in the pool plus busy). */
  isolates: number;
  busy: number;
  /** Isolates disposed instead of going back to the pool (faulted, unhealthy, worn out or pool full). */
  recycled: number;
  memoryKills: number;
}

export interface Sandbox {
  /** Never throws for tool faults: they come back as `{ ok: false, code }`. */
  run(req: RunRequest): Promise<RunResult>;
  stats(): SandboxStats;
  close(): Promise<void>;
}

export interface SandboxOptions {
  /** Idle isolates kept per process (default 2 x CPU cores). */
  poolSize?: number;
  /** Isolates running at once; further calls wait their turn (default 32). */
  maxIsolates?: number;
  /** Calls served by one isolate before it is replaced (default 500). */
  maxRunsPerIsolate?: number;
  /** Called when V8 reports it lost control of an isolate; default logs at fatal level. */
  onCatastrophicError?: (message: string) => void;
}
