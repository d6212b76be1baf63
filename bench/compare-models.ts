// Compares the warm per-call cost of two model versions, paired: the runners take turns in 40 rounds of
// 200 calls on the same texts, so a busy moment on the box hits both alike. Prints the median per-call
// time of each for 100 B and 1 KB of prose (64 different texts in turn) and for the repetitive 1 KB text
// of earlier runs.
// Run: node --import tsx bench/compare-models.ts [--models DIR] VERSION_A VERSION_B
import { parseArgs } from 'node:util';
import { DEFAULT_MODEL } from '../src/scoring/artifact.js';
import { ModelRunner } from '../src/scoring/runner.js';
import { proseCorpus, repetitive, slices } from './lib/prose.js';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    models: { type: 'string', default: 'models' },
    name: { type: 'string', default: DEFAULT_MODEL },
  },
});
if (positionals.length !== 2) throw new Error('usage: compare-models.ts [--models DIR] VERSION_A VERSION_B');

const corpus = proseCorpus();
const TEXTS: Array<[string, string[]]> = [
  ['100 B prose', slices(corpus, 100, 64)],
  ['1 KB prose', slices(corpus, 1024, 64)],
  ['1 KB repetitive', [repetitive(1024, 0)]],
];
const ROUNDS = 40;
const CALLS = 200;

const runners = await Promise.all(positionals.map((v) => ModelRunner.load(values.models, values.name, v)));
for (const [label, texts] of TEXTS) {
  const perCall: number[][] = runners.map(() => []);
  for (const runner of runners) for (let i = 0; i < 2000; i++) runner.score([texts[i % texts.length]!]);
  for (let round = 0; round < ROUNDS; round++) {
    runners.forEach((runner, k) => {
      const t0 = process.hrtime.bigint();
      for (let i = 0; i < CALLS; i++) runner.score([texts[i % texts.length]!]);
      perCall[k]!.push(Number(process.hrtime.bigint() - t0) / CALLS / 1000);
    });
  }
  const median = (xs: number[]) => xs.sort((a, b) => a - b)[xs.length >> 1]!.toFixed(1);
  console.log(`${label}: ${positionals.map((v, k) => `${v} ${median(perCall[k]!)} µs`).join(', ')}`);
}
await Promise.all(runners.map((r) => r.release()));
