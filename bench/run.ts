/**
 * `npm run bench`: Airlock against its baselines, each in the same run (see docs/bench.md).
 *   --quick         a smaller run (under a minute)
 *   --json          print one JSON object on stdout (progress goes to stderr; use `npm run -s bench`)
 *   --out FILE      also write that JSON object to FILE (bench/results/latest.json for a full run)
 *   --only LIST     comma-separated sections: pipeline, scale, sandbox, scoring, audit
 *   --models DIR    models directory (default: the repository's models/)
 *   --cpu-prof DIR  write V8 CPU profiles of the Airlock server processes to DIR (see bench/profile.ts)
 */
import { writeFile } from 'node:fs/promises';
import { cpus, freemem, loadavg, totalmem, type } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { benchAudit } from './audit.js';
import { createBenchDirs } from './lib/setup.js';
import { ratio, round } from './lib/stats.js';
import { benchPipeline, type PipelineBench } from './pipeline.js';
import { benchSandbox } from './sandbox.js';
import { benchScale, type ScaleBench } from './scale.js';
import { benchScoring } from './scoring.js';

const SECTIONS = ['pipeline', 'scale', 'sandbox', 'scoring', 'audit'] as const;
type Section = (typeof SECTIONS)[number];

const { values } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    json: { type: 'boolean', default: false },
    out: { type: 'string' },
    only: { type: 'string' },
    models: { type: 'string' },
    'cpu-prof': { type: 'string' },
  },
});
const quick = values.quick ?? false;
const only = new Set<Section>(
  values.only ? (values.only.split(',').map((s) => s.trim()) as Section[]) : SECTIONS,
);
for (const section of only) {
  if (!SECTIONS.includes(section))
    throw new Error(`--only: unknown section "${section}" (${SECTIONS.join(', ')})`);
}
const cpuProfDir = values['cpu-prof'] ? resolve(values['cpu-prof']) : undefined;

const plan = quick
  ? {
      rounds: 2,
      block: 80,
      windowMs: 400,
      sessions: 1000,
      agentRounds: 1,
      callsPerAgent: 3,
      sandbox: 100,
      scoring: 300,
      audit: 2000,
    }
  : {
      rounds: 5,
      block: 400,
      windowMs: 1500,
      sessions: 1000,
      agentRounds: 5,
      callsPerAgent: 5,
      sandbox: 500,
      scoring: 2000,
      audit: 10000,
    };

const progress = (line: string) =>
  process.stderr.write(`[bench ${((performance.now() - t0) / 1000).toFixed(1)}s] ${line}\n`);
const t0 = performance.now();
const loadBefore = loadavg().map((n) => round(n, 2));
const modelsDir = resolve(values.models ?? join(import.meta.dirname, '..', 'models'));
const dirs = await createBenchDirs({ models: modelsDir });

let pipeline: PipelineBench | undefined;
let scale: ScaleBench | undefined;
let sandbox: Awaited<ReturnType<typeof benchSandbox>> | undefined;
let scoring: Awaited<ReturnType<typeof benchScoring>> | undefined;
let audit:
  | { c1: Awaited<ReturnType<typeof benchAudit>>; c16: Awaited<ReturnType<typeof benchAudit>> }
  | undefined;
try {
  // In-process micro-benchmarks first, while no server processes compete for the two cores.
  if (only.has('sandbox')) {
    progress(`sandbox (${plan.sandbox} iterations)`);
    sandbox = await benchSandbox({ iterations: plan.sandbox });
  }
  if (only.has('scoring')) {
    progress(`scoring (${plan.scoring} iterations)`);
    scoring = await benchScoring({ iterations: plan.scoring, modelsDir });
  }
  if (only.has('audit')) {
    progress(`audit (${plan.audit} appends at concurrency 1 and 16)`);
    audit = {
      c1: await benchAudit({ iterations: Math.round(plan.audit / 5), concurrency: 1 }),
      c16: await benchAudit({ iterations: plan.audit, concurrency: 16 }),
    };
  }
  if (only.has('pipeline')) {
    pipeline = await benchPipeline({
      dirs,
      rounds: plan.rounds,
      block: plan.block,
      windowMs: plan.windowMs,
      concurrencies: [1, 16, 64],
      cpuProfDir,
      progress,
    });
  }
  if (only.has('scale')) {
    scale = await benchScale({
      dirs,
      sessions: plan.sessions,
      agents: 100,
      callsPerAgent: plan.callsPerAgent,
      rounds: plan.agentRounds,
      bareIdle: !quick,
      cpuProfDir,
      progress,
    });
  }
} finally {
  await dirs.cleanup();
}

const p = pipeline;
const tp = (c: number) => p?.http_throughput[`c${c}`];
const result = {
  // The contract keys (issue 7). Ratios are Airlock / bare SDK; Airlock has every stage on, audit durable.
  http_p50_ratio: p ? ratio(p.http_latency.airlock.p50, p.http_latency.bare.p50) : null,
  http_p99_ratio: p ? ratio(p.http_latency.airlock.p99, p.http_latency.bare.p99) : null,
  http_throughput_ratio_c16: p ? ratio(tp(16)!.airlock.calls_per_s, tp(16)!.bare.calls_per_s) : null,
  stdio_p50_ratio: p ? ratio(p.stdio_latency.airlock.p50, p.stdio_latency.bare.p50) : null,
  sandbox_fresh_context_overhead_ms: sandbox?.fresh_context_overhead_ms ?? null,
  isolate_cold_start_ms: sandbox?.isolate_cold_start_ms ?? null,
  score_1kb_p50_us: scoring?.score_1kb_p50_us ?? null,
  score_batch_per_s: scoring?.score_batch_per_s ?? null,
  idle_sessions_1000_rss_mb: scale?.idle_sessions.airlock.rss_mb ?? null,
  agents_100_p99_ms: scale?.agents.airlock.p99_ms ?? null,
  node: process.version,
  cpus: cpus().length,
  iterations: plan.rounds * plan.block,
  // The same with `audit.durable: false`: what durability costs.
  http_p50_ratio_nondurable: p ? ratio(p.http_latency.airlock_nondurable.p50, p.http_latency.bare.p50) : null,
  http_p99_ratio_nondurable: p ? ratio(p.http_latency.airlock_nondurable.p99, p.http_latency.bare.p99) : null,
  http_throughput_ratio_c1: p ? ratio(tp(1)!.airlock.calls_per_s, tp(1)!.bare.calls_per_s) : null,
  http_throughput_ratio_c64: p ? ratio(tp(64)!.airlock.calls_per_s, tp(64)!.bare.calls_per_s) : null,
  http_throughput_ratio_c16_nondurable: p
    ? ratio(tp(16)!.airlock_nondurable.calls_per_s, tp(16)!.bare.calls_per_s)
    : null,
  server_cpu_per_call_ratio_c16: p
    ? ratio(p.stages_c16.airlock!.server_cpu_us_per_call!, p.stages_c16.bare!.server_cpu_us_per_call!)
    : null,
  server_cpu_per_call_ratio_c16_nondurable: p
    ? ratio(
        p.stages_c16.airlock_nondurable!.server_cpu_us_per_call!,
        p.stages_c16.bare!.server_cpu_us_per_call!,
      )
    : null,
  stdio_p99_ratio: p ? ratio(p.stdio_latency.airlock.p99, p.stdio_latency.bare.p99) : null,
  stdio_p50_ratio_nondurable: p
    ? ratio(p.stdio_latency.airlock_nondurable.p50, p.stdio_latency.bare.p50)
    : null,
  gate_cost_ms_p50: p
    ? round(p.http_latency.airlock_nondurable.p50 - p.http_latency.airlock_nogate.p50)
    : null,
  agents_100_p99_ms_bare: scale?.agents.bare.p99_ms ?? null,
  idle_sessions_1000_rss_mb_bare: scale?.idle_sessions.bare?.rss_mb ?? null,
  mode: quick ? 'quick' : 'full',
  sections: [...only],
  date: new Date().toISOString(),
  machine: {
    os: type(),
    cpu: cpus()[0]?.model ?? 'unknown',
    memory_gb: round(totalmem() / 1024 ** 3, 1),
    free_memory_gb: round(freemem() / 1024 ** 3, 1),
    load_before: loadBefore,
    load_after: loadavg().map((n) => round(n, 2)),
  },
  models: modelsDir,
  command: `npm run bench -- ${process.argv.slice(2).join(' ')}`.trim(),
  seconds: round((performance.now() - t0) / 1000, 1),
  details: { pipeline, scale, sandbox, scoring, audit },
};

if (values.out) await writeFile(values.out, `${JSON.stringify(result, null, 2)}\n`);
if (values.json) {
  process.stdout.write(`${JSON.stringify(result)}\n`);
} else {
  printReport(result);
}

function printReport(r: typeof result): void {
  const lines: string[] = [];
  const row = (cells: (string | number | null | undefined)[], widths: number[]) =>
    lines.push(cells.map((c, i) => String(c ?? '-').padEnd(widths[i] ?? 12)).join(' '));
  lines.push(
    `Airlock benchmark (${r.mode}) — Node ${r.node}, ${r.cpus} CPUs, load ${r.machine.load_before.join(' ')}, ${r.seconds}s`,
  );
  if (p) {
    lines.push('', `Latency at concurrency 1 (ms, ${r.iterations} calls per target)`);
    const w = [26, 10, 10, 12, 12];
    row(['target', 'p50', 'p99', 'p50 ratio', 'p99 ratio'], w);
    for (const [transport, table] of [
      ['http', p.http_latency],
      ['stdio', p.stdio_latency],
    ] as const) {
      const base = table.bare;
      for (const [target, s] of Object.entries(table)) {
        row(
          [
            `${transport} ${target}`,
            round(s.p50),
            round(s.p99),
            ratio(s.p50, base.p50),
            ratio(s.p99, base.p99),
          ],
          w,
        );
      }
    }
    lines.push('', 'HTTP throughput (calls/s; each client its own session)');
    const tw = [12, 14, 14, 22, 12, 16];
    row(['clients', 'bare', 'airlock', 'airlock non-durable', 'ratio', 'ratio non-dur.'], tw);
    for (const [c, t] of Object.entries(p.http_throughput)) {
      row(
        [
          c,
          t.bare.calls_per_s,
          t.airlock.calls_per_s,
          t.airlock_nondurable.calls_per_s,
          ratio(t.airlock.calls_per_s, t.bare.calls_per_s),
          ratio(t.airlock_nondurable.calls_per_s, t.bare.calls_per_s),
        ],
        tw,
      );
    }
    lines.push('', 'Server CPU per call (us) and stage means (ms per call, airlock_stage_seconds)');
    for (const [label, stages] of [
      ['c1', p.stages_c1],
      ['c16', p.stages_c16],
    ] as const) {
      for (const [target, means] of Object.entries(stages)) {
        lines.push(
          `  ${label} ${target.padEnd(20)} ${Object.entries(means)
            .map(([k, v]) => `${k.replace('_ms', '')}=${v}`)
            .join(' ')}`,
        );
      }
    }
    lines.push(`  gate cost (p50, inspect.arguments on - off): ${r.gate_cost_ms_p50} ms`);
  }
  if (sandbox)
    lines.push('', 'Sandbox', ...Object.entries(sandbox).map(([k, v]) => `  ${k.padEnd(34)} ${v}`));
  if (scoring)
    lines.push('', 'Scoring', ...Object.entries(scoring).map(([k, v]) => `  ${k.padEnd(34)} ${v}`));
  if (audit) {
    lines.push('', 'Audit appends/s (durable vs not)');
    for (const [c, a] of Object.entries(audit))
      lines.push(
        `  ${c.padEnd(4)} durable ${a.appends_per_s_durable}  non-durable ${a.appends_per_s_nondurable}  records/fsync ${a.records_per_fsync}`,
      );
  }
  if (scale) {
    lines.push('', 'Scale');
    for (const [t, s] of Object.entries(scale.idle_sessions)) {
      if (!s) continue;
      lines.push(
        `  ${s.sessions} idle sessions, ${t.padEnd(8)} RSS ${s.rss_before_mb} -> ${s.rss_mb} MB (${s.per_session_kb} KB/session)`,
      );
    }
    for (const [t, a] of Object.entries(scale.agents))
      lines.push(
        `  ${a.agents} agents at once, ${t.padEnd(8)} p50 ${a.p50_ms} ms  p99 ${a.p99_ms} ms  max ${a.max_ms} ms (${a.calls} calls)`,
      );
  }
  lines.push('', 'Targets (issue 7):');
  for (const t of targets(r))
    lines.push(
      `  ${t.met === null ? 'n/a ' : t.met ? 'MET ' : 'MISS'} ${t.name}: ${t.value ?? '-'} (target ${t.target})`,
    );
  process.stdout.write(`${lines.join('\n')}\n`);
}

function targets(r: typeof result) {
  const check = (name: string, value: number | null, target: string, ok: (v: number) => boolean) => ({
    name,
    value,
    target,
    met: value === null ? null : ok(value),
  });
  return [
    check('http_p50_ratio', r.http_p50_ratio, '<= 1.3', (v) => v <= 1.3),
    check('http_throughput_ratio_c16', r.http_throughput_ratio_c16, '>= 0.7', (v) => v >= 0.7),
    check(
      'sandbox_fresh_context_overhead_ms',
      r.sandbox_fresh_context_overhead_ms,
      '<= 0.3',
      (v) => v <= 0.3,
    ),
    check('isolate_cold_start_ms', r.isolate_cold_start_ms, '< 5', (v) => v < 5),
    check('score_1kb_p50_us', r.score_1kb_p50_us, '< 100', (v) => v < 100),
    check('idle_sessions_1000_rss_mb', r.idle_sessions_1000_rss_mb, '< 200', (v) => v < 200),
  ];
}
