/**
 * Scale: resident memory of an Airlock server process holding 1,000 idle MCP sessions, and the latency
 * of 100 distinct agents (each its own token, client and session) calling a tool at the same time —
 * each next to the bare SDK server doing the same, in the same run.
 */
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import type { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import type { ServerChild } from './lib/child.js';
import { callAdd, closeAll, connectHttp, mapLimit } from './lib/clients.js';
import { agentIds, type BenchDirs, startAirlockHttp, startBareHttp } from './lib/setup.js';
import { round, summarize } from './lib/stats.js';

export interface ScaleOptions {
  dirs: BenchDirs;
  sessions: number;
  agents: number;
  /** Sequential calls per agent in each all-at-once round. */
  callsPerAgent: number;
  rounds: number;
  /** Also hold the idle sessions on the bare SDK server (left out of --quick to keep it short). */
  bareIdle: boolean;
  cpuProfDir?: string | undefined;
  progress?: (line: string) => void;
}

export interface IdleSessions {
  sessions: number;
  rss_before_mb: number;
  rss_mb: number;
  per_session_kb: number;
}

export interface ScaleBench {
  idle_sessions: { airlock: IdleSessions; bare: IdleSessions | null };
  agents: { airlock: AgentsResult; bare: AgentsResult };
}

export interface AgentsResult {
  agents: number;
  calls: number;
  p50_ms: number;
  p99_ms: number;
  max_ms: number;
}

const MB = 1024 * 1024;

async function rss(server: ServerChild): Promise<{ rss: number; sessions: number }> {
  return server.request<{ rss: number; sessions: number }>({ type: 'rss' });
}

async function idleSessions(server: ServerChild, count: number, token?: string): Promise<IdleSessions> {
  const before = await rss(server);
  const clients = await mapLimit(Array.from({ length: count }), 32, () => connectHttp(server.url, token));
  await new Promise((r) => setTimeout(r, 500));
  const after = await rss(server);
  if (after.sessions < count) throw new Error(`server holds ${after.sessions} sessions, expected ${count}`);
  // End the sessions properly (DELETE) so the next measurement starts from a clean server.
  await mapLimit(clients, 32, async (client) => {
    await (client.transport as StreamableHTTPClientTransport).terminateSession().catch(() => {});
    await client.close();
  });
  return {
    sessions: after.sessions,
    rss_before_mb: round(before.rss / MB, 1),
    rss_mb: round(after.rss / MB, 1),
    per_session_kb: round((after.rss - before.rss) / count / 1024, 1),
  };
}

async function allAtOnce(clients: readonly Client[], calls: number, samples: number[]): Promise<void> {
  await Promise.all(
    clients.map(async (client, c) => {
      for (let i = 0; i < calls; i++) {
        const t0 = performance.now();
        await callAdd(client, c * 1000 + i);
        samples.push(performance.now() - t0);
      }
    }),
  );
}

export async function benchScale(opts: ScaleOptions): Promise<ScaleBench> {
  const say = opts.progress ?? (() => {});
  const servers: ServerChild[] = [];
  const clients: Client[] = [];
  try {
    say('scale: starting a fresh Airlock (durable) and bare SDK server');
    const [airlock, bare] = await Promise.all([
      startAirlockHttp({ dirs: opts.dirs, mode: 'durable', name: 'scale', cpuProfDir: opts.cpuProfDir }),
      startBareHttp(),
    ]);
    servers.push(airlock, bare);
    const ids = agentIds(opts.agents);
    const { tokens } = await airlock.request<{ tokens: Record<string, string> }>({
      type: 'mint',
      agents: ['bench', ...ids],
    });

    say(`scale: ${opts.sessions} idle sessions`);
    const idle = {
      airlock: await idleSessions(airlock, opts.sessions, tokens['bench']),
      bare: opts.bareIdle ? await idleSessions(bare, opts.sessions) : null,
    };

    say(
      `scale: ${opts.agents} agents calling at once (${opts.rounds} rounds x ${opts.callsPerAgent} calls each)`,
    );
    const airlockClients = await mapLimit(ids, 16, (id) => connectHttp(airlock.url, tokens[id]));
    clients.push(...airlockClients);
    const bareClients = await mapLimit(ids, 16, () => connectHttp(bare.url));
    clients.push(...bareClients);
    await allAtOnce(airlockClients, 2, []);
    await allAtOnce(bareClients, 2, []);
    const samples = { airlock: [] as number[], bare: [] as number[] };
    for (let r = 0; r < opts.rounds; r++) {
      await allAtOnce(airlockClients, opts.callsPerAgent, samples.airlock);
      await allAtOnce(bareClients, opts.callsPerAgent, samples.bare);
    }
    const result = (s: number[]): AgentsResult => {
      const summary = summarize(s);
      return {
        agents: opts.agents,
        calls: summary.n,
        p50_ms: round(summary.p50),
        p99_ms: round(summary.p99),
        max_ms: round(Math.max(...s)),
      };
    };
    return { idle_sessions: idle, agents: { airlock: result(samples.airlock), bare: result(samples.bare) } };
  } finally {
    await closeAll(clients);
    await Promise.all(servers.map((s) => s.stop()));
  }
}
