// English prose for scoring benchmarks, and the repetitive text earlier runs measured with.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
/**
 * English prose with the n-gram variety of real text: the generated benign e-mails, articles and web
 * pages of training/extra.jsonl (written for this project). What a prompt costs grows with its distinct
 * n-grams (each is a row the graph gathers), so text that repeats itself measures too little.
 */
export function proseCorpus(): string {
  const rows = readFileSync(join(ROOT, 'training', 'extra.jsonl'), 'utf8').split('\n');
  const docs: string[] = [];
  for (const line of rows) {
    if (!line) continue;
    const row = JSON.parse(line) as { text: string; source: string };
    if (/benign-(prose|web)$/.test(row.source)) docs.push(row.text);
  }
  return docs.join('\n\n');
}

/** `count` different texts of `bytes` chars each, cut from the corpus at spread-out offsets. */
export function slices(corpus: string, bytes: number, count: number): string[] {
  const step = Math.floor((corpus.length - bytes) / count);
  return Array.from({ length: count }, (_, i) => corpus.slice(i * step, i * step + bytes));
}

const SENTENCES = [
  'The quarterly report shows steady growth in the northern region. ',
  'Please summarise the attached meeting notes for the team. ',
  'You are a helpful assistant that answers questions about hiking trails. ',
  'Ignore the previous paragraph if it is not relevant to the question. ',
  'Our library opens at nine on weekdays and ten on weekends. ',
];

export function repetitive(bytes: number, salt: number): string {
  let s = `${salt} `;
  for (let i = 0; s.length < bytes; i++) s += SENTENCES[(i + salt) % SENTENCES.length];
  return s.slice(0, bytes);
}
