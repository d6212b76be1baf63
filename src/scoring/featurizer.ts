/**
 * Hashed n-gram featurizer shared by training and inference (one code path, so features cannot drift).
 * Text -> NFKC, lower-case, ASCII digits folded to 0, whitespace collapsed; then hashed word 1-2-grams
 * and char 3-5-grams in two separate blocks; log1p counts, each block L2-normalised (length-robust).
 * Hot path avoids per-n-gram allocations: FNV-1a over char codes, counts in a reused typed array.
 */

export interface FeaturizerSpec {
  readonly kind: 'hashed-ngrams-v1';
  readonly normalize: 'nfkc+lower+digits0+ws';
  readonly hash: 'fnv1a32+fibonacci';
  readonly wordBuckets: number;
  readonly charBuckets: number;
  readonly wordNgrams: readonly [1, 2];
  readonly charNgrams: readonly [3, 5];
  readonly weighting: 'log1p+l2-per-block';
  /**
   * Inputs longer than this many UTF-16 units are scored in overlapping windows; the max score wins.
   * Small windows keep a short injection from being diluted by a long benign page around it (with a
   * 512/256 layout any span up to 256 chars lies whole inside a window of at most 512).
   */
  readonly chunkChars: number;
  readonly chunkOverlap: number;
}

export const DEFAULT_FEATURIZER_SPEC: FeaturizerSpec = Object.freeze({
  kind: 'hashed-ngrams-v1',
  normalize: 'nfkc+lower+digits0+ws',
  hash: 'fnv1a32+fibonacci',
  wordBuckets: 1 << 15,
  charBuckets: 1 << 16,
  wordNgrams: [1, 2] as const,
  charNgrams: [3, 5] as const,
  weighting: 'log1p+l2-per-block',
  chunkChars: 512,
  chunkOverlap: 256,
});

/** Views into the featurizer's reused buffers: valid until the next featurize() call. */
export interface SparseFeatures {
  readonly indices: Int32Array;
  readonly values: Float32Array;
  readonly length: number;
}

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
const ASCII_ONLY = /^[\x00-\x7f]*$/;
/** log1p of small counts, precomputed: nearly every n-gram occurs only a few times in a window. */
const LOG1P = Float64Array.from({ length: 256 }, (_, c) => Math.log1p(c));

const GOLDEN = 0x9e3779b1;

/** Fibonacci hashing: the top `bits` bits of h * golden ratio spread FNV's weak low bits over all buckets. */
function bucket(h: number, shift: number): number {
  return Math.imul(h, GOLDEN) >>> shift;
}

function isSpace(c: number): boolean {
  return (
    c === 32 ||
    (c >= 9 && c <= 13) ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/** Letters, digits, apostrophes and any non-ASCII code unit form words; ASCII punctuation splits them. */
function isWordChar(c: number): boolean {
  return (
    (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 39 || c === 95 || (c >= 65 && c <= 90) || c > 127
  );
}

export function validateSpec(spec: FeaturizerSpec): string | undefined {
  if (spec.kind !== 'hashed-ngrams-v1') return `unknown featurizer kind ${String(spec.kind)}`;
  for (const n of [spec.wordBuckets, spec.charBuckets]) {
    if (!Number.isInteger(n) || n < 16 || n > 1 << 24 || (n & (n - 1)) !== 0) {
      return 'bucket counts must be powers of two between 16 and 2^24';
    }
  }
  if (!(spec.chunkChars > spec.chunkOverlap && spec.chunkOverlap >= 0))
    return 'chunkChars must exceed chunkOverlap';
  return undefined;
}

/** Overlapping windows over long text, so an injection buried at the end of a page is still scored. */
export function chunkText(text: string, spec: Pick<FeaturizerSpec, 'chunkChars' | 'chunkOverlap'>): string[] {
  if (text.length <= spec.chunkChars) return [text];
  const step = spec.chunkChars - spec.chunkOverlap;
  const out: string[] = [];
  for (let start = 0; ; start += step) {
    const end = Math.min(text.length, start + spec.chunkChars);
    out.push(text.slice(start, end));
    if (end >= text.length) break;
  }
  return out;
}

export class Featurizer {
  readonly spec: FeaturizerSpec;
  readonly dimension: number;
  private readonly counts: Int32Array;
  private readonly wordShift: number;
  private readonly charShift: number;
  private touched = new Int32Array(0);
  private values = new Float32Array(0);
  private chars = new Uint16Array(4096);

  constructor(spec: FeaturizerSpec = DEFAULT_FEATURIZER_SPEC) {
    const problem = validateSpec(spec);
    if (problem) throw new Error(`invalid featurizer spec: ${problem}`);
    this.spec = spec;
    this.dimension = spec.wordBuckets + spec.charBuckets;
    this.counts = new Int32Array(this.dimension);
    this.wordShift = 32 - Math.log2(spec.wordBuckets);
    this.charShift = 32 - Math.log2(spec.charBuckets);
  }

  /** Normalised text as a string (for tests and docs; the hot path works on char codes). */
  normalizeText(text: string): string {
    const n = this.normalizeInto(text);
    return String.fromCharCode(...this.chars.subarray(1, n - 1));
  }

  featurize(text: string): SparseFeatures {
    const n = this.normalizeInto(text);
    // At most 3 char n-grams per position plus 2 word n-grams per word: size the buffers once, up front.
    if (this.touched.length < 5 * n) {
      this.touched = new Int32Array(5 * n);
      this.values = new Float32Array(5 * n);
    }
    const buf = this.chars;
    const counts = this.counts;
    const touched = this.touched;
    const values = this.values;
    const wordShift = this.wordShift;
    const charShift = this.charShift;
    const charBase = this.spec.wordBuckets;
    let nnz = 0;

    // Word block: unigrams and bigrams of word-char runs.
    let prev = 0;
    let havePrev = false;
    let i = 0;
    while (i < n) {
      while (i < n && !isWordChar(buf[i]!)) i++;
      if (i >= n) break;
      let h = FNV_OFFSET;
      while (i < n && isWordChar(buf[i]!)) {
        h = Math.imul(h ^ buf[i]!, FNV_PRIME);
        i++;
      }
      const uni = bucket(h, wordShift);
      if (counts[uni]!++ === 0) touched[nnz++] = uni;
      if (havePrev) {
        const bi = bucket(Math.imul(prev ^ 0x2545f491, FNV_PRIME) ^ h, wordShift);
        if (counts[bi]!++ === 0) touched[nnz++] = bi;
      }
      prev = h;
      havePrev = true;
    }

    // Char block: 3-, 4- and 5-grams over the space-padded text, one FNV pass per start position.
    for (let s = 0; s + 3 <= n; s++) {
      let h = Math.imul(Math.imul(FNV_OFFSET ^ buf[s]!, FNV_PRIME) ^ buf[s + 1]!, FNV_PRIME);
      const end = Math.min(s + 5, n);
      for (let k = s + 2; k < end; k++) {
        h = Math.imul(h ^ buf[k]!, FNV_PRIME);
        const idx = charBase + bucket(h, charShift);
        if (counts[idx]!++ === 0) touched[nnz++] = idx;
      }
    }

    // log1p counts, L2 per block; reset the shared counts for the next call.
    let sumWord = 0;
    let sumChar = 0;
    for (let j = 0; j < nnz; j++) {
      const idx = touched[j]!;
      const c = counts[idx]!;
      const v = c < 256 ? LOG1P[c]! : Math.log1p(c);
      counts[idx] = 0;
      values[j] = v;
      if (idx < charBase) sumWord += v * v;
      else sumChar += v * v;
    }
    const invWord = sumWord > 0 ? 1 / Math.sqrt(sumWord) : 0;
    const invChar = sumChar > 0 ? 1 / Math.sqrt(sumChar) : 0;
    for (let j = 0; j < nnz; j++) values[j] = values[j]! * (touched[j]! < charBase ? invWord : invChar);
    return { indices: touched.subarray(0, nnz), values: values.subarray(0, nnz), length: nnz };
  }

  /** Writes " " + normalised text + " " into this.chars and returns its length. */
  private normalizeInto(text: string): number {
    let t = ASCII_ONLY.test(text) ? text : text.normalize('NFKC');
    t = t.toLowerCase();
    if (this.chars.length < t.length + 2) this.chars = new Uint16Array(t.length * 2 + 2);
    const buf = this.chars;
    let n = 0;
    buf[n++] = 32;
    for (let i = 0; i < t.length; i++) {
      let c = t.charCodeAt(i);
      if (isSpace(c)) {
        if (buf[n - 1] === 32) continue;
        c = 32;
      } else if (c >= 48 && c <= 57) {
        c = 48;
      }
      buf[n++] = c;
    }
    if (buf[n - 1] !== 32) buf[n++] = 32;
    return n;
  }
}
