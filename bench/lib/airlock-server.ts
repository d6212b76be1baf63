/**
 * A whole Airlock (every stage on) serving Streamable HTTP on 127.0.0.1:0 in its own process, so the
 * benchmark client does not share its event loop and the resident memory measured is the server's own.
 * Forked by bench/lib/child.ts; answers requests over IPC: mint tokens, report RSS, CPU time and stage timings.
 */

import { resolveConfig } from '../../src/config/index.js';
import { renderMetrics } from '../../src/metrics/index.js';
import { startRuntime } from '../../src/runtime/index.js';

interface Options {
  policies: string;
  tools: string;
  models: string;
  data: string;
  configFile?: string;
}

type Request = { id: number } & ({ type: 'mint'; agents: string[] } | { type: 'rss' } | { type: 'stats' });

const options = JSON.parse(process.argv[2] ?? '{}') as Options;
const runtime = await startRuntime(resolveConfig({ http: '127.0.0.1:0', ...options }), 'http');

/** Sum and count of `airlock_stage_seconds` per stage, read from the Prometheus exposition. */
async function stageTotals(): Promise<Record<string, { sum: number; count: number }>> {
  const { body } = await renderMetrics();
  const out: Record<string, { sum: number; count: number }> = {};
  for (const match of body.matchAll(
    /^airlock_stage_seconds_(sum|count)\{stage="([a-z]+)"\} ([0-9.e+-]+)$/gm,
  )) {
    const [, kind, stage, value] = match;
    const entry = out[stage!] ?? { sum: 0, count: 0 };
    out[stage!] = entry;
    entry[kind as 'sum' | 'count'] = Number(value);
  }
  return out;
}

async function answer(request: Request): Promise<unknown> {
  switch (request.type) {
    case 'mint': {
      const tokens: Record<string, string> = {};
      for (const agent of request.agents) tokens[agent] = await runtime.identity.mint({ agent, ttlS: 3600 });
      return { tokens };
    }
    case 'rss':
      globalThis.gc?.();
      return { rss: process.memoryUsage().rss, sessions: runtime.http?.sessions.size ?? 0 };
    case 'stats': {
      const cpu = process.cpuUsage();
      return { stages: await stageTotals(), cpuUs: cpu.user + cpu.system };
    }
  }
}

process.on('message', (request: Request) => {
  void answer(request).then((reply) => process.send?.({ id: request.id, ...(reply as object) }));
});
process.once('disconnect', () => {
  void runtime.close().finally(() => process.exit(0));
});
process.send?.({ type: 'ready', url: runtime.resourceUrl });
