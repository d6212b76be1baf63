/**
 * Sandbox costs: a trivial tool called through the sandbox (fresh context in a pooled isolate) vs. the same
 * function in-process, and a cold isolate vs. a fresh context in a warm one. Medians.
 * Run: node --no-node-snapshot --import tsx bench/sandbox.ts [iterations]
 */
import { pathToFileURL } from 'node:url';
import { createSandbox, type HostApi, loadIvm, type SandboxLimits } from '../src/sandbox/index.js';

export interface SandboxBench {
  fresh_context_call_us_p50: number;
  in_process_call_us_p50: number;
  fresh_context_overhead_ms: number;
  isolate_cold_start_ms: number;
  warm_fresh_context_ms: number;
  memory_per_isolate_mb: number;
}

const TOOL_CODE = 'export default async function (input) { return { sum: input.a + input.b }; }';
const LIMITS: SandboxLimits = { timeoutMs: 1000, memoryMb: 32, maxOutputBytes: 65536, maxHostCalls: 16 };
const HOST: HostApi = {
  async fetch() {
    throw new Error('no network in the benchmark');
  },
  log() {},
  progress() {},
};

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

async function timeEach(iterations: number, fn: () => Promise<unknown>): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const started = performance.now();
    await fn();
    samples.push(performance.now() - started);
  }
  return samples;
}

const round = (n: number, digits = 3) => Number(n.toFixed(digits));

export async function benchSandbox(opts: { iterations: number }): Promise<SandboxBench> {
  const { iterations } = opts;
  const input = { a: 1, b: 2 };

  const sandbox = createSandbox({ poolSize: 1 });
  const tool = { code: TOOL_CODE, filename: 'airlock:bench/sum.js' };
  await timeEach(20, () => sandbox.run({ tool, input, limits: LIMITS, host: HOST }));
  const sandboxed = await timeEach(iterations, async () => {
    const result = await sandbox.run({ tool, input, limits: LIMITS, host: HOST });
    if (!result.ok) throw new Error(`benchmark tool failed: ${result.code} ${result.reason}`);
  });
  await sandbox.close();

  const inProcess = (await import(`data:text/javascript,${encodeURIComponent(TOOL_CODE)}`)).default as (
    i: typeof input,
  ) => Promise<unknown>;
  await timeEach(1000, () => inProcess(input));
  const direct = await timeEach(Math.max(iterations, 1000), () => inProcess(input));

  const { ivm } = loadIvm();
  const cold = await timeEach(iterations, async () => {
    const isolate = new ivm.Isolate({ memoryLimit: LIMITS.memoryMb });
    const context = await isolate.createContext();
    await context.eval('1');
    isolate.dispose();
  });
  const warmIsolate = new ivm.Isolate({ memoryLimit: LIMITS.memoryMb });
  const warm = await timeEach(iterations, async () => {
    const context = await warmIsolate.createContext();
    await context.eval('1');
    context.release();
  });
  warmIsolate.dispose();

  // Resident memory added by isolates that each ran one context, divided by their number.
  const count = 20;
  globalThis.gc?.();
  const rssBefore = process.memoryUsage().rss;
  const isolates = [];
  for (let i = 0; i < count; i++) {
    const isolate = new ivm.Isolate({ memoryLimit: LIMITS.memoryMb });
    const context = await isolate.createContext();
    await context.eval('JSON.stringify({ warm: [1, 2, 3] })');
    isolates.push(isolate);
  }
  const perIsolate = (process.memoryUsage().rss - rssBefore) / count / (1024 * 1024);
  for (const isolate of isolates) isolate.dispose();

  const sandboxedMs = median(sandboxed);
  const directMs = median(direct);
  return {
    fresh_context_call_us_p50: round(sandboxedMs * 1000, 1),
    in_process_call_us_p50: round(directMs * 1000, 2),
    fresh_context_overhead_ms: round(sandboxedMs - directMs),
    isolate_cold_start_ms: round(median(cold)),
    warm_fresh_context_ms: round(median(warm)),
    memory_per_isolate_mb: round(perIsolate, 2),
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const iterations = Number(process.argv[2] ?? 300);
  const result = await benchSandbox({ iterations });
  console.log(`sandbox benchmark (${iterations} iterations, medians)`);
  for (const [key, value] of Object.entries(result)) console.log(`  ${key.padEnd(28)} ${value}`);
}
