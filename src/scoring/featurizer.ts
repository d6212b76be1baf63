/**
 * Hashed n-gram featurizer shared by training and inference (one code path, so features cannot drift).
 * Text -> NFKC, lower-case, look-alike letters and leet spelling folded (deobfuscate.ts; models trained before
 * it skip this), ASCII digits folded to 0, whitespace collapsed; then hashed word 1-2-grams
 * and char 3-5-grams in two separate blocks; log1p counts, each block L2-normalised (length-robust).
 * A text that fits one window is hashed and counted straight by bucket in one pass. A longer text is
 * normalised and hashed once, and its distinct buckets numbered 0..U-1 (its columns); each window then
 * counts the columns of the n-grams that start inside it (windows overlap, so hashing per window would do
 * the work twice). The columns also let the runner gather each distinct bucket once.
 * Hot path avoids per-n-gram allocations: FNV-1a over char codes, counts in reused typed arrays.
 * With a word-vector table (spec.wordVectors) a third block follows: the mean of the window's words'
 * pretrained vectors, for meaning beyond the phrasings seen in training (see WordVectorLayout).
 */

import { ASCII_CLASS, deobfuscate } from './deobfuscate.js';
import { WORD_VECTORS_FILE, type WordVectors } from './word-vectors.js';

/**
 * How text is normalised before hashing. "deobfuscate" also folds look-alike letters and leet spelling
 * inside the words that show them (deobfuscate.ts); models trained before it keep the plain form.
 */
export type Normalization = 'nfkc+lower+digits0+ws' | 'nfkc+lower+deobfuscate+digits0+ws';
const NORMALIZATIONS: readonly Normalization[] = [
  'nfkc+lower+digits0+ws',
  'nfkc+lower+deobfuscate+digits0+ws',
];

export interface FeaturizerSpec {
  readonly kind: 'hashed-ngrams-v1';
  readonly normalize: Normalization;
  readonly hash: 'fnv1a32+fibonacci';
  readonly wordBuckets: number;
  readonly charBuckets: number;
  readonly wordNgrams: readonly [1, 2];
  readonly charNgrams: readonly [3, 5];
  readonly weighting: 'log1p+l2-per-block';
  /**
   * Normalised texts longer than this many UTF-16 units are scored in overlapping windows; the max score
   * wins. A window holds the n-grams that start inside it. Windows keep a short injection from being
   * diluted by a long benign page around it (with the 1024/512 layout any span up to 512 chars starts
   * inside a window that holds it whole). 1024 rather than 512: a 1 KB prompt is one window (one pass,
   * a third of the work) and, trained that way, finds buried injections as well as 512/256 did.
   */
  readonly chunkChars: number;
  readonly chunkOverlap: number;
  /** Optional third block: pooled pretrained word vectors (absent in models trained before it). */
  readonly wordVectors?: WordVectorSpec;
}

/**
 * The word-vector block: per window, the mean over all its words (repeats counted) of their unit
 * vectors, a word missing from the table counting as a zero vector, times `norm`; `dim` features after
 * the char buckets. No word found, no entries. Missing words count so that text the table barely
 * covers (other languages, code, names) gets a weak word-vector signal instead of an amplified one:
 * averaging over found words only raised false positives on non-English benign rows from 0.037 to
 * 0.086. Mean only: max-pooling cannot be folded into the embedding (see WordVectorLayout) and gained
 * little more. The table file sits beside the model, pinned by its sha256.
 */
export interface WordVectorSpec {
  readonly file: typeof WORD_VECTORS_FILE;
  readonly sha256: string;
  readonly words: number;
  readonly dim: number;
  readonly pooling: 'mean';
  /**
   * Scale of the mean. Above 1 so that the two hashed blocks (each of norm 1) do not drown it;
   * docs/model.md lists the values tried.
   */
  readonly norm: number;
  readonly source: string;
}

/**
 * How the word-vector block reaches the model. "pooled": `dim` features, the mean itself (training and
 * the TypeScript reference). "per-word": one feature per table row, the word's count over the window's
 * word count times norm, so that the embedding rows of the pooled block can be folded into one row per
 * word (E_word[r] = v_r E_pooled, exact by linearity): the served graph gathers words like n-grams and
 * no vector arithmetic runs per request.
 */
export type WordVectorLayout = 'pooled' | 'per-word';

/** The norm models are trained with (see WordVectorSpec.norm). */
export const WORD_VECTOR_NORM = 6;

/** The spec block for a word-vector table whose file has the given sha256. */
export function wordVectorSpec(table: WordVectors, sha256: string): WordVectorSpec {
  return {
    file: WORD_VECTORS_FILE,
    sha256,
    words: table.words,
    dim: table.dim,
    pooling: 'mean',
    norm: WORD_VECTOR_NORM,
    source: table.source,
  };
}

export const DEFAULT_FEATURIZER_SPEC: FeaturizerSpec = Object.freeze({
  kind: 'hashed-ngrams-v1',
  normalize: 'nfkc+lower+deobfuscate+digits0+ws',
  hash: 'fnv1a32+fibonacci',
  wordBuckets: 1 << 15,
  charBuckets: 1 << 16,
  wordNgrams: [1, 2] as const,
  charNgrams: [3, 5] as const,
  weighting: 'log1p+l2-per-block',
  chunkChars: 1024,
  chunkOverlap: 512,
});

/** Views into the featurizer's reused buffers: valid until the next featurize call. */
export interface SparseFeatures {
  readonly indices: Int32Array;
  readonly values: Float32Array;
  readonly length: number;
}

/**
 * Every window of one text, back to back: window w is entries offsets[w]..offsets[w+1].
 * Views into the featurizer's reused buffers: valid until the next featurize call.
 */
export interface WindowedFeatures {
  readonly windows: number;
  readonly offsets: Int32Array;
  /** Column of each entry: its bucket is vocabulary[column]. */
  readonly columns: Int32Array;
  readonly values: Float32Array;
  /** The text's distinct buckets, by column. */
  readonly vocabulary: Int32Array;
}

/** One window of a WindowedFeatures as SparseFeatures (bucket indices copied out, values a view). */
export function windowOf(f: WindowedFeatures, w: number): SparseFeatures {
  const from = f.offsets[w]!;
  const to = f.offsets[w + 1]!;
  const indices = new Int32Array(to - from);
  for (let j = from; j < to; j++) indices[j - from] = f.vocabulary[f.columns[j]!]!;
  return { indices, values: f.values.subarray(from, to), length: to - from };
}

/** Number of windows of a text whose normalised length is `length`. */
export function windowCount(
  length: number,
  spec: Pick<FeaturizerSpec, 'chunkChars' | 'chunkOverlap'>,
): number {
  if (length <= spec.chunkChars) return 1;
  const step = spec.chunkChars - spec.chunkOverlap;
  return Math.ceil((length - spec.chunkChars) / step) + 1;
}

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
/** log1p of small counts, precomputed: nearly every n-gram occurs only a few times in a window. */
const LOG1P = Float64Array.from({ length: 256 }, (_, c) => Math.log1p(c));

const GOLDEN = 0x9e3779b1;

const ASCII_ENCODER = new TextEncoder();

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
export function isWordChar(c: number): boolean {
  return c > 127 || ASCII_WORD[c] === 1;
}

const ASCII_WORD = Uint8Array.from({ length: 128 }, (_, c) =>
  (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 39 || c === 95 || (c >= 65 && c <= 90) ? 1 : 0,
);

/** ASCII folding by table: whitespace -> space, digits -> '0', upper -> lower case. */
const ASCII_FOLD = Uint16Array.from({ length: 128 }, (_, c) =>
  isSpace(c) ? 32 : c >= 48 && c <= 57 ? 48 : c >= 65 && c <= 90 ? c + 32 : c,
);

/** Features a spec produces in a layout: the two hashed blocks, then the word-vector block. */
export function featureDimension(spec: FeaturizerSpec, layout: WordVectorLayout = 'pooled'): number {
  const wv = spec.wordVectors;
  return spec.wordBuckets + spec.charBuckets + (wv ? (layout === 'pooled' ? wv.dim : wv.words) : 0);
}

export function validateSpec(spec: FeaturizerSpec): string | undefined {
  if (spec.kind !== 'hashed-ngrams-v1') return `unknown featurizer kind ${String(spec.kind)}`;
  if (!NORMALIZATIONS.includes(spec.normalize)) return `unknown normalize ${String(spec.normalize)}`;
  for (const n of [spec.wordBuckets, spec.charBuckets]) {
    if (!Number.isInteger(n) || n < 16 || n > 1 << 24 || (n & (n - 1)) !== 0) {
      return 'bucket counts must be powers of two between 16 and 2^24';
    }
  }
  if (!(Number.isInteger(spec.chunkChars) && Number.isInteger(spec.chunkOverlap)))
    return 'chunkChars and chunkOverlap must be integers';
  if (!(spec.chunkChars > spec.chunkOverlap && spec.chunkOverlap >= 0))
    return 'chunkChars must exceed chunkOverlap';
  const wv = spec.wordVectors;
  if (wv !== undefined) {
    if (typeof wv !== 'object' || wv === null) return 'wordVectors must be an object';
    if (wv.file !== WORD_VECTORS_FILE) return `wordVectors.file must be ${WORD_VECTORS_FILE}`;
    if (typeof wv.sha256 !== 'string' || !/^[0-9a-f]{64}$/.test(wv.sha256))
      return 'wordVectors.sha256 missing';
    if (!(Number.isInteger(wv.words) && wv.words > 0 && Number.isInteger(wv.dim) && wv.dim > 0))
      return 'wordVectors.words and wordVectors.dim must be positive integers';
    if (wv.pooling !== 'mean') return 'wordVectors.pooling must be mean';
    if (typeof wv.norm !== 'number' || !(wv.norm > 0 && wv.norm <= 100))
      return 'wordVectors.norm must be in (0, 100]';
  }
  return undefined;
}

export class Featurizer {
  readonly spec: FeaturizerSpec;
  readonly dimension: number;
  private readonly wordShift: number;
  private readonly charShift: number;
  private readonly deobfuscate: boolean;
  /** Set by foldAscii: the text has a word deobfuscate may change. */
  private suspect = false;
  /** Normalised text, space-padded, as char codes. */
  private chars = new Uint16Array(4096);
  /** The raw text's UTF-8 bytes, when it is ASCII. */
  private bytes = new Uint8Array(4096);
  /** Column of each char n-gram by start position: 3 per position (3-, 4-, 5-gram), -1 past the end. */
  private charCols = new Int32Array(3 * 4096);
  /** Per word, in text order: start position, unigram column, column of the bigram it starts (or -1). */
  private wordPos = new Int32Array(1024);
  private wordUni = new Int32Array(1024);
  private wordBi = new Int32Array(1024);
  /** Per word, its column in the text's word-vector vocabulary, or -1 (no vector, or no table). */
  private wordCol = new Int32Array(1024);
  private wordCount = 0;
  private readonly wordVectors: WordVectors | undefined;
  /** First feature index of the word-vector block (after the char buckets). */
  private readonly denseBase: number;
  private readonly layout: WordVectorLayout;
  /** Column of the first word-vector feature in the current long text. */
  private denseColumn = 0;
  private readonly poolSum: Float64Array;
  /** Table row -> column in the current text's word vocabulary, -1 when absent; reset after numbering. */
  private readonly rowColumn: Int32Array;
  /** The current text's distinct table rows, by column, and per column its count in the current window. */
  private wordVocabulary = new Int32Array(1024);
  private wordVocabularySize = 0;
  private wordColumnCount = new Int32Array(1024);
  /** Word entries of every window: window w is wordOffsets[w]..wordOffsets[w+1]. */
  private wordOffsets = new Int32Array(64);
  private wordEntryColumns = new Int32Array(1024);
  private wordEntryCounts = new Float32Array(1024);
  /** Bucket -> column while a long text is numbered, -1 when absent; reset entry by entry after it. */
  private readonly columnOf: Int32Array;
  /** Bucket -> count while a one-window text is counted; reset entry by entry after it. */
  private readonly bucketCounts: Int32Array;
  /** 0, 1, 2, ...: the columns of a one-window text (its entries are its vocabulary, in order). */
  private identity = new Int32Array(0);
  /** Column -> bucket. */
  private vocabulary = new Int32Array(8192);
  private vocabularySize = 0;
  /** Columns below this are word buckets: the word block is numbered before the char block. */
  private wordColumns = 0;
  private counts = new Int32Array(8192);
  private columns = new Int32Array(16384);
  private values = new Float32Array(16384);
  private offsets = new Int32Array(64);

  /** `wordVectorLayout` (default "pooled") matters only when the spec has word vectors. */
  constructor(
    spec: FeaturizerSpec = DEFAULT_FEATURIZER_SPEC,
    wordVectors?: WordVectors,
    options: { wordVectorLayout?: WordVectorLayout } = {},
  ) {
    const problem = validateSpec(spec);
    if (problem) throw new Error(`invalid featurizer spec: ${problem}`);
    const wv = spec.wordVectors;
    if (wv && !wordVectors) throw new Error(`invalid featurizer spec: needs the word vectors of ${wv.file}`);
    if (wordVectors && (!wv || wv.words !== wordVectors.words || wv.dim !== wordVectors.dim))
      throw new Error('invalid featurizer spec: wordVectors does not describe the table given');
    this.spec = spec;
    this.wordVectors = wordVectors;
    this.denseBase = spec.wordBuckets + spec.charBuckets;
    this.layout = options.wordVectorLayout ?? 'pooled';
    this.poolSum = new Float64Array(wordVectors?.dim ?? 0);
    this.rowColumn = new Int32Array(wordVectors?.words ?? 0).fill(-1);
    this.dimension = featureDimension(spec, this.layout);
    this.columnOf = new Int32Array(this.dimension).fill(-1);
    this.bucketCounts = new Int32Array(this.dimension);
    this.wordShift = 32 - Math.log2(spec.wordBuckets);
    this.charShift = 32 - Math.log2(spec.charBuckets);
    this.deobfuscate = spec.normalize === 'nfkc+lower+deobfuscate+digits0+ws';
  }

  /** Normalised text as a string (for tests, docs and near-duplicate detection). */
  normalizeText(text: string): string {
    const n = this.normalizeInto(text);
    return String.fromCharCode(...this.chars.subarray(1, n - 1));
  }

  /** Features of the whole text as a single window, whatever its length. */
  featurize(text: string): SparseFeatures {
    const nnz = this.countWhole(this.normalizeInto(text));
    return { indices: this.vocabulary.slice(0, nnz), values: this.values.subarray(0, nnz), length: nnz };
  }

  /** Features of each scoring window of the text (one window when it fits chunkChars). */
  featurizeWindows(text: string): WindowedFeatures {
    const n = this.normalizeInto(text);
    if (n - 2 <= this.spec.chunkChars) {
      const nnz = this.countWhole(n);
      this.offsets[1] = nnz;
      return {
        windows: 1,
        offsets: this.offsets.subarray(0, 2),
        columns: this.identity.subarray(0, nnz),
        values: this.values.subarray(0, nnz),
        vocabulary: this.vocabulary.subarray(0, nnz),
      };
    }
    const positions = this.hash(n);
    const { chunkChars, chunkOverlap } = this.spec;
    const windows = windowCount(positions, this.spec);
    const step = chunkChars - chunkOverlap;
    // Overlapping windows count a position once per window that holds it.
    this.reserve(windows, windows * chunkChars);
    const offsets = this.offsets;
    offsets[0] = 0;
    const wordOffsets = this.wordOffsets;
    wordOffsets[0] = 0;
    let firstWord = 0;
    let lastWord = 0;
    for (let w = 0; w < windows; w++) {
      const from = w * step;
      const to = Math.min(positions, from + chunkChars);
      while (firstWord < this.wordCount && this.wordPos[firstWord]! < from) firstWord++;
      while (lastWord < this.wordCount && this.wordPos[lastWord]! < to) lastWord++;
      if (this.wordVectors) wordOffsets[w + 1] = this.countWordEntries(firstWord, lastWord, wordOffsets[w]!);
      offsets[w + 1] = this.countWindow(from, to, firstWord, offsets[w]!, w, lastWord - firstWord);
    }
    return this.view(windows);
  }

  private view(windows: number): WindowedFeatures {
    const total = this.offsets[windows]!;
    return {
      windows,
      offsets: this.offsets.subarray(0, windows + 1),
      columns: this.columns.subarray(0, total),
      values: this.values.subarray(0, total),
      vocabulary: this.vocabulary.subarray(0, this.vocabularySize),
    };
  }

  /**
   * Counts the n-grams starting at positions [from, to) (words from index firstWord on), writes their
   * entries at `at` (then the word-vector entries of window w, which holds `words` words) and returns the
   * end offset; leaves the counts zeroed.
   */
  private countWindow(
    from: number,
    to: number,
    firstWord: number,
    at: number,
    w: number,
    words: number,
  ): number {
    const counts = this.counts;
    const columns = this.columns;
    const cols = this.charCols;
    const wordPos = this.wordPos;
    const wordUni = this.wordUni;
    const wordBi = this.wordBi;
    let nnz = at;
    for (let w = firstWord; w < this.wordCount && wordPos[w]! < to; w++) {
      const uni = wordUni[w]!;
      if (counts[uni]!++ === 0) columns[nnz++] = uni;
      const bi = wordBi[w]!;
      if (bi >= 0 && counts[bi]!++ === 0) columns[nnz++] = bi;
    }
    const end = 3 * to;
    for (let k = 3 * from; k < end; k++) {
      const col = cols[k]!;
      if (col >= 0 && counts[col]!++ === 0) columns[nnz++] = col;
    }
    // log1p counts, L2 per block (word columns come first); reset the counts for the next window.
    const values = this.values;
    const wordColumns = this.wordColumns;
    let sumWord = 0;
    let sumChar = 0;
    for (let j = at; j < nnz; j++) {
      const col = columns[j]!;
      const c = counts[col]!;
      const v = c < 256 ? LOG1P[c]! : Math.log1p(c);
      counts[col] = 0;
      values[j] = v;
      if (col < wordColumns) sumWord += v * v;
      else sumChar += v * v;
    }
    const invWord = sumWord > 0 ? 1 / Math.sqrt(sumWord) : 0;
    const invChar = sumChar > 0 ? 1 / Math.sqrt(sumChar) : 0;
    for (let j = at; j < nnz; j++) values[j] = values[j]! * (columns[j]! < wordColumns ? invWord : invChar);
    if (!this.wordVectors) return nnz;
    const first = this.wordOffsets[w]!;
    const last = this.wordOffsets[w + 1]!;
    if (this.layout === 'pooled') {
      if (!this.pool(first, last, nnz, words)) return nnz;
      for (let k = 0; k < this.wordVectors.dim; k++) columns[nnz + k] = this.denseColumn + k;
      return nnz + this.wordVectors.dim;
    }
    // Per word: the word's column in this text is denseColumn + its word-vocabulary column.
    this.weighWords(first, last, nnz, words);
    for (let j = first; j < last; j++)
      columns[nnz + j - first] = this.denseColumn + this.wordEntryColumns[j]!;
    return nnz + last - first;
  }

  /** Writes the per-word values of word entries [from, to) at values[at..]: count / words x norm. */
  private weighWords(from: number, to: number, at: number, words: number): void {
    const scale = this.spec.wordVectors!.norm / words;
    for (let j = from; j < to; j++) this.values[at + j - from] = this.wordEntryCounts[j]! * scale;
  }

  /** The column of a table row in the current text, numbering it on first sight; -1 for no row. */
  private wordColumnOf(row: number): number {
    if (row < 0) return -1;
    const col = this.rowColumn[row]!;
    if (col >= 0) return col;
    if (this.wordVocabularySize === this.wordVocabulary.length) {
      const grown = new Int32Array(this.wordVocabulary.length * 2);
      grown.set(this.wordVocabulary);
      this.wordVocabulary = grown;
      this.wordColumnCount = new Int32Array(grown.length);
    }
    this.rowColumn[row] = this.wordVocabularySize;
    this.wordVocabulary[this.wordVocabularySize] = row;
    return this.wordVocabularySize++;
  }

  /** Resets rowColumn once the text's words are numbered. */
  private forgetWordColumns(): void {
    for (let c = 0; c < this.wordVocabularySize; c++) this.rowColumn[this.wordVocabulary[c]!] = -1;
  }

  /**
   * Counts the words [from, to) that have a vector by column, writes one entry per distinct column at
   * `at` and returns the end offset.
   */
  private countWordEntries(from: number, to: number, at: number): number {
    if (this.wordEntryColumns.length < at + (to - from)) {
      const size = 2 * (at + (to - from));
      const columns = new Int32Array(size);
      columns.set(this.wordEntryColumns.subarray(0, at));
      const counts = new Float32Array(size);
      counts.set(this.wordEntryCounts.subarray(0, at));
      this.wordEntryColumns = columns;
      this.wordEntryCounts = counts;
    }
    const wordCol = this.wordCol;
    const count = this.wordColumnCount;
    const columns = this.wordEntryColumns;
    let end = at;
    for (let w = from; w < to; w++) {
      const col = wordCol[w]!;
      if (col >= 0 && count[col]!++ === 0) columns[end++] = col;
    }
    const counts = this.wordEntryCounts;
    for (let j = at; j < end; j++) {
      const col = columns[j]!;
      counts[j] = count[col]!;
      count[col] = 0;
    }
    return end;
  }

  /**
   * Pools the word vectors of word entries [from, to) into values[at..at + dim): their sum (repeats
   * counted) over the window's `words` words, times norm. Returns false, writing nothing, when the window
   * has no word with a vector.
   */
  private pool(from: number, to: number, at: number, words: number): boolean {
    if (from === to) return false;
    const table = this.wordVectors!;
    const dim = table.dim;
    const codes = table.codes;
    const scales = table.scales;
    const sum = this.poolSum;
    sum.fill(0);
    for (let j = from; j < to; j++) {
      const row = this.wordVocabulary[this.wordEntryColumns[j]!]!;
      const weight = this.wordEntryCounts[j]! * scales[row]!;
      const base = row * dim;
      for (let k = 0; k < dim; k++) sum[k] = sum[k]! + weight * codes[base + k]!;
    }
    const scale = this.spec.wordVectors!.norm / words;
    for (let k = 0; k < dim; k++) this.values[at + k] = sum[k]! * scale;
    return true;
  }

  /** The column of a bucket in the current text, numbering it on first sight. */
  private column(idx: number): number {
    const col = this.columnOf[idx]!;
    if (col >= 0) return col;
    this.columnOf[idx] = this.vocabularySize;
    this.vocabulary[this.vocabularySize] = idx;
    return this.vocabularySize++;
  }

  /**
   * Hashes the normalised text (of padded length n), fills charCols, the word tables and the vocabulary,
   * and returns the number of n-gram start positions (the normalised length). Position p is the padding
   * space or separator before char p.
   */
  private hash(n: number): number {
    const positions = Math.max(0, n - 2);
    this.vocabularySize = 0;
    this.wordVocabularySize = 0;
    this.reserveVocabulary(4 * positions + 8 + this.wordFeatures(positions));
    if (this.charCols.length < 3 * positions) this.charCols = new Int32Array(6 * positions);
    const buf = this.chars;
    // Word block first (as the feature order has always been): unigrams of word-char runs, and the
    // bigram each word starts with the next one.
    const wordShift = this.wordShift;
    let words = 0;
    let prev = 0;
    let i = 0;
    while (i < n) {
      while (i < n && !isWordChar(buf[i]!)) i++;
      if (i >= n) break;
      if (words === this.wordPos.length) this.growWords();
      this.wordPos[words] = i - 1;
      let h = FNV_OFFSET;
      while (i < n && isWordChar(buf[i]!)) {
        h = Math.imul(h ^ buf[i]!, FNV_PRIME);
        i++;
      }
      if (words > 0)
        this.wordBi[words - 1] = this.column(bucket(Math.imul(prev ^ 0x2545f491, FNV_PRIME) ^ h, wordShift));
      this.wordUni[words] = this.column(bucket(h, wordShift));
      this.wordBi[words] = -1;
      if (this.wordVectors) this.wordCol[words] = this.wordColumnOf(this.wordVectors.row(h));
      prev = h;
      words++;
    }
    this.wordCount = words;
    this.wordColumns = this.vocabularySize;
    this.forgetWordColumns();
    // Char block: 3-, 4- and 5-grams over the space-padded text, one FNV pass per start position.
    const cols = this.charCols;
    const charShift = this.charShift;
    const charBase = this.spec.wordBuckets;
    // As in countChars: all three n-grams start at every position but the last two.
    const full = Math.max(0, positions - 2);
    let c1 = buf[0]!;
    let c2 = buf[1]!;
    let c3 = buf[2]!;
    let c4 = buf[3]!;
    for (let s = 0; s < full; s++) {
      const c0 = c1;
      c1 = c2;
      c2 = c3;
      c3 = c4;
      c4 = buf[s + 4]!;
      let h = Math.imul(Math.imul(Math.imul(FNV_OFFSET ^ c0, FNV_PRIME) ^ c1, FNV_PRIME) ^ c2, FNV_PRIME);
      cols[3 * s] = this.column(charBase + bucket(h, charShift));
      h = Math.imul(h ^ c3, FNV_PRIME);
      cols[3 * s + 1] = this.column(charBase + bucket(h, charShift));
      h = Math.imul(h ^ c4, FNV_PRIME);
      cols[3 * s + 2] = this.column(charBase + bucket(h, charShift));
    }
    for (let s = full; s < positions; s++) {
      let h = Math.imul(Math.imul(FNV_OFFSET ^ buf[s]!, FNV_PRIME) ^ buf[s + 1]!, FNV_PRIME);
      h = Math.imul(h ^ buf[s + 2]!, FNV_PRIME);
      cols[3 * s] = this.column(charBase + bucket(h, charShift));
      if (s + 3 < n) {
        h = Math.imul(h ^ buf[s + 3]!, FNV_PRIME);
        cols[3 * s + 1] = this.column(charBase + bucket(h, charShift));
      } else cols[3 * s + 1] = -1;
      cols[3 * s + 2] = -1;
    }
    // The word-vector block's columns come last: one per dimension, or one per distinct word.
    this.denseColumn = this.vocabularySize;
    if (this.wordVectors && this.layout === 'pooled')
      for (let k = 0; k < this.wordVectors.dim; k++) this.column(this.denseBase + k);
    else
      for (let c = 0; c < this.wordVocabularySize; c++) this.column(this.denseBase + this.wordVocabulary[c]!);
    // The columns are numbered: forget them, so columnOf is all -1 for the next text.
    const columnOf = this.columnOf;
    const vocabulary = this.vocabulary;
    for (let c = 0; c < this.vocabularySize; c++) columnOf[vocabulary[c]!] = -1;
    return positions;
  }

  /**
   * Counts every n-gram of the normalised text (of padded length n) as one window, straight by bucket:
   * writes its distinct buckets to the vocabulary and their weights to values, in the order countWindow
   * would (first sight, word block first: the float sums must add up in the same order), and returns
   * their number.
   */
  private countWhole(n: number): number {
    const extra = this.wordFeatures(Math.max(0, n - 2));
    this.reserveVocabulary(4 * Math.max(0, n - 2) + 8 + extra);
    if (this.values.length < this.vocabulary.length) this.values = new Float32Array(this.vocabulary.length);
    const wordEntries = this.countWords(n);
    let nnz = this.countChars(n, wordEntries);
    if (this.identity.length < nnz + extra) this.identity = Int32Array.from(this.vocabulary, (_, j) => j);
    this.weigh(0, wordEntries);
    this.weigh(wordEntries, nnz);
    if (!this.wordVectors) return nnz;
    const found = this.countWordEntries(0, this.wordCount, 0);
    if (this.layout === 'per-word') {
      this.weighWords(0, found, nnz, this.wordCount);
      for (let j = 0; j < found; j++)
        this.vocabulary[nnz + j] = this.denseBase + this.wordVocabulary[this.wordEntryColumns[j]!]!;
      return nnz + found;
    }
    if (this.pool(0, found, nnz, this.wordCount)) {
      for (let k = 0; k < this.wordVectors.dim; k++) this.vocabulary[nnz + k] = this.denseBase + k;
      nnz += this.wordVectors.dim;
    }
    return nnz;
  }

  /**
   * Counts the word 1- and 2-grams of the normalised text by bucket, appending first sights to the
   * vocabulary from entry 0; returns the end entry.
   */
  private countWords(n: number): number {
    const buf = this.chars;
    const counts = this.bucketCounts;
    const vocabulary = this.vocabulary;
    const wordShift = this.wordShift;
    const wordVectors = this.wordVectors;
    this.wordVocabularySize = 0;
    let words = 0;
    let nnz = 0;
    let prev = 0;
    let i = 0;
    // buf[n - 1] is the padding space, so a word ends before n.
    while (i < n) {
      while (i < n && !isWordChar(buf[i]!)) i++;
      if (i >= n) break;
      let h = FNV_OFFSET;
      for (let c = buf[i]!; isWordChar(c); c = buf[++i]!) h = Math.imul(h ^ c, FNV_PRIME);
      // The bigram of the previous word and this one comes before this word's unigram (as in hash()).
      if (nnz > 0) {
        const bi = bucket(Math.imul(prev ^ 0x2545f491, FNV_PRIME) ^ h, wordShift);
        if (counts[bi]!++ === 0) vocabulary[nnz++] = bi;
      }
      const uni = bucket(h, wordShift);
      if (counts[uni]!++ === 0) vocabulary[nnz++] = uni;
      prev = h;
      if (wordVectors) {
        if (words === this.wordCol.length) this.growWords();
        this.wordCol[words++] = this.wordColumnOf(wordVectors.row(h));
      }
    }
    this.wordCount = words;
    this.forgetWordColumns();
    return nnz;
  }

  /**
   * Counts the char 3-, 4- and 5-grams of the normalised text by bucket, appending first sights to the
   * vocabulary from entry `at`; returns the end entry.
   */
  private countChars(n: number, at: number): number {
    const positions = Math.max(0, n - 2);
    const buf = this.chars;
    const counts = this.bucketCounts;
    const vocabulary = this.vocabulary;
    const charShift = this.charShift;
    const charBase = this.spec.wordBuckets;
    let nnz = at;
    // Every position but the last two starts all three n-grams; the chars slide through locals.
    const full = Math.max(0, positions - 2);
    let c1 = buf[0]!;
    let c2 = buf[1]!;
    let c3 = buf[2]!;
    let c4 = buf[3]!;
    for (let s = 0; s < full; s++) {
      const c0 = c1;
      c1 = c2;
      c2 = c3;
      c3 = c4;
      c4 = buf[s + 4]!;
      let h = Math.imul(Math.imul(Math.imul(FNV_OFFSET ^ c0, FNV_PRIME) ^ c1, FNV_PRIME) ^ c2, FNV_PRIME);
      let b = charBase + bucket(h, charShift);
      if (counts[b]!++ === 0) vocabulary[nnz++] = b;
      h = Math.imul(h ^ c3, FNV_PRIME);
      b = charBase + bucket(h, charShift);
      if (counts[b]!++ === 0) vocabulary[nnz++] = b;
      h = Math.imul(h ^ c4, FNV_PRIME);
      b = charBase + bucket(h, charShift);
      if (counts[b]!++ === 0) vocabulary[nnz++] = b;
    }
    for (let s = full; s < positions; s++) {
      let h = Math.imul(Math.imul(FNV_OFFSET ^ buf[s]!, FNV_PRIME) ^ buf[s + 1]!, FNV_PRIME);
      h = Math.imul(h ^ buf[s + 2]!, FNV_PRIME);
      let b = charBase + bucket(h, charShift);
      if (counts[b]!++ === 0) vocabulary[nnz++] = b;
      if (s + 3 < n) {
        h = Math.imul(h ^ buf[s + 3]!, FNV_PRIME);
        b = charBase + bucket(h, charShift);
        if (counts[b]!++ === 0) vocabulary[nnz++] = b;
      }
    }
    return nnz;
  }

  /**
   * Weighs the vocabulary entries [from, to) of one block by their bucket counts: log1p, then L2 over the
   * block (summed in entry order, as countWindow does); resets their counts for the next text.
   */
  private weigh(from: number, to: number): void {
    const vocabulary = this.vocabulary;
    const counts = this.bucketCounts;
    const values = this.values;
    const log1p = LOG1P;
    let sum = 0;
    for (let j = from; j < to; j++) {
      const b = vocabulary[j]!;
      const c = counts[b]!;
      const v = c < 256 ? log1p[c]! : Math.log1p(c);
      counts[b] = 0;
      values[j] = v;
      sum += v * v;
    }
    const inv = sum > 0 ? 1 / Math.sqrt(sum) : 0;
    for (let j = from; j < to; j++) values[j] = values[j]! * inv;
  }

  /** At most this many word-vector features in a window of `positions` start positions. */
  private wordFeatures(positions: number): number {
    if (!this.wordVectors) return 0;
    return this.layout === 'pooled' ? this.wordVectors.dim : positions;
  }

  /** Makes room for up to `ngrams` distinct buckets in the vocabulary (and the column counts). */
  private reserveVocabulary(ngrams: number): void {
    const distinct = Math.min(ngrams, this.dimension);
    if (this.vocabulary.length < distinct) {
      let size = this.vocabulary.length;
      while (size < distinct) size *= 2;
      this.vocabulary = new Int32Array(size);
      this.counts = new Int32Array(size);
    }
  }

  private growWords(): void {
    const size = this.wordPos.length * 2;
    for (const key of ['wordPos', 'wordUni', 'wordBi', 'wordCol'] as const) {
      const next = new Int32Array(size);
      next.set(this[key]);
      this[key] = next;
    }
  }

  /** Sizes the entry buffers for `windows` windows of `positions` start positions added up. */
  private reserve(windows: number, positions: number): void {
    if (this.offsets.length < windows + 1) {
      this.offsets = new Int32Array(2 * windows + 2);
      this.wordOffsets = new Int32Array(2 * windows + 2);
    }
    // At most 3 char n-grams per position plus 2 word n-grams per word (a word spans 2 positions at least),
    // and per window its word-vector features (at most one per position of the window).
    const entries = 4 * positions + 2 * windows + 8 + this.wordFeatures(this.spec.chunkChars) * windows;
    if (this.columns.length < entries) {
      this.columns = new Int32Array(2 * entries);
      this.values = new Float32Array(2 * entries);
    }
  }

  /** Writes " " + normalised text + " " into this.chars and returns its length. */
  private normalizeInto(text: string): number {
    if (this.chars.length < text.length + 2) this.chars = new Uint16Array(text.length * 2 + 2);
    let t: string;
    if (this.copyAscii(text)) {
      const n = this.foldAscii(text.length);
      if (!(this.deobfuscate && this.suspect)) return n;
      // Rare: a word like "h4ck3r" or "python3"; deobfuscate returns its input itself if none folds.
      const lower = text.toLowerCase();
      t = deobfuscate(lower);
      if (t === lower) return n;
    } else {
      // Only non-ASCII text can change under NFKC or need more than ASCII lower-casing.
      const lower = text.normalize('NFKC').toLowerCase();
      t = this.deobfuscate ? deobfuscate(lower) : lower;
    }
    if (this.chars.length < t.length + 2) this.chars = new Uint16Array(t.length * 2 + 2);
    return this.foldInto(t);
  }

  /**
   * Copies the text into this.bytes and tells whether it is all ASCII (then its UTF-8 bytes are its char
   * codes). One native copy beats charCodeAt per char several times over.
   */
  private copyAscii(text: string): boolean {
    if (this.bytes.length < text.length) this.bytes = new Uint8Array(text.length * 2);
    const { read, written } = ASCII_ENCODER.encodeInto(text, this.bytes);
    return read === text.length && written === text.length;
  }

  /**
   * Folds the ASCII text of `length` bytes in this.bytes into this.chars (see foldInto), and sets
   * this.suspect when a word has three letters and a letter beside a digit or leet symbol (ASCII_CLASS):
   * the only ASCII words deobfuscate may change (deobfuscate's scan applies the same rule). One pass, so
   * plain prose pays a few table reads per byte instead of a second scan.
   */
  private foldAscii(length: number): number {
    const bytes = this.bytes;
    const buf = this.chars;
    const fold = ASCII_FOLD;
    buf[0] = 32;
    let n = 1;
    let prev = 32;
    let kind = 3;
    let letters = 0;
    let adjacent = false;
    let suspect = false;
    for (let i = 0; i < length; i++) {
      const b = bytes[i]!;
      const k = ASCII_CLASS[b]!;
      if (k === 3) {
        if (adjacent && letters >= 3) suspect = true;
        letters = 0;
        adjacent = false;
      } else {
        if (k === 1) letters++;
        if ((k === 1 && kind === 2) || (k === 2 && kind === 1)) adjacent = true;
      }
      kind = k;
      const c = fold[b]!;
      if (c === 32 && prev === 32) continue;
      buf[n++] = c;
      prev = c;
    }
    if (prev !== 32) buf[n++] = 32;
    this.suspect = suspect || (adjacent && letters >= 3);
    return n;
  }

  /** Folds digits and whitespace (ASCII upper case too) of the NFKC-normalised, lower-cased text into this.chars. */
  private foldInto(t: string): number {
    const buf = this.chars;
    buf[0] = 32;
    let n = 1;
    let prev = 32;
    for (let i = 0; i < t.length; i++) {
      let c = t.charCodeAt(i);
      if (c < 128) c = ASCII_FOLD[c]!;
      else if (isSpace(c)) c = 32;
      if (c === 32 && prev === 32) continue;
      buf[n++] = c;
      prev = c;
    }
    if (prev !== 32) buf[n++] = 32;
    return n;
  }
}
