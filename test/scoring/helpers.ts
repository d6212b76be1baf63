/** Builds small model directories for tests: random weights, a tiny featurizer, a valid model.json. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  type ArchitectureKind,
  type Channels,
  MODEL_FORMAT,
  type ModelManifest,
  sha256,
} from '../../src/scoring/artifact.js';
import {
  DEFAULT_FEATURIZER_SPEC,
  type FeaturizerSpec,
  featureDimension,
  type WordVectorLayout,
  wordVectorSpec,
} from '../../src/scoring/featurizer.js';
import { allocateParams, type NetworkParams, type NetworkShape } from '../../src/scoring/network.js';
import {
  decodeOnnxParams,
  encodeOnnx,
  ONNX_INPUT_INDICES,
  ONNX_INPUT_WEIGHTS,
  ONNX_OUTPUT,
} from '../../src/scoring/onnx-writer.js';
import { gaussian, mulberry32 } from '../../src/scoring/train/random.js';
import {
  decodeWordVectors,
  encodeWordVectors,
  WORD_VECTORS_FILE,
  wordHash,
} from '../../src/scoring/word-vectors.js';

export const TINY_SPEC: FeaturizerSpec = { ...DEFAULT_FEATURIZER_SPEC, wordBuckets: 1024, charBuckets: 2048 };

/** Random weights for a spec's features: served ("per-word", what a model file holds) or "pooled" (training). */
export function randomParams(
  seed: number,
  spec: FeaturizerSpec = TINY_SPEC,
  layout: WordVectorLayout = 'per-word',
): NetworkParams {
  const random = mulberry32(seed);
  const p = allocateParams({ inputDim: featureDimension(spec, layout), embedDim: 8, hiddenDim: 8 });
  for (const a of [p.embedding, p.w1, p.b1, p.w2, p.u, p.b2])
    for (let i = 0; i < a.length; i++) a[i] = gaussian(random);
  return p;
}

/** The shape of a given ONNX model (random params for an unreadable one: tests of corrupt files). */
function decodeShape(onnx: Uint8Array, featurizer: FeaturizerSpec): NetworkShape {
  try {
    return decodeOnnxParams(onnx);
  } catch {
    return { inputDim: featureDimension(featurizer, 'per-word'), embedDim: 8, hiddenDim: 8 };
  }
}

/** Words of the tiny word-vector table: random 4-d vectors, seeded. */
export const TINY_WORDS = ['ignore', 'previous', 'instructions', 'museum', 'opens', 'the', 'and', 'prompt'];

export function tinyWordVectors(seed = 3): Uint8Array {
  const random = mulberry32(seed);
  const vectors = Float32Array.from({ length: TINY_WORDS.length * 4 }, () => gaussian(random));
  return encodeWordVectors('test vectors', TINY_WORDS.map(wordHash), vectors, 4);
}

/** TINY_SPEC with the word-vector block of the given table file bytes. */
export function tinySpecWithVectors(bytes: Uint8Array): FeaturizerSpec {
  return { ...TINY_SPEC, wordVectors: wordVectorSpec(decodeWordVectors(bytes), sha256(bytes)) };
}

export function writeModel(
  modelsDir: string,
  opts: {
    name?: string;
    version: string;
    seed?: number;
    threshold?: number;
    documentThreshold?: number;
    onnx?: Uint8Array;
    featurizer?: FeaturizerSpec;
    kind?: ArchitectureKind;
    /** word-vectors.bin to write beside the model (the featurizer spec must describe it). */
    wordVectors?: Uint8Array;
  },
): string {
  const name = opts.name ?? 'prompt-injection';
  const featurizer =
    opts.featurizer ?? (opts.wordVectors ? tinySpecWithVectors(opts.wordVectors) : TINY_SPEC);
  const onnx =
    opts.onnx ??
    encodeOnnx(
      randomParams(opts.seed ?? 1, featurizer),
      {},
      opts.kind === 'embedding-bag-mlp-int8' ? 'int8' : 'float32',
    );
  const params = decodeShape(onnx, featurizer);
  const dir = join(modelsDir, name, opts.version);
  mkdirSync(dir, { recursive: true });
  const manifest: ModelManifest = {
    format: MODEL_FORMAT,
    name,
    version: opts.version,
    onnx: { file: 'model.onnx', sha256: sha256(onnx), bytes: onnx.byteLength },
    architecture: {
      kind: opts.kind ?? 'embedding-bag-mlp-fused',
      shape: { inputDim: params.inputDim, embedDim: params.embedDim, hiddenDim: params.hiddenDim },
      inputs: [ONNX_INPUT_INDICES, ONNX_INPUT_WEIGHTS],
      output: ONNX_OUTPUT,
    },
    featurizer,
    labels: ['benign', 'injection'],
    threshold: opts.threshold ?? 0.5,
    ...(opts.documentThreshold === undefined ? {} : { documentThreshold: opts.documentThreshold }),
    targetFpr: 0.01,
    seed: opts.seed ?? 1,
    created: new Date(0).toISOString(),
    trainingSeconds: 0,
    trainingData: [],
    split: {},
    metrics: {},
  };
  writeFileSync(join(dir, 'model.onnx'), onnx);
  if (opts.wordVectors) writeFileSync(join(dir, WORD_VECTORS_FILE), opts.wordVectors);
  writeFileSync(join(dir, 'model.json'), JSON.stringify(manifest, null, 2));
  return dir;
}

export function writeChannelsFile(modelsDir: string, channels: Channels, name = 'prompt-injection'): void {
  mkdirSync(join(modelsDir, name), { recursive: true });
  writeFileSync(join(modelsDir, name, 'channels.json'), JSON.stringify(channels));
}

export function tempDir(t: { after: (fn: () => void) => void }): string {
  const dir = mkdtempSync(join(tmpdir(), 'airlock-scoring-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}
