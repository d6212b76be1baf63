/**
 * Pretrained word vectors for the featurizer's third block: the mean of a window's in-vocabulary
 * words. Hashed n-grams only know the phrasings seen in training; word vectors place an unseen word
 * ("disregard", "overlook") near the seen ones ("ignore"), which is where the n-gram model loses
 * recall on attack families it never saw.
 *
 * File format (word-vectors.bin, little-endian), pinned by sha256 in model.json:
 *   "AWV1" | u32 words | u32 dim | u32 n | source (n bytes UTF-8) | i32 hash[words] | f32 scale[words] |
 *   i8 vector[words][dim]
 * A word is keyed by the featurizer's 32-bit FNV-1a hash of its normalised form (no strings at run
 * time); row r is vector[r] * scale[r], a unit vector quantised to int8.
 */

export const WORD_VECTORS_FILE = 'word-vectors.bin';
const MAGIC = 0x31565741; // "AWV1"
const HEADER_BYTES = 16;
const MAX_SOURCE_BYTES = 4096;
const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
const GOLDEN = 0x9e3779b1;

export interface WordVectors {
  /** Where the vectors come from (package, corpus, licence), as the build script wrote it. */
  readonly source: string;
  readonly words: number;
  readonly dim: number;
  /**
   * Row r is codes[r * dim .. (r + 1) * dim) * scales[r], a unit vector, kept as int8 (5 MB for 50k
   * words, not 20 MB as floats). Training pools these rows; serving only looks words up (the model
   * file holds each word's row already multiplied into the embedding).
   */
  readonly codes: Int8Array;
  readonly scales: Float32Array;
  /** Row of the word with this hash, or -1. */
  row(hash: number): number;
  /** Writes row r's vector (codes times scale) into out. */
  vector(row: number, out: Float64Array): void;
}

/** The featurizer's word hash: FNV-1a over the UTF-16 code units of the normalised word. */
export function wordHash(word: string): number {
  let h = FNV_OFFSET;
  for (let i = 0; i < word.length; i++) h = Math.imul(h ^ word.charCodeAt(i), FNV_PRIME);
  return h;
}

class HashedWordVectors implements WordVectors {
  readonly source: string;
  readonly words: number;
  readonly dim: number;
  readonly codes: Int8Array;
  readonly scales: Float32Array;
  /** Open addressing, linear probing: slot -> row + 1 (0 = empty), keyed by the word hash. */
  private readonly slots: Int32Array;
  private readonly keys: Int32Array;
  private readonly shift: number;
  private readonly mask: number;

  constructor(source: string, hashes: Int32Array, codes: Int8Array, scales: Float32Array, dim: number) {
    this.source = source;
    this.words = hashes.length;
    this.dim = dim;
    this.codes = codes;
    this.scales = scales;
    const bits = Math.max(4, Math.ceil(Math.log2(hashes.length * 2 + 1)));
    this.slots = new Int32Array(1 << bits);
    this.keys = new Int32Array(1 << bits);
    this.shift = 32 - bits;
    this.mask = (1 << bits) - 1;
    for (let r = 0; r < hashes.length; r++) {
      const h = hashes[r]!;
      let s = Math.imul(h, GOLDEN) >>> this.shift;
      while (this.slots[s] !== 0) {
        if (this.keys[s] === h)
          throw new Error(`word hash ${h} appears twice (rows ${this.slots[s]! - 1}, ${r})`);
        s = (s + 1) & this.mask;
      }
      this.slots[s] = r + 1;
      this.keys[s] = h;
    }
  }

  vector(row: number, out: Float64Array): void {
    const scale = this.scales[row]!;
    const base = row * this.dim;
    for (let k = 0; k < this.dim; k++) out[k] = this.codes[base + k]! * scale;
  }

  row(hash: number): number {
    const slots = this.slots;
    let s = Math.imul(hash, GOLDEN) >>> this.shift;
    for (let r = slots[s]!; r !== 0; r = slots[s]!) {
      if (this.keys[s] === hash) return r - 1;
      s = (s + 1) & this.mask;
    }
    return -1;
  }
}

/** Parses word-vectors.bin; throws an Error saying what is wrong with the bytes. */
export function decodeWordVectors(bytes: Uint8Array): WordVectors {
  if (bytes.byteLength < HEADER_BYTES) throw new Error('shorter than its header');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (view.getUint32(0, true) !== MAGIC) throw new Error('not a word-vectors file (magic is not AWV1)');
  const words = view.getUint32(4, true);
  const dim = view.getUint32(8, true);
  const sourceBytes = view.getUint32(12, true);
  if (words < 1 || words > 1 << 22 || dim < 1 || dim > 1024 || sourceBytes > MAX_SOURCE_BYTES)
    throw new Error(`bad header: ${words} words x ${dim}, ${sourceBytes}-byte source`);
  const hashesAt = HEADER_BYTES + sourceBytes;
  const expected = hashesAt + words * 8 + words * dim;
  if (bytes.byteLength !== expected)
    throw new Error(`${bytes.byteLength} bytes, but its header (${words} x ${dim}) needs ${expected}`);
  let source: string;
  try {
    source = new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(HEADER_BYTES, hashesAt));
  } catch {
    throw new Error('source description is not UTF-8');
  }
  const hashes = new Int32Array(words);
  const scales = new Float32Array(words);
  const scalesAt = hashesAt + words * 4;
  const codesAt = scalesAt + words * 4;
  for (let r = 0; r < words; r++) {
    hashes[r] = view.getInt32(hashesAt + r * 4, true);
    const scale = view.getFloat32(scalesAt + r * 4, true);
    if (!Number.isFinite(scale) || scale < 0) throw new Error(`row ${r} has scale ${scale}`);
    scales[r] = scale;
  }
  // A copy: the bytes may be a view into a larger (pooled) buffer.
  const codes = new Int8Array(words * dim);
  codes.set(new Int8Array(bytes.buffer, bytes.byteOffset + codesAt, words * dim));
  return new HashedWordVectors(source, hashes, codes, scales, dim);
}

/**
 * Writes word-vectors.bin from word hashes and float vectors ([words, dim] row-major); each row is
 * scaled to unit length, then quantised to int8 with its own scale.
 */
export function encodeWordVectors(
  source: string,
  hashes: readonly number[],
  vectors: Float32Array,
  dim: number,
): Uint8Array {
  const words = hashes.length;
  if (vectors.length !== words * dim)
    throw new Error(`vectors hold ${vectors.length} values, not ${words} x ${dim}`);
  const sourceBytes = new TextEncoder().encode(source);
  if (sourceBytes.byteLength > MAX_SOURCE_BYTES) throw new Error('source description is too long');
  const hashesAt = HEADER_BYTES + sourceBytes.byteLength;
  const bytes = new Uint8Array(hashesAt + words * 8 + words * dim);
  const view = new DataView(bytes.buffer);
  view.setUint32(0, MAGIC, true);
  view.setUint32(4, words, true);
  view.setUint32(8, dim, true);
  view.setUint32(12, sourceBytes.byteLength, true);
  bytes.set(sourceBytes, HEADER_BYTES);
  const scalesAt = hashesAt + words * 4;
  const codesAt = scalesAt + words * 4;
  for (let r = 0; r < words; r++) {
    view.setInt32(hashesAt + r * 4, hashes[r]!, true);
    const row = vectors.subarray(r * dim, (r + 1) * dim);
    let norm = 0;
    for (const x of row) norm += x * x;
    norm = Math.sqrt(norm) || 1;
    let maxAbs = 0;
    for (const x of row) maxAbs = Math.max(maxAbs, Math.abs(x / norm));
    const scale = maxAbs / 127;
    view.setFloat32(scalesAt + r * 4, scale, true);
    for (let k = 0; k < dim; k++) {
      view.setInt8(codesAt + r * dim + k, scale > 0 ? Math.round(row[k]! / norm / scale) : 0);
    }
  }
  return bytes;
}
