// Measures prompt scoring through the service (featurize + micro-batch + onnxruntime run) with the
// shipped model, or the models under --models DIR: single-prompt latency by size and batched throughput.
// Run: node --import tsx bench/scoring.ts [--models DIR]
import { join } from 'node:path';
import { createScoringService, type ScoringService } from '../src/scoring/index.js';
import { proseCorpus, ROOT, repetitive, slices } from './lib/prose.js';

export interface ScoringBench {
  score_100b_p50_us: number;
  score_1kb_p50_us: number;
  score_10kb_p50_us: number;
  score_100kb_p50_us: number;
  score_1kb_p99_us: number;
  /** The 1 KB figure of earlier runs: five sentences repeated, ~3x fewer distinct n-grams than prose. */
  score_1kb_repetitive_p50_us: number;
  score_batch_per_s: number;
}

async function latencies(
  service: ScoringService,
  texts: readonly string[],
  iterations: number,
): Promise<number[]> {
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
  const modelsDir = opts.modelsDir ?? join(ROOT, 'models');
  const corpus = proseCorpus();
  const service = await createScoringService({ modelsDir, maxQueue: 1 << 20 });
  try {
    const n = opts.iterations;
    const l100 = await latencies(service, slices(corpus, 100, 256), n);
    const l1k = await latencies(service, slices(corpus, 1024, 256), n);
    const l10k = await latencies(service, slices(corpus, 10 * 1024, 64), Math.max(20, Math.floor(n / 10)));
    const l100k = await latencies(service, slices(corpus, 100 * 1024, 16), Math.max(10, Math.floor(n / 50)));
    const l1kRepetitive = await latencies(
      service,
      Array.from({ length: 16 }, (_, i) => repetitive(1024, i)),
      n,
    );
    const batch = slices(corpus, 1024, 64);
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
      score_1kb_repetitive_p50_us: at(l1kRepetitive, 0.5),
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
