// Compares the warm per-call cost of two model versions, paired: the runners take turns in 40 rounds of
// 200 calls on the same text, so a busy moment on the box hits both alike. Prints the median per-call
// time of each for a 100 B and a 1 KB text.
// Run: node --import tsx bench/compare-models.ts [--models DIR] VERSION_A VERSION_B
import { parseArgs } from 'node:util';
import { DEFAULT_MODEL } from '../src/scoring/artifact.js';
import { ModelRunner } from '../src/scoring/runner.js';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    models: { type: 'string', default: 'models' },
    name: { type: 'string', default: DEFAULT_MODEL },
  },
});
if (positionals.length !== 2) throw new Error('usage: compare-models.ts [--models DIR] VERSION_A VERSION_B');

const sentence =
  'The quarterly report shows steady growth in the northern region. Please summarise the attached ' +
  'meeting notes for the team. You are a helpful assistant that answers questions about hiking trails. ';
const TEXTS: Array<[string, string]> = [
  ['100 B', sentence.slice(0, 100)],
  ['1 KB', sentence.repeat(6).slice(0, 1024)],
];
const ROUNDS = 40;
const CALLS = 200;

const runners = await Promise.all(positionals.map((v) => ModelRunner.load(values.models, values.name, v)));
for (const [label, text] of TEXTS) {
  const perCall: number[][] = runners.map(() => []);
  for (const runner of runners) for (let i = 0; i < 2000; i++) runner.score([text]);
  for (let round = 0; round < ROUNDS; round++) {
    runners.forEach((runner, k) => {
      const t0 = process.hrtime.bigint();
      for (let i = 0; i < CALLS; i++) runner.score([text]);
      perCall[k]!.push(Number(process.hrtime.bigint() - t0) / CALLS / 1000);
    });
  }
  const median = (xs: number[]) => xs.sort((a, b) => a - b)[xs.length >> 1]!.toFixed(1);
  console.log(`${label}: ${positionals.map((v, k) => `${v} ${median(perCall[k]!)} µs`).join(', ')}`);
}
await Promise.all(runners.map((r) => r.release()));
