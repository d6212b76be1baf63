/**
 * `airlock model eval`: scores a labelled file one text at a time through the real session, each text as a
 * prompt or as a document (see views.ts).
 */
import { type EvalMetrics, evalMetrics, type Scored } from './metrics.js';
import { ModelRunner } from './runner.js';
import { readDataFile } from './train/dataset.js';
import type { TextKind } from './views.js';

export interface EvalReport extends EvalMetrics {
  model: string;
  version: string;
  kind: TextKind;
  p50_us: number;
  p99_us: number;
}

function percentile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}

export async function evaluateModel(opts: {
  modelsDir: string;
  name: string;
  version: string;
  dataFile: string;
  /** Default "prompt". */
  kind?: TextKind;
}): Promise<EvalReport> {
  const kind = opts.kind ?? 'prompt';
  const runner = await ModelRunner.load(opts.modelsDir, opts.name, opts.version);
  try {
    const { rows } = readDataFile(opts.dataFile);
    const scored: Scored[] = [];
    const micros: number[] = [];
    const score = (text: string, views = runner.viewsOf(text, kind)) => runner.score([text], [views])[0]!;
    for (const row of rows) {
      const views = runner.viewsOf(row.text, kind);
      scored.push({
        score: score(row.text, views),
        label: row.label,
        source: row.source,
        // A document's bar rises with the units it is scored as, as when serving.
        threshold: runner.barFor(row.text, views, kind),
      });
    }
    // Timed on a second pass: the first one also warms the JIT and onnxruntime's buffers, which a
    // long-running server has done long before; the steady-state latency is the figure that matters.
    for (const row of rows) {
      const t0 = process.hrtime.bigint();
      score(row.text);
      micros.push(Number(process.hrtime.bigint() - t0) / 1000);
    }
    micros.sort((a, b) => a - b);
    const metrics = evalMetrics(scored, runner.thresholdFor(kind));
    return {
      model: runner.name,
      version: runner.version,
      kind,
      ...metrics,
      p50_us: Math.round(percentile(micros, 0.5) * 10) / 10,
      p99_us: Math.round(percentile(micros, 0.99) * 10) / 10,
    };
  } finally {
    await runner.release();
  }
}
