import { AirlockError } from '../../src/errors.js';
import type { HostApi, HostFetchRequest, SandboxLimits } from '../../src/sandbox/index.js';

export const BASE_LIMITS: SandboxLimits = {
  timeoutMs: 500,
  memoryMb: 16,
  maxOutputBytes: 4096,
  maxHostCalls: 20,
  wallClockMs: 3000,
};

/**
 * A host for sandbox tests: https://blocked.example/ is refused like the egress guard would, https://slow.example/
 * answers after `delayMs`, everything else answers "pong" at once. Records what reached it.
 */
export function fakeHost(opts: { delayMs?: number } = {}) {
  const fetched: HostFetchRequest[] = [];
  const logs: { level: string; message: string }[] = [];
  const progress: { done: number; total: number | undefined }[] = [];
  const host: HostApi = {
    async fetch(req) {
      fetched.push(req);
      if (req.url.startsWith('https://blocked.example/')) {
        throw new AirlockError('ERR_EGRESS_BLOCKED', `${req.url} is not in the egress allowlist`);
      }
      if (req.url.startsWith('https://slow.example/'))
        await new Promise((r) => setTimeout(r, opts.delayMs ?? 50));
      return {
        status: 200,
        url: req.url,
        headers: { 'content-type': 'text/plain' },
        body: 'pong',
        truncated: false,
        bytes: 4,
      };
    },
    log(level, message) {
      logs.push({ level, message });
    },
    progress(done, total) {
      progress.push({ done, total });
    },
  };
  return { host, fetched, logs, progress };
}

export function tool(code: string) {
  return { code, filename: 'airlock:test/tool.js' };
}
