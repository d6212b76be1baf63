import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { callAdd, closeAll, connectHttp } from '../../bench/lib/clients.js';
import { BENCH_TOOLS, benchPolicy, REPO, startBareHttp } from '../../bench/lib/setup.js';
import { percentile, summarize } from '../../bench/lib/stats.js';
import { areaOf, summarize as summarizeProfile } from '../../bench/profile.js';
import { resolveConfig } from '../../src/config/index.js';
import { compileSources } from '../../src/policy/index.js';
import { loadTools } from '../../src/registry/index.js';
import { startRuntime } from '../../src/runtime/index.js';

test('percentile uses the nearest rank, so p99 of 100 samples is the 99th value', () => {
  const samples = Array.from({ length: 100 }, (_, i) => 100 - i);
  const s = summarize(samples);
  assert.equal(s.p50, 50);
  assert.equal(s.p99, 99);
  assert.equal(s.n, 100);
  assert.equal(percentile([7], 0.99), 7);
  assert.ok(Number.isNaN(percentile([], 0.5)));
});

test('bench policy grants add to bench (arguments scored, no prescore), bench-nogate and 100 agents', () => {
  const compiled = compileSources([{ file: 'bench.yaml', text: benchPolicy() }], 'bench');
  assert.ok(compiled.ok, compiled.ok ? '' : compiled.reason);
  const { agents } = compiled.set;
  assert.equal(agents.size, 102);
  const bench = agents.get('bench')!;
  assert.equal(bench.prescore, undefined);
  assert.equal(bench.inspect.arguments, 'block');
  assert.equal(agents.get('bench-nogate')!.inspect.arguments, 'off');
  assert.ok(agents.get('agent-099')!.tools.has('add'));
});

test('the bench add tool loads as a real Airlock tool', async () => {
  const loaded = await loadTools(BENCH_TOOLS);
  assert.deepEqual(loaded.errors, []);
  assert.ok(loaded.tools.get('add'));
});

test('add answers the same through Airlock (sandboxed, audited) and the bare SDK baseline', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'airlock-bench-test-'));
  const bare = await startBareHttp();
  const policies = join(dir, 'policies');
  await mkdir(policies);
  await writeFile(join(policies, 'bench.yaml'), benchPolicy());
  await mkdir(join(dir, 'models'));
  const runtime = await startRuntime(
    resolveConfig({
      http: '127.0.0.1:0',
      policies,
      tools: BENCH_TOOLS,
      models: join(dir, 'models'),
      data: join(dir, 'var'),
    }),
    'http',
  );
  const clients = [];
  try {
    // bench-nogate needs no scoring model, so this test does not depend on models/ being trained.
    const token = await runtime.identity.mint({ agent: 'bench-nogate', ttlS: 300 });
    clients.push(await connectHttp(new URL(runtime.resourceUrl), token), await connectHttp(bare.url));
    for (const client of clients) await callAdd(client, 40);
    const calls = (await runtime.audit.query({ tool: 'add', event: 'tool_call' })).records;
    assert.equal(calls.length, 1);
    assert.equal(calls[0]!.decision, 'allow');
  } finally {
    await closeAll(clients);
    await runtime.close();
    await bare.stop();
    await rm(dir, { recursive: true, force: true });
  }
});

test('profile summary attributes self time to packages and src modules', () => {
  assert.equal(
    areaOf('file:///r/node_modules/@modelcontextprotocol/sdk/dist/x.js', 'f'),
    '@modelcontextprotocol/sdk',
  );
  assert.equal(areaOf('file:///r/src/audit/writer.ts', 'f'), 'src/audit');
  assert.equal(areaOf('', '(garbage collector)'), '(garbage collector)');
  const profile = {
    nodes: [
      { id: 1, callFrame: { functionName: '(root)', url: '', lineNumber: 0 } },
      { id: 2, callFrame: { functionName: 'append', url: 'file:///r/src/audit/writer.ts', lineNumber: 9 } },
    ],
    samples: [2, 2, 1],
    timeDeltas: [3000, 1000, 5000],
  };
  const s = summarizeProfile(profile, 5);
  assert.equal(s.total_ms, 9);
  assert.deepEqual(s.byArea[0], { area: '(root)', ms: 5, pct: 55.6 });
  assert.equal(s.byFunction.find((f) => f.name.startsWith('append'))!.ms, 4);
});

test('bench-chart draws bars, ratios and target marks from a results file', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'airlock-bench-chart-'));
  try {
    const lat = (p50: number, p99: number) => ({ n: 10, p50, p99, mean: p50 });
    const tp = (calls_per_s: number) => ({ calls_per_s, p50_ms: 1, p99_ms: 2 });
    const result = {
      http_p50_ratio: 2.5,
      http_throughput_ratio_c16: 0.8,
      sandbox_fresh_context_overhead_ms: 0.2,
      isolate_cold_start_ms: 1,
      score_1kb_p50_us: 90,
      idle_sessions_1000_rss_mb: null,
      agents_100_p99_ms: 40,
      agents_100_p99_ms_bare: 20,
      gate_cost_ms_p50: 0.1,
      score_batch_per_s: 9000,
      node: 'v20.20.2',
      cpus: 2,
      date: '2026-11-25T00:00:00.000Z',
      command: 'npm run bench -- --out bench/results/latest.json',
      machine: { cpu: 'Test CPU', memory_gb: 24, load_before: [0.5, 0.4, 0.3] },
      details: {
        pipeline: {
          http_latency: { bare: lat(1, 2), airlock: lat(2.5, 5) },
          stdio_latency: { bare: lat(0.2, 0.4), airlock: lat(2, 4) },
          http_throughput: { c16: { bare: tp(1000), airlock: tp(800) } },
        },
      },
    };
    const input = join(dir, 'latest.json');
    const output = join(dir, 'bench.svg');
    await writeFile(input, JSON.stringify(result));
    const run = spawnSync(process.execPath, [join(REPO, 'scripts', 'bench-chart.mjs'), input, output], {
      encoding: 'utf8',
    });
    assert.equal(run.status, 0, run.stderr);
    const svg = await readFile(output, 'utf8');
    assert.match(svg, /^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    assert.equal((svg.match(/<rect x="130"/g) ?? []).length, 8, 'one bar per target and percentile');
    assert.match(svg, /\(2\.50x\)/);
    assert.match(svg, />missed</);
    assert.match(svg, />met</);
    assert.match(svg, />n\/a</);
    assert.match(svg, /Node v20\.20\.2/);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
