/**
 * Prepares the unseen-source check (docs/model.md, "Unseen sources"): labelled prompts from public sets the
 * model was never trained on, evaluation only, never committed (their licences vary).
 *
 * 1. Drops every row that is in the training data or near it: the same text after NFKC, lower-casing and
 *    whitespace collapsing, or word 5-shingles with Jaccard >= 0.8 against a training row.
 * 2. Splits the sources named with --split into a development half (rows that may be read to plan data)
 *    and a test half (never read), by the parity of the first byte of each text's sha256: stable, and
 *    blind to the content.
 *
 *   node --import tsx training/prepare-unseen-check.ts --out DIR --split deepset --split neuralchemy \
 *     FILE.jsonl...
 * writes DIR/<file>.jsonl (rows kept), and for split files DIR/<file>.dev.jsonl and DIR/<file>.test.jsonl.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parseArgs } from 'node:util';
import { type Row, readDataFile } from '../src/scoring/train/dataset.js';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    out: { type: 'string' },
    split: { type: 'string', multiple: true, default: [] },
    train: {
      type: 'string',
      multiple: true,
      default: ['../shared/data/prompt-injection/train.jsonl', 'training/extra.jsonl'],
    },
  },
});
if (!values.out || positionals.length === 0) {
  process.stderr.write('usage: prepare-unseen-check.ts --out DIR [--split NAME]... FILE.jsonl...\n');
  process.exit(2);
}

const NEAR = 0.8;
const norm = (t: string): string => t.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();

function shingles(text: string): Set<string> {
  const w = norm(text).split(' ');
  const out = new Set<string>();
  for (let i = 0; i < Math.max(1, w.length - 4); i++) out.add(w.slice(i, i + 5).join(' '));
  return out;
}

const training = values.train.flatMap((f) => readDataFile(f).rows.map((r) => r.text));
const exact = new Set(training.map(norm));
const trainShingles = training.map(shingles);
/** Shingle -> training rows holding it; shingles in 200+ rows (boilerplate) are not used as evidence. */
const holders = new Map<string, number[]>();
trainShingles.forEach((s, i) => {
  for (const g of s) {
    const list = holders.get(g);
    if (list) list.push(i);
    else holders.set(g, [i]);
  }
});

function nearTraining(text: string): boolean {
  const s = shingles(text);
  const shared = new Map<number, number>();
  for (const g of s) {
    const list = holders.get(g);
    if (!list || list.length >= 200) continue;
    for (const i of list) shared.set(i, (shared.get(i) ?? 0) + 1);
  }
  for (const [i, n] of shared) if (n / (s.size + trainShingles[i]!.size - n) >= NEAR) return true;
  return false;
}

/** Writes the rows as JSON Lines and returns the sha256 of what it wrote. */
function write(file: string, rows: readonly Row[]): string {
  const body = rows
    .map((r) => `${JSON.stringify({ text: r.text, label: r.label, source: r.source })}\n`)
    .join('');
  writeFileSync(file, body);
  return createHash('sha256').update(body).digest('hex');
}

/** 0 (development) or 1 (test): the parity of the first byte of the text's sha256. */
const half = (r: Row): number => createHash('sha256').update(r.text).digest()[0]! % 2;

mkdirSync(values.out, { recursive: true });
const digests: string[] = [];
for (const file of positionals) {
  const { rows } = readDataFile(file);
  const kept = rows.filter((r) => !exact.has(norm(r.text)) && !nearTraining(r.text));
  const name = basename(file, '.jsonl');
  digests.push(`${name}.jsonl sha256 ${write(join(values.out, `${name}.jsonl`), kept)}`);
  let line = `${name}: ${rows.length} rows, ${rows.length - kept.length} in or near training, ${kept.length} kept`;
  if (values.split.some((s) => name.includes(s))) {
    const halves = kept.map(half);
    const dev = kept.filter((_, i) => halves[i] === 0);
    const test = kept.filter((_, i) => halves[i] === 1);
    write(join(values.out, `${name}.dev.jsonl`), dev);
    write(join(values.out, `${name}.test.jsonl`), test);
    line += ` (dev ${dev.length}, test ${test.length})`;
  }
  process.stdout.write(`${line}\n`);
}
// The files' digests, to compare a rebuild with the one docs/model.md reports.
for (const line of digests) process.stdout.write(`${line}\n`);
