/**
 * Pipeline overhead: the `add` tool through a whole Airlock (authenticate, authorize, gate, sandbox,
 * audit) vs. the same function on a bare MCP SDK server, over Streamable HTTP and stdio, in the same run.
 * Every server runs in its own process; targets are measured in interleaved rounds so that load drifting
 * on a shared machine hits all of them alike.
 */
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import type { ServerChild } from './lib/child.js';
import { closeAll, connectHttp, connectStdio, latencies, mapLimit, throughput } from './lib/clients.js';
import {
  airlockStdioArgs,
  type BenchDirs,
  bareStdioArgs,
  childEnv,
  REPO,
  startAirlockHttp,
  startBareHttp,
} from './lib/setup.js';
import { round, type Summary, summarize } from './lib/stats.js';

export interface PipelineOptions {
  dirs: BenchDirs;
  /** Interleaved rounds; each round runs `block` sequential calls per latency target. */
  rounds: number;
  block: number;
  /** Throughput window per target, concurrency and round. */
  windowMs: number;
  concurrencies: readonly number[];
  cpuProfDir?: string | undefined;
  progress?: (line: string) => void;
}

/** HTTP latency targets: the bare SDK, Airlock as shipped, without fsync, and without argument scoring. */
export const HTTP_TARGETS = ['bare', 'airlock', 'airlock_nondurable', 'airlock_nogate'] as const;
export const STDIO_TARGETS = ['bare', 'airlock', 'airlock_nondurable'] as const;
export const THROUGHPUT_TARGETS = ['bare', 'airlock', 'airlock_nondurable'] as const;
type HttpTarget = (typeof HTTP_TARGETS)[number];

export interface StageMeans {
  /** Server CPU microseconds per call, and mean milliseconds per call in each `airlock_stage_seconds` stage. */
  [stage: string]: number;
}

export interface Throughput {
  calls_per_s: number;
  p50_ms: number;
  p99_ms: number;
}

export interface PipelineBench {
  http_latency: Record<HttpTarget, Summary>;
  stdio_latency: Record<(typeof STDIO_TARGETS)[number], Summary>;
  http_throughput: Record<string, Record<(typeof THROUGHPUT_TARGETS)[number], Throughput>>;
  /** Server CPU per call and `airlock_stage_seconds` means at concurrency 1 over HTTP, per target. */
  stages_c1: Record<string, StageMeans>;
  /** The same at 16 concurrent clients. */
  stages_c16: Record<string, StageMeans>;
}

type StageTotals = Record<string, { sum: number; count: number }>;
type Stats = { stages: StageTotals; cpuUs: number };

/**
 * Server-side accounting around measured runs: `airlock_stage_seconds` deltas and the server process's
 * CPU time per call. CPU per call is the figure least disturbed by other load on a shared machine.
 */
class ServerMeter {
  #acc: StageTotals = {};
  #cpuUs = 0;
  #calls = 0;
  constructor(private readonly server: ServerChild) {}
  async around<T>(fn: () => Promise<T>, calls: (value: T) => number): Promise<T> {
    const before = await this.server.request<Stats>({ type: 'stats' });
    const value = await fn();
    const after = await this.server.request<Stats>({ type: 'stats' });
    for (const [stage, total] of Object.entries(after.stages)) {
      const acc = this.#acc[stage] ?? { sum: 0, count: 0 };
      this.#acc[stage] = acc;
      acc.sum += total.sum - (before.stages[stage]?.sum ?? 0);
      acc.count += total.count - (before.stages[stage]?.count ?? 0);
    }
    this.#cpuUs += after.cpuUs - before.cpuUs;
    this.#calls += calls(value);
    return value;
  }
  means(): StageMeans {
    const out: StageMeans = { server_cpu_us_per_call: Math.round(this.#cpuUs / Math.max(1, this.#calls)) };
    for (const [stage, { sum, count }] of Object.entries(this.#acc)) {
      if (count > 0) out[`${stage}_ms`] = round((sum / count) * 1000, 4);
    }
    return out;
  }
}

const rotate = <T>(items: readonly T[], by: number): T[] =>
  items.map((_, i) => items[(i + by) % items.length]!);

export async function benchPipeline(opts: PipelineOptions): Promise<PipelineBench> {
  const say = opts.progress ?? (() => {});
  const maxClients = Math.max(...opts.concurrencies);
  const servers: ServerChild[] = [];
  const clients: Client[] = [];
  try {
    say('pipeline: starting servers (bare SDK, Airlock durable, Airlock non-durable)');
    const [bare, durable, nondurable] = await Promise.all([
      startBareHttp(),
      startAirlockHttp({
        dirs: opts.dirs,
        mode: 'durable',
        name: 'http-durable',
        cpuProfDir: opts.cpuProfDir,
      }),
      startAirlockHttp({
        dirs: opts.dirs,
        mode: 'nondurable',
        name: 'http-nondurable',
        cpuProfDir: opts.cpuProfDir,
      }),
    ]);
    servers.push(bare, durable, nondurable);
    const mint = async (server: ServerChild, agent: string) =>
      (await server.request<{ tokens: Record<string, string> }>({ type: 'mint', agents: [agent] })).tokens[
        agent
      ]!;
    const tokens = {
      durable: await mint(durable, 'bench'),
      nondurable: await mint(nondurable, 'bench'),
      nogate: await mint(nondurable, 'bench-nogate'),
    };
    const open = async (n: number, server: ServerChild, token?: string) => {
      const opened = await mapLimit(Array.from({ length: n }), 16, () => connectHttp(server.url, token));
      clients.push(...opened);
      return opened;
    };
    // One pool of sessions per target; the first c are used at concurrency c (each client its own session).
    const pools = {
      bare: await open(maxClients, bare),
      airlock: await open(maxClients, durable, tokens.durable),
      airlock_nondurable: await open(maxClients, nondurable, tokens.nondurable),
      airlock_nogate: await open(1, nondurable, tokens.nogate),
    };
    const meters: Record<HttpTarget, ServerMeter> = {
      bare: new ServerMeter(bare),
      airlock: new ServerMeter(durable),
      airlock_nondurable: new ServerMeter(nondurable),
      airlock_nogate: new ServerMeter(nondurable),
    };
    for (const target of HTTP_TARGETS) await latencies(pools[target][0]!, 50); // warm-up

    say(`pipeline: HTTP latency, concurrency 1 (${opts.rounds} rounds x ${opts.block} calls per target)`);
    const httpSamples = Object.fromEntries(HTTP_TARGETS.map((t) => [t, [] as number[]])) as Record<
      HttpTarget,
      number[]
    >;
    for (let r = 0; r < opts.rounds; r++) {
      for (const target of rotate(HTTP_TARGETS, r)) {
        const run = () => latencies(pools[target][0]!, opts.block);
        httpSamples[target].push(...(await meters[target].around(run, (s) => s.length)));
      }
    }
    const stagesC1 = Object.fromEntries(Object.entries(meters).map(([t, m]) => [t, m.means()]));

    const http_throughput: PipelineBench['http_throughput'] = {};
    const loadMeters: Record<(typeof THROUGHPUT_TARGETS)[number], ServerMeter> = {
      bare: new ServerMeter(bare),
      airlock: new ServerMeter(durable),
      airlock_nondurable: new ServerMeter(nondurable),
    };
    for (const c of opts.concurrencies) {
      say(
        `pipeline: HTTP throughput, ${c} concurrent clients (${opts.rounds} x ${opts.windowMs} ms per target)`,
      );
      const acc = Object.fromEntries(
        THROUGHPUT_TARGETS.map((t) => [t, { calls: 0, seconds: 0, samples: [] as number[] }]),
      );
      for (const target of THROUGHPUT_TARGETS) await throughput(pools[target].slice(0, c), 200); // warm-up
      for (let r = 0; r < opts.rounds; r++) {
        for (const target of rotate(THROUGHPUT_TARGETS, r)) {
          const run = () => throughput(pools[target].slice(0, c), opts.windowMs);
          const result = c === 16 ? await loadMeters[target].around(run, (t) => t.calls) : await run();
          const a = acc[target]!;
          a.calls += result.calls;
          a.seconds += result.seconds;
          a.samples.push(...result.samples);
        }
      }
      http_throughput[`c${c}`] = Object.fromEntries(
        THROUGHPUT_TARGETS.map((t) => {
          const a = acc[t]!;
          const s = summarize(a.samples);
          return [
            t,
            { calls_per_s: Math.round(a.calls / a.seconds), p50_ms: round(s.p50), p99_ms: round(s.p99) },
          ];
        }),
      ) as PipelineBench['http_throughput'][string];
    }
    const stagesC16 = Object.fromEntries(Object.entries(loadMeters).map(([t, m]) => [t, m.means()]));
    await closeAll(clients.splice(0));
    await Promise.all(servers.splice(0).map((s) => s.stop()));

    say('pipeline: stdio latency, concurrency 1');
    const env = childEnv();
    const stdio = {
      bare: await connectStdio({ args: bareStdioArgs(), cwd: REPO, env }),
      airlock: await connectStdio({
        args: airlockStdioArgs(opts.dirs, 'durable', 'stdio-durable'),
        cwd: REPO,
        env,
      }),
      airlock_nondurable: await connectStdio({
        args: airlockStdioArgs(opts.dirs, 'nondurable', 'stdio-nondurable'),
        cwd: REPO,
        env,
      }),
    };
    clients.push(...Object.values(stdio));
    for (const target of STDIO_TARGETS) await latencies(stdio[target], 50);
    const stdioSamples = Object.fromEntries(STDIO_TARGETS.map((t) => [t, [] as number[]])) as Record<
      (typeof STDIO_TARGETS)[number],
      number[]
    >;
    for (let r = 0; r < opts.rounds; r++) {
      for (const target of rotate(STDIO_TARGETS, r))
        stdioSamples[target].push(...(await latencies(stdio[target], opts.block)));
    }

    return {
      http_latency: Object.fromEntries(
        HTTP_TARGETS.map((t) => [t, summarize(httpSamples[t])]),
      ) as PipelineBench['http_latency'],
      stdio_latency: Object.fromEntries(
        STDIO_TARGETS.map((t) => [t, summarize(stdioSamples[t])]),
      ) as PipelineBench['stdio_latency'],
      http_throughput,
      stages_c1: stagesC1,
      stages_c16: stagesC16,
    };
  } finally {
    await closeAll(clients);
    await Promise.all(servers.map((s) => s.stop()));
  }
}
