/**
 * `airlock model train`: reads the data files, splits (stratified by source, whole near-duplicate clusters,
 * optional unseen-source holdout), trains the network and the baselines, calibrates the threshold for a
 * target false-positive rate on validation, and writes <out>/<name>/<version>/{model.onnx, model.json}
 * (and word-vectors.bin, with the word-vector rows folded per word into the ONNX embedding).
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { AirlockError } from '../../errors.js';
import { writeFileAtomic } from '../../files/atomic.js';
import {
  CHANNELS_FILE,
  type Channels,
  DEFAULT_MODEL,
  isValidVersion,
  listVersions,
  MANIFEST_FILE,
  MODEL_FILE,
  MODEL_FORMAT,
  type ModelManifest,
  sha256,
  writeChannels,
} from '../artifact.js';
import { DEFAULT_FEATURIZER_SPEC, Featurizer, type FeaturizerSpec, wordVectorSpec } from '../featurizer.js';
import { evalMetrics, type Scored, TAIL_SHARE, thresholdForFprTail } from '../metrics.js';
import { foldWordVectors, type NetworkShape } from '../network.js';
import {
  asInt8Served,
  encodeOnnx,
  ONNX_INPUT_INDICES,
  ONNX_INPUT_WEIGHTS,
  ONNX_OUTPUT,
} from '../onnx-writer.js';
import { decodeWordVectors, WORD_VECTORS_FILE, type WordVectors } from '../word-vectors.js';
import { splicedInjections } from './augment.js';
import { trainLengthOnly } from './baselines.js';
import { type DataFile, type Row, readDataFile, splitRows } from './dataset.js';
import { buildTrainingMatrix, scoreRows, trainNetwork } from './trainer.js';

export interface TrainModelOptions {
  dataFiles: readonly string[];
  outDir: string;
  name?: string;
  version?: string;
  seed?: number;
  epochs?: number;
  embedDim?: number;
  hiddenDim?: number;
  learningRate?: number;
  l2?: number;
  featureDropout?: number;
  /** Source prefixes kept out of training and validation, reported as the unseen-source check. */
  holdoutSources?: readonly string[];
  validationFraction?: number;
  /** Labelled files never trained on, scored with the calibrated thresholds and reported under metrics.check. */
  checkFiles?: readonly string[];
  /** False-positive rate the threshold is set for, on the primary data file's validation rows. */
  targetFpr?: number;
  /** A word-vectors.bin (training/build-word-vectors.ts) to pool as a third feature block; copied beside the model. */
  wordVectors?: string;
  /** Rows to use from each file (a slice for quick tests); all when unset. */
  limitRows?: number;
  activate?: boolean;
  log?: (line: string) => void;
  now?: Date;
}

export interface TrainModelResult {
  dir: string;
  version: string;
  manifest: ModelManifest;
}

/** Short hijacking / prompt-extraction attacks: positives up to this many characters. */
export const SHORT_ATTACK_CHARS = 300;

function nextVersion(outDir: string, name: string, now: Date): string {
  const day = now.toISOString().slice(0, 10).replaceAll('-', '.');
  const existing = new Set(listVersions(outDir, name));
  let n = 1;
  while (existing.has(`${day}-${n}`)) n++;
  return `${day}-${n}`;
}

function report(rows: readonly Row[], scores: readonly number[], threshold: number) {
  const scored: Scored[] = rows.map((r, i) => ({ score: scores[i]!, label: r.label, source: r.source }));
  const shortAttacks = scored.filter((s, i) => s.label === 1 && rows[i]!.text.length <= SHORT_ATTACK_CHARS);
  const longBenign = scored.filter((s, i) => s.label === 0 && rows[i]!.text.length > 1000);
  const m = evalMetrics(scored, threshold);
  return {
    ...m,
    short_attack_recall: shortAttacks.length
      ? Math.round((shortAttacks.filter((s) => s.score >= threshold).length / shortAttacks.length) * 1e4) /
        1e4
      : null,
    short_attack_rows: shortAttacks.length,
    long_benign_fpr: longBenign.length
      ? Math.round((longBenign.filter((s) => s.score >= threshold).length / longBenign.length) * 1e4) / 1e4
      : null,
    long_benign_rows: longBenign.length,
  };
}

function readWordVectors(file: string): { spec: FeaturizerSpec; table: WordVectors; bytes: Uint8Array } {
  let bytes: Uint8Array;
  let table: WordVectors;
  try {
    bytes = readFileSync(file);
    table = decodeWordVectors(bytes);
  } catch (err) {
    throw new AirlockError('ERR_CONFIG_INVALID', `${file}: ${(err as Error).message}`, { file });
  }
  const wordVectors = wordVectorSpec(table, sha256(bytes));
  return { spec: { ...DEFAULT_FEATURIZER_SPEC, wordVectors }, table, bytes };
}

export async function trainModel(opts: TrainModelOptions): Promise<TrainModelResult> {
  const log = opts.log ?? (() => {});
  const name = opts.name ?? DEFAULT_MODEL;
  const seed = opts.seed ?? 1;
  const now = opts.now ?? new Date();
  const targetFpr = opts.targetFpr ?? 0.01;
  const started = performance.now();
  const files: DataFile[] = opts.dataFiles.map(readDataFile);
  const rows = files.flatMap((f) => (opts.limitRows ? f.rows.slice(0, opts.limitRows) : f.rows));
  const vectors = opts.wordVectors ? readWordVectors(opts.wordVectors) : undefined;
  const featurizer = new Featurizer(vectors?.spec ?? DEFAULT_FEATURIZER_SPEC, vectors?.table);
  const split = splitRows(rows, {
    featurizer,
    fraction: opts.validationFraction ?? 0.2,
    seed,
    holdoutSources: opts.holdoutSources ?? [],
  });
  if (split.train.length === 0 || split.validation.length === 0) {
    throw new AirlockError('ERR_CONFIG_INVALID', 'training or validation split is empty');
  }
  log(
    `rows ${rows.length}: train ${split.train.length}, validation ${split.validation.length}, unseen ${split.unseen.length}, context-dependent ${split.contextDependent.length}, clusters ${split.clusters}`,
  );

  const spliced = splicedInjections(split.train, {
    count: Math.round(split.train.length * 0.06),
    seed,
    windowChars: featurizer.spec.chunkChars,
  });
  const matrix = buildTrainingMatrix([...split.train, ...spliced], featurizer);
  log(`training examples ${matrix.count} (${spliced.length} spliced), nnz ${matrix.indices.length}`);
  // Stage 1: logistic regression over the hashed features (also the reported baseline).
  const linear = trainNetwork(matrix, {
    shape: { inputDim: featurizer.dimension, embedDim: 1, hiddenDim: 0 },
    seed,
    epochs: 3,
    batchSize: 32,
    learningRate: 0.02,
    l2: 1e-6,
    featureDropout: 0,
    onEpoch: (e, loss) => log(`linear epoch ${e + 1}: loss ${loss.toFixed(4)}`),
  });
  // Stage 2: the linear weights become a frozen wide column; the embedding bag + MLP learn a residual.
  const shape: NetworkShape = {
    inputDim: featurizer.dimension,
    embedDim: 1 + (opts.embedDim ?? 16),
    hiddenDim: opts.hiddenDim ?? 32,
  };
  const params = trainNetwork(matrix, {
    shape,
    seed,
    epochs: opts.epochs ?? 3,
    batchSize: 32,
    learningRate: opts.learningRate ?? 0.01,
    l2: opts.l2 ?? 1e-4,
    featureDropout: opts.featureDropout ?? 0.3,
    wide: linear,
    onEpoch: (e, loss) => log(`wide & deep epoch ${e + 1}: loss ${loss.toFixed(4)}`),
  });
  const trainingSeconds = Math.round((performance.now() - started) / 100) / 10;
  // The threshold is set for targetFpr on the validation rows of the primary data file (real prompts from
  // public sources). The generated benign rows are hard negatives built to sit at the boundary; counting
  // them would buy a lower false-positive rate on templates at the cost of recall on real attacks. Their
  // false-positive rates are reported per source instead. The point is read from the exponential tail
  // fitted to the top TAIL_SHARE of those benign scores, not off the one row at rank 1%: 1% of 1,196 is
  // row 12, and in one build rows 10 to 15 spanned 0.67 to 0.79, so the empirical point swung the
  // threshold by more than the builds' rankings differed (two seeds of one recipe: 0.707 and 0.769
  // empirical, 0.678 and 0.707 from the tail).
  const primary = new Set(files[0]!.rows);
  const primaryScored = (rows: readonly Row[], scores: readonly number[]) =>
    rows.flatMap((r, i) => (primary.has(r) ? [{ score: scores[i]!, label: r.label, source: r.source }] : []));
  const calibrate = (rows: readonly Row[], scores: readonly number[]) =>
    thresholdForFprTail(primaryScored(rows, scores), targetFpr);
  // Everything below is measured on the served network: word vectors folded per word, the embedding table
  // quantised to int8 as the graph holds it, features in the per-word layout the runner uses.
  const served = asInt8Served(vectors ? foldWordVectors(params, vectors.table) : params);
  const servedFeaturizer = vectors
    ? new Featurizer(featurizer.spec, vectors.table, { wordVectorLayout: 'per-word' })
    : featurizer;
  const scoreServed = (rows: readonly Row[]) => scoreRows(served, rows, servedFeaturizer);
  const valScores = scoreServed(split.validation);
  const threshold = calibrate(split.validation, valScores);
  // A document is flagged on the highest of its many windows and paragraphs (a 4 KB e-mail is ~8 units, a
  // speech hundreds), so one unit at targetFpr flags a far larger share of documents: at 1% the shipped
  // 2026.11.26-3 flagged 12-19% of ordinary e-mails. Each unit of a document is held to a tenth of it,
  // read from a tail fitted to the highest-scoring benign rows: a tenth of 1% is a single row.
  const documentThreshold = Math.max(
    threshold,
    thresholdForFprTail(primaryScored(split.validation, valScores), targetFpr / 10),
  );
  const metrics: Record<string, unknown> = { validation: report(split.validation, valScores, threshold) };
  if (split.unseen.length > 0) {
    metrics['unseen'] = report(split.unseen, scoreServed(split.unseen), threshold);
  }
  if (split.contextDependent.length > 0) {
    const scores = scoreServed(split.contextDependent);
    metrics['context_dependent'] = report(split.contextDependent, scores, threshold);
  }
  const lengthOnly = trainLengthOnly(split.train);
  const baselines = {
    length_only: (rows: readonly Row[]) => rows.map(lengthOnly),
    logistic_regression: (rows: readonly Row[]) => scoreRows(linear, rows, featurizer),
  };
  const checks = (opts.checkFiles ?? []).map(readDataFile);
  const checkReports = (score: (rows: readonly Row[]) => number[], t: number) =>
    Object.fromEntries(checks.map((c) => [basename(c.file), report(c.rows, score(c.rows), t)]));
  if (checks.length > 0) metrics['check'] = checkReports(scoreServed, threshold);
  const baselineMetrics: Record<string, unknown> = {};
  for (const [name, score] of Object.entries(baselines)) {
    const scores = score(split.validation);
    const t = calibrate(split.validation, scores);
    baselineMetrics[name] = {
      validation: report(split.validation, scores, t),
      ...(split.unseen.length > 0 ? { unseen: report(split.unseen, score(split.unseen), t) } : {}),
      ...(checks.length > 0 ? { check: checkReports(score, t) } : {}),
    };
  }
  metrics['baselines'] = baselineMetrics;

  const version = opts.version ?? nextVersion(opts.outDir, name, now);
  if (!isValidVersion(version)) throw new AirlockError('ERR_CONFIG_INVALID', `invalid version ${version}`);
  const dir = join(opts.outDir, name, version);
  if (existsSync(dir)) throw new AirlockError('ERR_CONFIG_INVALID', `${dir} already exists`);
  const onnx = encodeOnnx(served, { name, version }, 'int8');
  const manifest: ModelManifest = {
    format: MODEL_FORMAT,
    name,
    version,
    onnx: { file: MODEL_FILE, sha256: sha256(onnx), bytes: onnx.byteLength },
    architecture: {
      kind: 'embedding-bag-mlp-int8',
      shape: { ...shape, inputDim: served.inputDim },
      inputs: [ONNX_INPUT_INDICES, ONNX_INPUT_WEIGHTS],
      output: ONNX_OUTPUT,
    },
    featurizer: featurizer.spec,
    labels: ['benign', 'injection'],
    threshold,
    documentThreshold,
    targetFpr,
    seed,
    created: now.toISOString(),
    trainingSeconds,
    trainingData: files.map((f) => ({ file: basename(f.file), sha256: f.sha256, rows: f.rows.length })),
    split: {
      method:
        'stratified by source, one seeded stream per source; whole near-duplicate clusters (MinHash word 3-shingles, LSH 4x2)',
      validationFraction: opts.validationFraction ?? 0.2,
      holdoutSources: opts.holdoutSources ?? [],
      limitRows: opts.limitRows ?? null,
      train: split.train.length,
      splicedAugmentation: spliced.length,
      validation: split.validation.length,
      unseen: split.unseen.length,
      contextDependent: split.contextDependent.length,
      thresholdCalibratedOn: `validation rows of ${basename(files[0]!.file)} at ${targetFpr} false positives, read from an exponential tail fitted to the logits of their top ${TAIL_SHARE * 100}% benign scores`,
      documentThresholdCalibratedOn: `the same rows and tail at ${targetFpr / 10} false positives`,
    },
    metrics,
  };
  mkdirSync(dir, { recursive: true });
  // Model files are published read-only to the world like any committed artifact.
  await writeFileAtomic(join(dir, MODEL_FILE), onnx, 0o644);
  if (vectors) await writeFileAtomic(join(dir, WORD_VECTORS_FILE), vectors.bytes, 0o644);
  await writeFileAtomic(join(dir, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`, 0o644);
  if (opts.activate) {
    const channels: Channels = { active: version };
    await writeChannels(opts.outDir, name, channels);
    log(`${join(opts.outDir, name, CHANNELS_FILE)}: active ${version}`);
  }
  return { dir, version, manifest };
}
