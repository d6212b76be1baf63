/**
 * Model artifacts on disk: models/<name>/<version>/{model.onnx, model.json[, word-vectors.bin]} and
 * models/<name>/channels.json. The ONNX file and the word-vector table are pinned by their sha256 in
 * model.json; a mismatch or a malformed manifest is refused.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { AirlockError } from '../errors.js';
import { writeFileAtomic } from '../files/atomic.js';
import { type FeaturizerSpec, featureDimension, validateSpec } from './featurizer.js';
import type { NetworkShape } from './network.js';
import { decodeWordVectors, type WordVectors } from './word-vectors.js';

export const MODEL_FORMAT = 'airlock-model-v1';
export const MODEL_FILE = 'model.onnx';
export const MANIFEST_FILE = 'model.json';
export const CHANNELS_FILE = 'channels.json';
/** The model scored when a caller names none. */
export const DEFAULT_MODEL = 'prompt-injection';

/**
 * Graph formats: "embedding-bag-mlp-int8" (written by training today: int32 indices [groups, slots],
 * weights [groups, windows, slots], an int8 embedding table), "embedding-bag-mlp-fused" (the same with a
 * float table) and "embedding-bag-mlp" (int64 indices and weights [rows, slots], output [rows, 1]). The
 * older two are still served for rollback. See onnx-writer.ts.
 */
export const ARCHITECTURE_KINDS = [
  'embedding-bag-mlp-int8',
  'embedding-bag-mlp-fused',
  'embedding-bag-mlp',
] as const;
export type ArchitectureKind = (typeof ARCHITECTURE_KINDS)[number];

export interface ModelManifest {
  format: typeof MODEL_FORMAT;
  name: string;
  version: string;
  onnx: { file: string; sha256: string; bytes: number };
  /** shape.inputDim counts the graph's embedding rows: with word vectors, one per table word. */
  architecture: { kind: ArchitectureKind; shape: NetworkShape; inputs: [string, string]; output: string };
  featurizer: FeaturizerSpec;
  labels: ['benign', 'injection'];
  threshold: number;
  /**
   * Threshold for text scored as a document (fetched pages, retrieved passages; see views.ts). A document
   * is scored as many units (windows, paragraphs) and flagged on the highest, so each unit is held to a
   * tenth of targetFpr on the same validation rows. Models trained before it have none: their documents
   * use `threshold`.
   */
  documentThreshold?: number;
  targetFpr: number;
  seed: number;
  created: string;
  trainingSeconds: number;
  trainingData: Array<{ file: string; sha256: string; rows: number }>;
  split: Record<string, unknown>;
  metrics: Record<string, unknown>;
}

export interface Channels {
  active: string;
  candidate?: string;
  /** Earlier active versions, most recent last: rollback pops from here. */
  previous?: string[];
}

export interface LoadedArtifact {
  readonly manifest: ModelManifest;
  readonly onnxBytes: Uint8Array;
  readonly dir: string;
  /** The featurizer's word-vector table, when its spec has one (verified like the ONNX file). */
  readonly wordVectors?: WordVectors;
}

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

const VERSION_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
const NAME_PATTERN = /^[a-z0-9][a-z0-9_-]{0,63}$/;

export function isValidVersion(version: string): boolean {
  return VERSION_PATTERN.test(version);
}

export function isValidModelName(name: string): boolean {
  return NAME_PATTERN.test(name);
}

function invalid(file: string, reason: string): AirlockError {
  return new AirlockError('ERR_MODEL_INVALID', `${file}: ${reason}`, { file });
}

/** Reads model.json and the ONNX bytes, refusing a malformed manifest or a digest mismatch. */
export function readArtifact(modelsDir: string, name: string, version: string): LoadedArtifact {
  if (!isValidModelName(name) || !isValidVersion(version)) {
    throw invalid(join(modelsDir, name, version), 'invalid model name or version');
  }
  const dir = join(modelsDir, name, version);
  const manifestPath = join(dir, MANIFEST_FILE);
  let manifest: ModelManifest;
  try {
    manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as ModelManifest;
  } catch (err) {
    throw invalid(manifestPath, `unreadable: ${(err as Error).message}`);
  }
  const problem = manifestProblem(manifest);
  if (problem) throw invalid(manifestPath, problem);
  // A copied or renamed folder must not serve under a version its manifest does not claim.
  if (manifest.name !== name || manifest.version !== version) {
    throw invalid(manifestPath, `describes ${manifest.name}@${manifest.version}, not ${name}@${version}`);
  }
  const onnxBytes = readPinned(join(dir, manifest.onnx.file), manifest.onnx.sha256);
  const wv = manifest.featurizer.wordVectors;
  if (!wv) return { manifest, onnxBytes, dir };
  const wvPath = join(dir, wv.file);
  const wvBytes = readPinned(wvPath, wv.sha256);
  let wordVectors: WordVectors;
  try {
    wordVectors = decodeWordVectors(wvBytes);
  } catch (err) {
    throw invalid(wvPath, (err as Error).message);
  }
  if (wordVectors.words !== wv.words || wordVectors.dim !== wv.dim) {
    throw invalid(
      wvPath,
      `holds ${wordVectors.words} x ${wordVectors.dim}, ${MANIFEST_FILE} says ${wv.words} x ${wv.dim}`,
    );
  }
  return { manifest, onnxBytes, dir, wordVectors };
}

/** Reads a file whose sha256 model.json pins; a missing file or another digest is ERR_MODEL_INVALID. */
function readPinned(path: string, pinned: string): Uint8Array {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(path);
  } catch (err) {
    throw invalid(path, `unreadable: ${(err as Error).message}`);
  }
  const digest = sha256(bytes);
  if (digest !== pinned) {
    throw invalid(path, `sha256 ${digest} does not match ${pinned} pinned in ${MANIFEST_FILE}`);
  }
  return bytes;
}

function manifestProblem(m: ModelManifest): string | undefined {
  if (typeof m !== 'object' || m === null) return 'not an object';
  if (m.format !== MODEL_FORMAT) return `format must be ${MODEL_FORMAT}`;
  if (typeof m.onnx?.sha256 !== 'string' || !/^[0-9a-f]{64}$/.test(m.onnx.sha256))
    return 'onnx.sha256 missing';
  if (m.onnx.file !== MODEL_FILE) return `onnx.file must be ${MODEL_FILE}`;
  if (typeof m.threshold !== 'number' || !(m.threshold > 0 && m.threshold <= 1))
    return 'threshold must be in (0, 1]';
  if (
    m.documentThreshold !== undefined &&
    !(
      typeof m.documentThreshold === 'number' &&
      m.documentThreshold >= m.threshold &&
      m.documentThreshold <= 1
    )
  )
    return 'documentThreshold must be in [threshold, 1]';
  if (typeof m.featurizer !== 'object' || m.featurizer === null) return 'featurizer spec missing';
  const spec = validateSpec(m.featurizer);
  if (spec) return spec;
  if (!ARCHITECTURE_KINDS.includes(m.architecture?.kind)) {
    return `architecture.kind must be one of ${ARCHITECTURE_KINDS.join(', ')}`;
  }
  if (m.featurizer.wordVectors && m.architecture.kind === 'embedding-bag-mlp') {
    return `featurizer.wordVectors needs architecture.kind embedding-bag-mlp-int8 or embedding-bag-mlp-fused`;
  }
  const shape = m.architecture.shape;
  if (!shape || shape.inputDim !== featureDimension(m.featurizer, 'per-word')) {
    return 'architecture.shape.inputDim does not match the featurizer (buckets, word-vector words)';
  }
  return undefined;
}

/** The versions on disk, in natural order ("2026.11.26-9" before "2026.11.26-10"). */
export function listVersions(modelsDir: string, name: string): string[] {
  try {
    return readdirSync(join(modelsDir, name))
      .filter((v) => isValidVersion(v) && statSync(join(modelsDir, name, v)).isDirectory())
      .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
  } catch {
    return [];
  }
}

export function listModelNames(modelsDir: string): string[] {
  try {
    return readdirSync(modelsDir)
      .filter(
        (n) => isValidModelName(n) && statSync(join(modelsDir, n, CHANNELS_FILE), { throwIfNoEntry: false }),
      )
      .sort();
  } catch {
    return [];
  }
}

export function readChannels(modelsDir: string, name: string): Channels {
  const file = join(modelsDir, name, CHANNELS_FILE);
  let parsed: Channels;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8')) as Channels;
  } catch (err) {
    throw invalid(file, `unreadable: ${(err as Error).message}`);
  }
  if (typeof parsed.active !== 'string' || !isValidVersion(parsed.active))
    throw invalid(file, 'active must name a version');
  if (
    parsed.candidate !== undefined &&
    (typeof parsed.candidate !== 'string' || !isValidVersion(parsed.candidate))
  ) {
    throw invalid(file, 'candidate must name a version');
  }
  const previous = Array.isArray(parsed.previous) ? parsed.previous.filter((v) => typeof v === 'string') : [];
  return { active: parsed.active, ...(parsed.candidate ? { candidate: parsed.candidate } : {}), previous };
}

export function writeChannels(modelsDir: string, name: string, channels: Channels): Promise<void> {
  return writeFileAtomic(
    join(modelsDir, name, CHANNELS_FILE),
    `${JSON.stringify(channels, null, 2)}\n`,
    0o644,
  );
}

/** Pure channel transitions; the service and the CLI both apply these and then write the file. */
export function promoteChannels(
  channels: Channels,
  versions: readonly string[],
  version?: string,
): Channels | string {
  const target = version ?? channels.candidate;
  if (!target) return 'no candidate to promote and no version given';
  if (!versions.includes(target)) return `version ${target} does not exist`;
  if (target === channels.active) return `version ${target} is already active`;
  const previous = [...(channels.previous ?? []), channels.active].slice(-10);
  return {
    active: target,
    ...(channels.candidate && channels.candidate !== target ? { candidate: channels.candidate } : {}),
    previous,
  };
}

export function rollbackChannels(
  channels: Channels,
  versions: readonly string[],
  version?: string,
): Channels | string {
  const previous = [...(channels.previous ?? [])];
  const target = version ?? previous.pop();
  if (!target) return 'no previous version to roll back to';
  if (!versions.includes(target)) return `version ${target} does not exist`;
  if (target === channels.active) return `version ${target} is already active`;
  return {
    active: target,
    ...(channels.candidate && channels.candidate !== target ? { candidate: channels.candidate } : {}),
    previous: version ? [...previous.filter((v) => v !== target)] : previous,
  };
}
