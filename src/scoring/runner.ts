/**
 * One loaded model version: its verified artifact, its featurizer and one onnxruntime session.
 * Each text is featurized into windows, all windows of a call go through one session run, and a text's
 * score is the max over its windows. A fused or int8 model (see onnx-writer.ts) takes, per run, whichever layout
 * gathers less: a group per window, or a group per text that gathers each distinct bucket of the text
 * once (the overlapping windows of a text share most of their n-grams). An older "embedding-bag-mlp"
 * model runs one row per window with int64 indices.
 */
import { createRequire } from 'node:module';
import { Tensor } from 'onnxruntime-node';
import { AirlockError } from '../errors.js';
import { type ArchitectureKind, type LoadedArtifact, MODEL_FILE, readArtifact } from './artifact.js';
import { Featurizer, windowCount } from './featurizer.js';
import { logit } from './metrics.js';
import { sigmoid } from './network.js';
import { type TextKind, textViews } from './views.js';

/**
 * onnxruntime-node's native session. The package's public InferenceSession.run validates its arguments
 * and then defers the (synchronous) native run to a setImmediate: ~15 µs per call here, as much as the
 * graph itself for one prompt. The runner calls the native session directly; onnxruntime-node is pinned
 * to an exact version, and the onnx tests fail if this internal interface changes.
 */
interface NativeSession {
  loadModel(buffer: ArrayBufferLike, byteOffset: number, byteLength: number, options: object): void;
  readonly inputMetadata: ReadonlyArray<{ name: string; type: number }>;
  readonly outputMetadata: ReadonlyArray<{ name: string }>;
  run(feeds: Record<string, Tensor>, fetches: Record<string, null>, options: object): Record<string, Tensor>;
  dispose(): void;
}

const native = createRequire(import.meta.url)('onnxruntime-node/dist/binding.js') as {
  binding: { InferenceSession: new () => NativeSession };
  initOrt(): void;
};

const SESSION_OPTIONS = { intraOpNumThreads: 1, interOpNumThreads: 1, graphOptimizationLevel: 'all' };
/** ONNX element types of the indices input, by architecture kind. */
const INDEX_TYPE: Record<ArchitectureKind, number> = {
  'embedding-bag-mlp-int8': 6,
  'embedding-bag-mlp-fused': 6,
  'embedding-bag-mlp': 7,
};
/**
 * Cost of one multiply-add of the bag MatMul relative to gathering one embedding row (a cache miss into
 * a table of megabytes): measured ~1/30 on this machine, rounded to keep the layout choice simple.
 */
const MAC_PER_GATHER = 1 / 32;

export class ModelRunner {
  readonly name: string;
  readonly version: string;
  readonly threshold: number;
  /** For text scored as a document (model.json's documentThreshold, else threshold). */
  readonly documentThreshold: number;
  readonly artifact: LoadedArtifact;
  private readonly session: NativeSession;
  private readonly featurizer: Featurizer;
  private readonly fused: boolean;
  private readonly embedDim: number;
  private readonly inputIndices: string;
  private readonly inputWeights: string;
  private readonly fetches: Record<string, null>;
  private released = false;
  runs = 0;
  /** Runs that took the one-group-per-text layout. */
  groupRuns = 0;
  // Reused between runs: every window's entries (column in its text, value), each text's vocabulary.
  private entryCol = new Int32Array(16384);
  private entryVal = new Float32Array(16384);
  private vocab = new Int32Array(8192);
  private tensorIdx = new Int32Array(16384);
  private tensorVal = new Float32Array(16384);

  private constructor(artifact: LoadedArtifact, session: NativeSession) {
    this.artifact = artifact;
    const { manifest } = artifact;
    this.name = manifest.name;
    this.version = manifest.version;
    this.threshold = manifest.threshold;
    this.documentThreshold = manifest.documentThreshold ?? manifest.threshold;
    this.session = session;
    // The graph's word-vector rows are folded per word (see WordVectorLayout).
    this.featurizer = new Featurizer(manifest.featurizer, artifact.wordVectors, {
      wordVectorLayout: 'per-word',
    });
    this.fused = manifest.architecture.kind !== 'embedding-bag-mlp';
    this.embedDim = manifest.architecture.shape.embedDim;
    [this.inputIndices, this.inputWeights] = manifest.architecture.inputs;
    this.fetches = { [manifest.architecture.output]: null };
  }

  /** Verifies the digest, then builds the session; any load failure is ERR_MODEL_INVALID naming the file. */
  static async load(modelsDir: string, name: string, version: string): Promise<ModelRunner> {
    const artifact = readArtifact(modelsDir, name, version);
    const file = `${artifact.dir}/${MODEL_FILE}`;
    const session = createSession(artifact, file);
    const { kind, inputs, output } = artifact.manifest.architecture;
    const indices = session.inputMetadata.find((i) => i.name === inputs[0]);
    if (
      indices?.type !== INDEX_TYPE[kind] ||
      !session.inputMetadata.some((i) => i.name === inputs[1]) ||
      !session.outputMetadata.some((o) => o.name === output)
    ) {
      session.dispose();
      throw new AirlockError(
        'ERR_MODEL_INVALID',
        `${file}: graph inputs/outputs do not match model.json (architecture ${kind})`,
        { file },
      );
    }
    const problem = probeEmbedding(session, artifact);
    if (problem) {
      session.dispose();
      throw new AirlockError('ERR_MODEL_INVALID', `${file}: ${problem}`, { file });
    }
    return new ModelRunner(artifact, session);
  }

  /**
   * Tensor rows (windows) a text and its views will take (for queue accounting). The service passes the
   * views it made once for the request, and the same views to score().
   */
  rowsFor(text: string, views: readonly string[] = this.viewsOf(text)): number {
    let rows = windowCount(text.length, this.featurizer.spec);
    for (const view of views) rows += windowCount(view.length, this.featurizer.spec);
    return rows;
  }

  /** The bar of a long text of this kind: the threshold for a prompt, documentThreshold for a document. */
  thresholdFor(kind: TextKind): number {
    return kind === 'document' ? this.documentThreshold : this.threshold;
  }

  /**
   * The bar this text is held to, scored with these views: a prompt's is the threshold; a document's
   * rises with the units it is scored as (rowsFor) to documentThreshold (see documentBar).
   */
  barFor(text: string, views: readonly string[], kind: TextKind): number {
    if (kind === 'prompt') return this.threshold;
    return documentBar(this.threshold, this.documentThreshold, this.rowsFor(text, views));
  }

  /** The views of a text scored beside it (decoded text; a document's paragraphs too; see views.ts). */
  viewsOf(text: string, kind: TextKind = 'prompt'): readonly string[] {
    return textViews(text, this.featurizer.spec.chunkChars, kind);
  }

  /**
   * Scores each text in one session run: the max over its windows and over the windows of its views
   * (see views.ts), `views[t]` for text t; by default a prompt's views.
   */
  score(
    texts: readonly string[],
    views: readonly (readonly string[])[] = texts.map((t) => this.viewsOf(t)),
  ): number[] {
    if (this.released)
      throw new AirlockError('ERR_SCORING_UNAVAILABLE', `${this.name}@${this.version} was released`);
    let owners: number[] | undefined;
    let all: string[] | undefined;
    for (let t = 0; t < texts.length; t++) {
      const own = views[t]!;
      if (own.length === 0) continue;
      all ??= [...texts];
      owners ??= texts.map((_, i) => i);
      for (const view of own) {
        all.push(view);
        owners.push(t);
      }
    }
    if (all === undefined || owners === undefined) return this.scoreTexts(texts);
    const scores = this.scoreTexts(all);
    const best = scores.slice(0, texts.length);
    for (let i = texts.length; i < all.length; i++)
      best[owners[i]!] = Math.max(best[owners[i]!]!, scores[i]!);
    return best;
  }

  /** Scores each text (max over its windows) in one session run. */
  private scoreTexts(texts: readonly string[]): number[] {
    const batch = this.featurizeAll(texts);
    this.runs++;
    if (!this.fused) return this.runRows(batch, true);
    const { rows, maxEntries, maxVocab, maxWindows } = batch;
    const d = this.embedDim;
    const rowCost = rows * maxEntries * (1 + d * MAC_PER_GATHER);
    const groupCost = texts.length * maxVocab * (1 + maxWindows * d * MAC_PER_GATHER);
    return groupCost < rowCost ? this.runGroups(batch) : this.runRows(batch, false);
  }

  /** Featurizes every text into the reused entry and vocabulary pools. */
  private featurizeAll(texts: readonly string[]): Batch {
    const windowStart: number[] = [0];
    const owner: number[] = [];
    const windowIndex: number[] = [];
    const vocabStart: number[] = [0];
    let maxEntries = 1;
    let maxVocab = 1;
    let maxWindows = 1;
    for (let t = 0; t < texts.length; t++) {
      const f = this.featurizer.featurizeWindows(texts[t]!);
      const at = windowStart[windowStart.length - 1]!;
      const vocabAt = vocabStart[t]!;
      this.reserve(at + f.offsets[f.windows]!, vocabAt + f.vocabulary.length);
      this.entryCol.set(f.columns, at);
      this.entryVal.set(f.values, at);
      this.vocab.set(f.vocabulary, vocabAt);
      vocabStart.push(vocabAt + f.vocabulary.length);
      for (let w = 0; w < f.windows; w++) {
        windowStart.push(at + f.offsets[w + 1]!);
        owner.push(t);
        windowIndex.push(w);
        maxEntries = Math.max(maxEntries, f.offsets[w + 1]! - f.offsets[w]!);
      }
      maxVocab = Math.max(maxVocab, f.vocabulary.length);
      maxWindows = Math.max(maxWindows, f.windows);
    }
    return {
      texts: texts.length,
      rows: owner.length,
      windowStart,
      owner,
      windowIndex,
      vocabStart,
      maxEntries,
      maxVocab,
      maxWindows,
    };
  }

  /** One row per window: indices and weights [rows, slots] (fused: weights [rows, 1, slots]). */
  private runRows(batch: Batch, int64: boolean): number[] {
    const { rows, maxEntries: slots, windowStart, owner, vocabStart } = batch;
    const cells = rows * slots;
    const { idx, val } = this.tensorBuffers(int64 ? 2 * cells : cells, cells);
    const { vocab, entryCol, entryVal } = this;
    // Little-endian int64: the low 32 bits through the Int32 view, the high ones stay 0.
    const stride = int64 ? 2 : 1;
    for (let r = 0; r < rows; r++) {
      const from = windowStart[r]!;
      const to = windowStart[r + 1]!;
      const vocabAt = vocabStart[owner[r]!]!;
      const base = r * slots - from;
      for (let j = from; j < to; j++) {
        idx[(base + j) * stride] = vocab[vocabAt + entryCol[j]!]!;
        val[base + j] = entryVal[j]!;
      }
    }
    const indices = int64
      ? new Tensor('int64', new BigInt64Array(idx.buffer, 0, cells), [rows, slots])
      : new Tensor('int32', idx, [rows, slots]);
    const probs = this.run(indices, new Tensor('float32', val, int64 ? [rows, slots] : [rows, 1, slots]));
    return maxByText(batch, (r) => probs[r]!);
  }

  /** One group per text: its vocabulary gathered once, weights [texts, windows, vocabulary]. */
  private runGroups(batch: Batch): number[] {
    const {
      texts,
      maxVocab: slots,
      maxWindows: windows,
      windowStart,
      owner,
      windowIndex,
      vocabStart,
    } = batch;
    this.groupRuns++;
    const { idx, val } = this.tensorBuffers(texts * slots, texts * windows * slots);
    const { vocab, entryCol, entryVal } = this;
    for (let t = 0; t < texts; t++) idx.set(vocab.subarray(vocabStart[t]!, vocabStart[t + 1]!), t * slots);
    for (let r = 0; r < batch.rows; r++) {
      const base = (owner[r]! * windows + windowIndex[r]!) * slots;
      const to = windowStart[r + 1]!;
      for (let j = windowStart[r]!; j < to; j++) val[base + entryCol[j]!] = entryVal[j]!;
    }
    const probs = this.run(
      new Tensor('int32', idx, [texts, slots]),
      new Tensor('float32', val, [texts, windows, slots]),
    );
    return maxByText(batch, (r) => probs[owner[r]! * windows + windowIndex[r]!]!);
  }

  private run(indices: Tensor, weights: Tensor): Float32Array {
    const out = this.session.run(
      { [this.inputIndices]: indices, [this.inputWeights]: weights },
      this.fetches,
      {},
    );
    return Object.values(out)[0]!.data as Float32Array;
  }

  /** Zeroed views of the reused tensor buffers (onnxruntime reads them during the synchronous run only). */
  private tensorBuffers(indexCells: number, weightCells: number): { idx: Int32Array; val: Float32Array } {
    if (this.tensorIdx.length < indexCells) this.tensorIdx = new Int32Array(2 * indexCells);
    if (this.tensorVal.length < weightCells) this.tensorVal = new Float32Array(2 * weightCells);
    const idx = this.tensorIdx.subarray(0, indexCells);
    const val = this.tensorVal.subarray(0, weightCells);
    idx.fill(0);
    val.fill(0);
    return { idx, val };
  }

  /** Grows the entry and vocabulary pools to hold `entries` and `vocabulary` items. */
  private reserve(entries: number, vocabulary: number): void {
    if (entries > this.entryCol.length) {
      const col = new Int32Array(2 * entries);
      col.set(this.entryCol);
      const val = new Float32Array(2 * entries);
      val.set(this.entryVal);
      this.entryCol = col;
      this.entryVal = val;
    }
    if (vocabulary > this.vocab.length) {
      const vocab = new Int32Array(2 * vocabulary);
      vocab.set(this.vocab);
      this.vocab = vocab;
    }
  }

  /** Releases the session (runs are synchronous, so none is in flight). */
  async release(): Promise<void> {
    if (this.released) return;
    this.released = true;
    this.session.dispose();
  }
}

/** The windows of one run: window r holds entries windowStart[r]..windowStart[r+1] of text owner[r]. */
interface Batch {
  texts: number;
  rows: number;
  windowStart: number[];
  owner: number[];
  /** Window r is window windowIndex[r] of its text. */
  windowIndex: number[];
  /** Text t's vocabulary is vocab[vocabStart[t]..vocabStart[t+1]]. */
  vocabStart: number[];
  maxEntries: number;
  maxVocab: number;
  maxWindows: number;
}

/** A document scored as this many units or more is held to documentThreshold. */
export const DOCUMENT_UNITS = 10;

/**
 * The bar for a document scored as `units` windows and views, flagged when any one of them reaches it.
 * `threshold` is the 1% false-positive point of one unit and `documentThreshold` the 0.1% point. Each
 * unit is a test, so a document of n units is held to 1%/n per unit (a Bonferroni bound on the document's
 * own rate); with the exponential tail the document threshold is fitted with, that is log-linear in the
 * logit: the threshold for one unit, documentThreshold from DOCUMENT_UNITS (0.1%) on, where the fit stops.
 * A one-paragraph tool result is then judged like a prompt and a 40 KB page like before: on the
 * hand-written tool outputs recall went from 0.25 to 0.6 with no false positive on their twins, and
 * ordinary e-mails stayed at 1–2% (docs/model.md, "Documents").
 */
export function documentBar(threshold: number, documentThreshold: number, units: number): number {
  if (units <= 1 || documentThreshold <= threshold) return threshold;
  if (units >= DOCUMENT_UNITS) return documentThreshold;
  const low = logit(threshold);
  return sigmoid(low + (logit(documentThreshold) - low) * (Math.log(units) / Math.log(DOCUMENT_UNITS)));
}

function maxByText(batch: Batch, probability: (row: number) => number): number[] {
  const scores = new Array<number>(batch.texts).fill(0);
  for (let r = 0; r < batch.rows; r++) {
    const p = probability(r);
    const t = batch.owner[r]!;
    if (p > scores[t]!) scores[t] = p;
  }
  return scores;
}

/**
 * Runs the graph once on the first and the last embedding row model.json promises
 * (architecture.shape.inputDim: the hashed buckets, plus one row per word with word vectors). A graph
 * with fewer rows would otherwise load and then fail every request that hashes into the missing ones.
 */
function probeEmbedding(session: NativeSession, artifact: LoadedArtifact): string | undefined {
  const { kind, inputs, output, shape } = artifact.manifest.architecture;
  const last = shape.inputDim - 1;
  const fused = kind !== 'embedding-bag-mlp';
  const indices = fused
    ? new Tensor('int32', Int32Array.of(0, last), [1, 2])
    : new Tensor('int64', BigInt64Array.of(0n, BigInt(last)), [1, 2]);
  const weights = new Tensor('float32', Float32Array.of(0.5, 0.5), fused ? [1, 1, 2] : [1, 2]);
  try {
    const out = session.run({ [inputs[0]]: indices, [inputs[1]]: weights }, { [output]: null }, {});
    const probability = (Object.values(out)[0]?.data as Float32Array | undefined)?.[0];
    if (probability === undefined || !(probability >= 0 && probability <= 1))
      return `the graph's output for a probe is ${probability}, not a probability`;
    return undefined;
  } catch (err) {
    return `the graph cannot gather embedding row ${last} (model.json's architecture.shape.inputDim is ${shape.inputDim}): ${(err as Error).message}`;
  }
}

function createSession(artifact: LoadedArtifact, file: string): NativeSession {
  try {
    native.initOrt();
    const session = new native.binding.InferenceSession();
    const bytes = artifact.onnxBytes;
    session.loadModel(bytes.buffer, bytes.byteOffset, bytes.byteLength, SESSION_OPTIONS);
    return session;
  } catch (err) {
    throw new AirlockError(
      'ERR_MODEL_INVALID',
      `${file}: onnxruntime refused the model: ${(err as Error).message}`,
      {
        file,
      },
    );
  }
}
