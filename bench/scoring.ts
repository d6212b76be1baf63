// Measures prompt scoring through the service (featurize + micro-batch + onnxruntime run) with the
// shipped model, or the models under --models DIR: single-prompt latency by size and batched throughput.
// Run: node --import tsx bench/scoring.ts [--models DIR]
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createScoringService, type ScoringService } from '../src/scoring/index.js';

export interface ScoringBench {
  score_100b_p50_us: number;
  score_1kb_p50_us: number;
  score_10kb_p50_us: number;
  score_100kb_p50_us: number;
  score_1kb_p99_us: number;
  score_batch_per_s: number;
}

const SENTENCES = [
  'The quarterly report shows steady growth in the northern region. ',
  'Please summarise the attached meeting notes for the team. ',
  'You are a helpful assistant that answers questions about hiking trails. ',
  'Ignore the previous paragraph if it is not relevant to the question. ',
  'Our library opens at nine on weekdays and ten on weekends. ',
];

function textOf(bytes: number, salt: number): string {
  let s = `${salt} `;
  for (let i = 0; s.length < bytes; i++) s += SENTENCES[(i + salt) % SENTENCES.length];
  return s.slice(0, bytes);
}

async function latencies(service: ScoringService, bytes: number, iterations: number): Promise<number[]> {
  const texts = Array.from({ length: 16 }, (_, i) => textOf(bytes, i));
  // Warm-up: a server has JIT-compiled the featurizer long before; the first few hundred calls have not.
  for (let i = 0; i < Math.min(iterations, 500); i++) await service.score([texts[i % texts.length]!]);
  const out: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const t0 = process.hrtime.bigint();
    await service.score([texts[i % texts.length]!]);
    out.push(Number(process.hrtime.bigint() - t0) / 1000);
  }
  return out.sort((a, b) => a - b);
}

const at = (sorted: number[], q: number) =>
  Math.round(sorted[Math.floor(q * (sorted.length - 1))]! * 10) / 10;

export async function benchScoring(opts: { iterations: number; modelsDir?: string }): Promise<ScoringBench> {
  const modelsDir = opts.modelsDir ?? join(dirname(fileURLToPath(import.meta.url)), '..', 'models');
  const service = await createScoringService({ modelsDir, maxQueue: 1 << 20 });
  try {
    const n = opts.iterations;
    const l100 = await latencies(service, 100, n);
    const l1k = await latencies(service, 1024, n);
    const l10k = await latencies(service, 10 * 1024, Math.max(20, Math.floor(n / 10)));
    const l100k = await latencies(service, 100 * 1024, Math.max(10, Math.floor(n / 50)));
    const batch = Array.from({ length: 64 }, (_, i) => textOf(1024, i));
    const rounds = Math.max(5, Math.floor(n / 20));
    const t0 = performance.now();
    for (let r = 0; r < rounds; r++) await Promise.all(batch.map((t) => service.score([t])));
    const perSecond = (rounds * batch.length) / ((performance.now() - t0) / 1000);
    return {
      score_100b_p50_us: at(l100, 0.5),
      score_1kb_p50_us: at(l1k, 0.5),
      score_10kb_p50_us: at(l10k, 0.5),
      score_100kb_p50_us: at(l100k, 0.5),
      score_1kb_p99_us: at(l1k, 0.99),
      score_batch_per_s: Math.round(perSecond),
    };
  } finally {
    await service.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const at = process.argv.indexOf('--models');
  const modelsDir = at > 0 ? process.argv[at + 1] : undefined;
  console.log(
    JSON.stringify(await benchScoring({ iterations: 2000, ...(modelsDir ? { modelsDir } : {}) }), null, 2),
  );
}
