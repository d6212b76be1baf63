/**
 * One loaded model version: its verified artifact, its featurizer and one onnxruntime InferenceSession.
 * Texts are chunked into windows, featurized, padded into [rows, slots] int64/float tensors and run in a
 * single session.run; a text's score is the max over its windows.
 */
import { InferenceSession, Tensor } from 'onnxruntime-node';
import { AirlockError } from '../errors.js';
import { type LoadedArtifact, MODEL_FILE, readArtifact } from './artifact.js';
import { chunkText, Featurizer } from './featurizer.js';

export class ModelRunner {
  readonly name: string;
  readonly version: string;
  readonly threshold: number;
  readonly artifact: LoadedArtifact;
  private readonly session: InferenceSession;
  private readonly featurizer: Featurizer;
  private readonly inputIndices: string;
  private readonly inputWeights: string;
  private readonly output: string;
  /** Runs started and not yet finished: release() waits for them. */
  private inflight = 0;
  private idle: Array<() => void> = [];
  private released = false;
  runs = 0;
  private poolIdx = new Int32Array(16384);
  private poolVal = new Float32Array(16384);

  private constructor(artifact: LoadedArtifact, session: InferenceSession) {
    this.artifact = artifact;
    this.name = artifact.manifest.name;
    this.version = artifact.manifest.version;
    this.threshold = artifact.manifest.threshold;
    this.session = session;
    this.featurizer = new Featurizer(artifact.manifest.featurizer);
    [this.inputIndices, this.inputWeights] = artifact.manifest.architecture.inputs;
    this.output = artifact.manifest.architecture.output;
  }

  /** Verifies the digest, then builds the session; any load failure is ERR_MODEL_INVALID naming the file. */
  static async load(modelsDir: string, name: string, version: string): Promise<ModelRunner> {
    const artifact = readArtifact(modelsDir, name, version);
    const file = `${artifact.dir}/${MODEL_FILE}`;
    let session: InferenceSession;
    try {
      session = await InferenceSession.create(artifact.onnxBytes, {
        intraOpNumThreads: 1,
        interOpNumThreads: 1,
        graphOptimizationLevel: 'all',
      });
    } catch (err) {
      throw new AirlockError(
        'ERR_MODEL_INVALID',
        `${file}: onnxruntime refused the model: ${(err as Error).message}`,
        {
          file,
        },
      );
    }
    const { inputs, output } = artifact.manifest.architecture;
    if (!inputs.every((i) => session.inputNames.includes(i)) || !session.outputNames.includes(output)) {
      await session.release();
      throw new AirlockError('ERR_MODEL_INVALID', `${file}: graph inputs/outputs do not match model.json`, {
        file,
      });
    }
    return new ModelRunner(artifact, session);
  }

  /** Number of tensor rows (windows) a text will take. */
  rowsFor(text: string): number {
    return chunkText(text, this.featurizer.spec).length;
  }

  /** Scores each text (max over its windows) in one session.run. */
  async score(texts: readonly string[]): Promise<number[]> {
    if (this.released)
      throw new AirlockError('ERR_SCORING_UNAVAILABLE', `${this.name}@${this.version} was released`);
    const owners: number[] = [];
    const offsets: number[] = [0];
    let slots = 1;
    texts.forEach((text, t) => {
      for (const chunk of chunkText(text, this.featurizer.spec)) {
        const f = this.featurizer.featurize(chunk);
        const at = offsets[offsets.length - 1]!;
        this.reserve(at + f.length);
        this.poolIdx.set(f.indices, at);
        this.poolVal.set(f.values, at);
        offsets.push(at + f.length);
        owners.push(t);
        if (f.length > slots) slots = f.length;
      }
    });
    const rows = owners.length;
    const indices = new BigInt64Array(rows * slots);
    // Little-endian int64: write the low 32 bits through an Int32 view (no per-element BigInt).
    const low = new Int32Array(indices.buffer);
    const weights = new Float32Array(rows * slots);
    for (let r = 0; r < rows; r++) {
      const from = offsets[r]!;
      const to = offsets[r + 1]!;
      const base = r * slots;
      for (let j = from; j < to; j++) low[(base + j - from) * 2] = this.poolIdx[j]!;
      weights.set(this.poolVal.subarray(from, to), base);
    }
    this.inflight++;
    this.runs++;
    try {
      const out = await this.session.run({
        [this.inputIndices]: new Tensor('int64', indices, [rows, slots]),
        [this.inputWeights]: new Tensor('float32', weights, [rows, slots]),
      });
      const probs = out[this.output]!.data as Float32Array;
      const scores = new Array<number>(texts.length).fill(0);
      for (let r = 0; r < rows; r++) {
        const t = owners[r]!;
        if (probs[r]! > scores[t]!) scores[t] = probs[r]!;
      }
      return scores;
    } finally {
      this.inflight--;
      if (this.inflight === 0) for (const done of this.idle.splice(0)) done();
    }
  }

  /** Grows the reused feature pool (all windows of one run) to hold n features. */
  private reserve(n: number): void {
    if (n <= this.poolIdx.length) return;
    const size = Math.max(n, this.poolIdx.length * 2);
    const idx = new Int32Array(size);
    idx.set(this.poolIdx);
    const val = new Float32Array(size);
    val.set(this.poolVal);
    this.poolIdx = idx;
    this.poolVal = val;
  }

  /** Releases the session once in-flight runs have finished. */
  async release(): Promise<void> {
    if (this.released) return;
    this.released = true;
    if (this.inflight > 0) await new Promise<void>((resolve) => this.idle.push(resolve));
    await this.session.release();
  }
}
