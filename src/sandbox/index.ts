import { availableParallelism } from 'node:os';
import { log } from '../log.js';
import { loadIvm } from './ivm-loader.js';
import { IsolatePool } from './pool.js';
import { prepareContext } from './prepare.js';
import { runInIsolate } from './run.js';
import type { RunRequest, RunResult, Sandbox, SandboxOptions } from './types.js';

export { compileTool } from './compile.js';
export { candidateOrder, loadIvm } from './ivm-loader.js';
export { defaultWallClockMs } from './limits.js';
export type {
  CompiledTool,
  HostApi,
  HostFetchRequest,
  HostFetchResponse,
  RunRequest,
  RunResult,
  Sandbox,
  SandboxLimits,
  SandboxOptions,
  SandboxStats,
  ToolSource,
} from './types.js';

const MIN_MEMORY_MB = 8;

/**
 * Runs tools in pooled isolated-vm isolates, one fresh context per call. Up to `poolSize` idle isolates are
 * kept per process, each holding the context its next call will use, prepared while it was idle; a call
 * that finds none idle gets a new isolate (about 1 ms), so a runaway tool never makes another call wait;
 * only beyond `maxIsolates` running at once do calls queue.
 */
export function createSandbox(opts: SandboxOptions = {}): Sandbox {
  const { ivm } = loadIvm();
  const cores = availableParallelism();
  const pool = new IsolatePool({
    ivm,
    poolSize: opts.poolSize ?? 2 * cores,
    maxIsolates: opts.maxIsolates ?? 32,
    maxRunsPerIsolate: opts.maxRunsPerIsolate ?? 500,
    onCatastrophicError:
      opts.onCatastrophicError ??
      ((message) => log.fatal({ message }, 'isolated-vm lost control of an isolate')),
    prepare: (isolate, tool) => prepareContext({ ivm, isolate, tool }),
  });
  let closed = false;

  return {
    async run(req: RunRequest): Promise<RunResult> {
      if (closed) {
        return {
          ok: false,
          code: 'ERR_SHUTTING_DOWN',
          reason: 'the sandbox is closed',
          logs: [],
          hostCalls: 0,
          wallMs: 0,
        };
      }
      const lease = await pool.acquire(Math.max(MIN_MEMORY_MB, Math.ceil(req.limits.memoryMb)), req.tool);
      let healthy = false;
      try {
        const outcome = await runInIsolate({
          lease,
          context: pool.takeContext(lease),
          tool: req.tool,
          input: req.input,
          limits: req.limits,
          host: req.host,
          signal: req.signal,
        });
        healthy = outcome.healthy;
        lease.lastTool = req.tool;
        if (outcome.memoryKill) pool.memoryKills += 1;
        return outcome.result;
      } finally {
        pool.release(lease, healthy);
      }
    },
    stats() {
      return { ...pool.stats(), recycled: pool.recycled, memoryKills: pool.memoryKills };
    },
    async close() {
      closed = true;
      await pool.close();
    },
  };
}
