/**
 * Labelled rows from JSON Lines files, their digests, near-duplicate clusters and a validation split
 * stratified by source that keeps each near-duplicate cluster on one side (so templates do not leak).
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { AirlockError } from '../../errors.js';
import type { Featurizer } from '../featurizer.js';
import { mulberry32, shuffleInPlace, streamSeed } from './random.js';

export interface Row {
  readonly text: string;
  readonly label: 0 | 1;
  readonly source: string;
}

export interface DataFile {
  readonly file: string;
  readonly sha256: string;
  readonly rows: Row[];
}

export function readDataFile(file: string): DataFile {
  const bytes = readFileSync(file);
  const rows: Row[] = [];
  const lines = bytes.toString('utf8').split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (line === '') continue;
    let parsed: unknown;
    try {
      parsed = JSON.parse(line);
    } catch {
      throw new AirlockError('ERR_CONFIG_INVALID', `${file}:${i + 1}: not JSON`);
    }
    const r = parsed as Partial<Row>;
    if (typeof r.text !== 'string' || (r.label !== 0 && r.label !== 1) || typeof r.source !== 'string') {
      throw new AirlockError('ERR_CONFIG_INVALID', `${file}:${i + 1}: expected {text, label: 0|1, source}`);
    }
    rows.push({ text: r.text, label: r.label, source: r.source });
  }
  return { file, sha256: createHash('sha256').update(bytes).digest('hex'), rows };
}

const BANDS = 4;
const ROWS_PER_BAND = 2;

/** MinHash (word 3-shingles) + LSH banding + union-find within a source: cluster id per row. */
export function nearDuplicateClusters(rows: readonly Row[], featurizer: Featurizer): number[] {
  const parent = rows.map((_, i) => i);
  const find = (i: number): number => {
    let x = i;
    while (parent[x] !== x) {
      parent[x] = parent[parent[x]!]!;
      x = parent[x]!;
    }
    return x;
  };
  const seen = new Map<string, number>();
  const hashes = BANDS * ROWS_PER_BAND;
  const mins = new Uint32Array(hashes);
  rows.forEach((row, i) => {
    const words = featurizer.normalizeText(row.text).split(' ');
    mins.fill(0xffffffff);
    const width = Math.min(3, words.length);
    for (let w = 0; w + width <= words.length; w++) {
      const shingle = words.slice(w, w + width).join(' ');
      let h = 0x811c9dc5;
      for (let c = 0; c < shingle.length; c++) h = Math.imul(h ^ shingle.charCodeAt(c), 0x01000193);
      for (let k = 0; k < hashes; k++) {
        const v = Math.imul(h ^ Math.imul(k + 1, 0x9e3779b9), 0x85ebca6b) >>> 0;
        if (v < mins[k]!) mins[k] = v;
      }
    }
    for (let b = 0; b < BANDS; b++) {
      const key = `${row.source}\u0000${b}\u0000${mins.subarray(b * ROWS_PER_BAND, (b + 1) * ROWS_PER_BAND).join(',')}`;
      const other = seen.get(key);
      if (other === undefined) seen.set(key, i);
      else parent[find(i)] = find(other);
    }
  });
  return rows.map((_, i) => find(i));
}

export interface Split {
  train: Row[];
  validation: Row[];
  /** Rows of the held-out source(s): never trained on, reported as an "unseen source" check. */
  unseen: Row[];
  /** Attack rows that are attacks only in their original context: evaluation only (see isContextDependent). */
  contextDependent: Row[];
  clusters: number;
}

/**
 * Marks of a payload that is harmful wherever it appears: links, addresses, promotion, malware, fraud,
 * deliberate falsehood, manipulation.
 */
const HARMFUL_PAYLOAD =
  /https?:\/\/|www\.|\b[a-z0-9-]+\.(com|net|org|io|xyz)\b|@|promot|advertis|virus|malware|scam|phish|fake|fraud|false|misleading|fabricat|non-existent|isn't true|isn't actually|rumou?r|baseless|cracked|bank details|lottery|weird trick|brand a|subscribe|donation|discount|vote|election|political|sensational|shocking/i;

/**
 * BIPIA's text "attacks" were planted inside e-mails and web pages, where any instruction is off-task. Most
 * are ordinary requests out of that context: a plain question ("What are the main causes of the First
 * World War?") or an output-format wish ("Provide your answer in French."). Trained as attacks they teach
 * the model that questions and format requests are injections, which is wrong for a user's own prompt.
 * Such rows (no harmful payload) are kept for evaluation only; the ones carrying a harmful payload (a scam
 * link, malware, a fabricated claim) stay in training.
 */
export function isContextDependent(row: Row): boolean {
  return row.label === 1 && row.source.startsWith('microsoft/BIPIA:text') && !HARMFUL_PAYLOAD.test(row.text);
}

/**
 * Per source, shuffles whole clusters (seeded) into validation until it holds ~fraction of the rows;
 * a cluster too large to fit stays in training. Each source draws from its own stream, so adding or
 * dropping a source (a new round of generated rows) leaves every other source's split as it was and
 * models trained on different data rounds are compared on the same validation rows.
 */
export function splitRows(
  rows: readonly Row[],
  opts: { featurizer: Featurizer; fraction: number; seed: number; holdoutSources: readonly string[] },
): Split {
  const unseen: Row[] = [];
  const contextDependent: Row[] = [];
  const rest: Row[] = [];
  for (const r of rows) {
    if (opts.holdoutSources.some((p) => r.source.startsWith(p))) unseen.push(r);
    else if (isContextDependent(r)) contextDependent.push(r);
    else rest.push(r);
  }
  const clusterOf = nearDuplicateClusters(rest, opts.featurizer);
  const bySource = new Map<string, Map<number, number[]>>();
  rest.forEach((r, i) => {
    const clusters = bySource.get(r.source) ?? new Map<number, number[]>();
    const members = clusters.get(clusterOf[i]!) ?? [];
    members.push(i);
    clusters.set(clusterOf[i]!, members);
    bySource.set(r.source, clusters);
  });
  const inValidation = new Uint8Array(rest.length);
  for (const [source, clusters] of bySource) {
    const groups = [...clusters.values()];
    const total = groups.reduce((n, g) => n + g.length, 0);
    const target = Math.round(total * opts.fraction);
    shuffleInPlace(groups, mulberry32(streamSeed(opts.seed, source)));
    let taken = 0;
    for (const g of groups) {
      if (taken >= target) break;
      if (taken + g.length > target + Math.max(2, Math.ceil(target * 0.1))) continue;
      for (const i of g) inValidation[i] = 1;
      taken += g.length;
    }
  }
  return {
    train: rest.filter((_, i) => inValidation[i] === 0),
    validation: rest.filter((_, i) => inValidation[i] === 1),
    unseen,
    contextDependent,
    clusters: new Set(clusterOf).size,
  };
}
