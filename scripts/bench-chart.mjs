// Draws docs/bench.svg from bench/results/latest.json (or the files named on the command line):
// hand-written SVG, no dependencies. Usage: node scripts/bench-chart.mjs [IN.json] [OUT.svg]
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const input = process.argv[2] ?? join(root, 'bench', 'results', 'latest.json');
const output = process.argv[3] ?? join(root, 'docs', 'bench.svg');

const COLORS = {
  bare: '#8a8f98',
  airlock: '#2b6cb0',
  airlock_nondurable: '#63b3ed',
  airlock_nogate: '#9ae6b4',
};
const LABELS = {
  bare: 'bare MCP SDK',
  airlock: 'Airlock (every stage, durable audit)',
  airlock_nondurable: 'Airlock, audit.durable: false',
  airlock_nogate: 'Airlock, no fsync, no argument scoring',
};

const esc = (s) =>
  String(s).replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);
const fmt = (n) => (n >= 100 ? Math.round(n).toString() : n >= 10 ? n.toFixed(1) : n.toFixed(2));
const text = (x, y, s, attrs = '') => `<text x="${x}" y="${y}" ${attrs}>${esc(s)}</text>`;

/** Horizontal grouped bars: groups of {label, bars: [{key, value}]}, scaled to the largest value. */
function barChart({ x, y, width, title, unit, groups }) {
  const parts = [text(x, y, title, 'class="h2"')];
  const max = Math.max(...groups.flatMap((g) => g.bars.map((b) => b.value)));
  const labelW = 110;
  const barH = 14;
  let cy = y + 14;
  for (const group of groups) {
    parts.push(text(x, cy + barH - 2, group.label, 'class="label"'));
    for (const bar of group.bars) {
      const w = Math.max(1, ((width - labelW - 70) * bar.value) / max);
      parts.push(
        `<rect x="${x + labelW}" y="${cy}" width="${w.toFixed(1)}" height="${barH - 2}" fill="${COLORS[bar.key]}"><title>${esc(`${LABELS[bar.key]}: ${fmt(bar.value)} ${unit}`)}</title></rect>`,
        text(
          x + labelW + w + 4,
          cy + barH - 3,
          `${fmt(bar.value)}${bar.note ? ` ${bar.note}` : ''}`,
          'class="value"',
        ),
      );
      cy += barH;
    }
    cy += 8;
  }
  return { svg: parts.join('\n'), bottom: cy };
}

export function renderChart(r) {
  const p = r.details.pipeline;
  const width = 900;
  const col = 440;
  const parts = [];
  let bottom = 60;
  if (p) {
    const ratioNote = (table, key, q) =>
      key === 'bare' ? '' : `(${(table[key][q] / table.bare[q]).toFixed(2)}x)`;
    const latencyGroups = [];
    for (const [transport, table] of [
      ['HTTP', p.http_latency],
      ['stdio', p.stdio_latency],
    ]) {
      for (const q of ['p50', 'p99']) {
        latencyGroups.push({
          label: `${transport} ${q}`,
          bars: Object.keys(table).map((key) => ({
            key,
            value: table[key][q],
            note: ratioNote(table, key, q),
          })),
        });
      }
    }
    const latency = barChart({
      x: 20,
      y: 70,
      width: col,
      title: 'Latency of one add call, 1 client (ms)',
      unit: 'ms',
      groups: latencyGroups,
    });
    const tpGroups = Object.entries(p.http_throughput).map(([c, t]) => ({
      label: `${c.slice(1)} clients`,
      bars: Object.keys(t).map((key) => ({
        key,
        value: t[key].calls_per_s,
        note: key === 'bare' ? '' : `(${(t[key].calls_per_s / t.bare.calls_per_s).toFixed(2)}x)`,
      })),
    }));
    const tp = barChart({
      x: 20 + col + 20,
      y: 70,
      width: col,
      title: 'HTTP throughput (calls/s)',
      unit: 'calls/s',
      groups: tpGroups,
    });
    parts.push(latency.svg, tp.svg);
    bottom = Math.max(latency.bottom, tp.bottom) + 10;
    const lx = 20 + col + 20;
    let ly = tp.bottom + 10;
    for (const key of Object.keys(COLORS)) {
      parts.push(
        `<rect x="${lx}" y="${ly}" width="10" height="10" fill="${COLORS[key]}"/>`,
        text(lx + 14, ly + 9, LABELS[key], 'class="label"'),
      );
      ly += 15;
    }
    bottom = Math.max(bottom, ly + 10);
  }
  const targets = [
    ['HTTP p50 ratio (Airlock / bare)', r.http_p50_ratio, '≤ 1.3', (v) => v <= 1.3],
    ['HTTP throughput ratio, 16 clients', r.http_throughput_ratio_c16, '≥ 0.7', (v) => v >= 0.7],
    ['fresh-context call overhead (ms)', r.sandbox_fresh_context_overhead_ms, '≤ 0.3', (v) => v <= 0.3],
    ['isolate cold start (ms)', r.isolate_cold_start_ms, '< 5', (v) => v < 5],
    ['1 KB prompt scored, p50 (µs)', r.score_1kb_p50_us, '< 100', (v) => v < 100],
    ['1,000 idle sessions RSS (MB)', r.idle_sessions_1000_rss_mb, '< 200', (v) => v < 200],
  ];
  parts.push(text(20, bottom + 10, 'Targets (issue 7)', 'class="h2"'));
  let ty = bottom + 30;
  for (const [name, value, target, ok] of targets) {
    const met = value !== null && value !== undefined && ok(value);
    const mark = value === null || value === undefined ? 'n/a' : met ? 'met' : 'missed';
    parts.push(
      `<rect x="20" y="${ty - 11}" width="52" height="15" rx="3" fill="${met ? '#c6f6d5' : mark === 'n/a' ? '#edf2f7' : '#fed7d7'}"/>`,
      text(26, ty, mark, 'class="label"'),
      text(82, ty, `${name}: ${value ?? '-'} (target ${target})`, 'class="label"'),
    );
    ty += 19;
  }
  const extra = [
    `100 agents at once: p99 ${r.agents_100_p99_ms} ms (bare ${r.agents_100_p99_ms_bare} ms)`,
    `gate cost (inspect.arguments on vs off, p50): ${r.gate_cost_ms_p50} ms; scoring batch: ${r.score_batch_per_s}/s`,
  ];
  for (const line of extra) {
    parts.push(text(82, ty, line, 'class="label"'));
    ty += 19;
  }
  const height = ty + 10;
  const m = r.machine;
  const header = [
    text(20, 26, 'Airlock vs the bare MCP SDK', 'class="h1"'),
    text(
      20,
      46,
      `${r.date.slice(0, 10)} · Node ${r.node} · ${r.cpus} × ${m.cpu} · ${m.memory_gb} GiB · load ${m.load_before.join(' ')} · ${r.command}`,
      'class="label"',
    ),
  ];
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="system-ui, -apple-system, Segoe UI, sans-serif">
<style>.h1{font-size:18px;font-weight:600}.h2{font-size:14px;font-weight:600}.label{font-size:11px;fill:#1a202c}.value{font-size:10px;fill:#4a5568}</style>
<rect width="100%" height="100%" fill="#fff"/>
${header.join('\n')}
${parts.join('\n')}
</svg>
`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  writeFileSync(output, renderChart(JSON.parse(readFileSync(input, 'utf8'))));
  console.log(`wrote ${output}`);
}
