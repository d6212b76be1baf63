import assert from 'node:assert/strict';
import { test } from 'node:test';
import { type Scored, TAIL_SHARE, thresholdForFpr, thresholdForFprTail } from '../../src/scoring/metrics.js';

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));
const logit = (p: number) => Math.log(p / (1 - p));

/**
 * n negatives whose logits sit at the quantiles of -2 + Exp(1): an exponential tail, so the logit above
 * which a share p of them lie is -2 + ln(1 / p).
 */
function exponentialNegatives(n: number): Scored[] {
  return Array.from({ length: n }, (_, i) => ({
    score: sigmoid(-2 - Math.log(1 - (i + 0.5) / n)),
    label: 0 as const,
    source: 'benign',
  }));
}

const attacks = (n: number): Scored[] =>
  Array.from({ length: n }, (_, i) => ({ score: 0.5 + i / (2 * n), label: 1 as const, source: 'attack' }));

test('thresholdForFpr leaves at most the target share of negatives at or above it', () => {
  const rows = [...exponentialNegatives(1000), ...attacks(50)];
  for (const fpr of [0.01, 0.05, 0.2]) {
    const t = thresholdForFpr(rows, fpr);
    const flagged = rows.filter((r) => r.label === 0 && r.score >= t).length;
    assert.ok(flagged <= fpr * 1000, `${flagged} negatives at or above ${t} for ${fpr}`);
    assert.ok(flagged >= fpr * 1000 - 1, `the threshold for ${fpr} is not the lowest one`);
  }
});

test('the tail fit reads a rate smaller than one row off an exponential tail', () => {
  const rows = [...exponentialNegatives(1200), ...attacks(300)];
  for (const fpr of [0.001, 0.0005]) {
    const want = -2 + Math.log(1 / fpr);
    const got = logit(thresholdForFprTail(rows, fpr));
    assert.ok(Math.abs(got - want) < 0.1, `logit ${got} for ${fpr}, expected ${want}`);
  }
});

test('the tail fit barely moves when the odd top rows change, the single-row quantile does', () => {
  const base = exponentialNegatives(1200);
  // Two builds that differ only in which odd benign rows score highest (sorted ascending: 1199 is the top).
  const top = (first: number, second: number) =>
    base.map((r, i) => (i === 1199 ? { ...r, score: first } : i === 1198 ? { ...r, score: second } : r));
  const a = top(0.999, 0.998);
  const b = top(0.9985, 0.9915);
  const empirical = Math.abs(logit(thresholdForFpr(a, 0.001)) - logit(thresholdForFpr(b, 0.001)));
  const tail = Math.abs(logit(thresholdForFprTail(a, 0.001)) - logit(thresholdForFprTail(b, 0.001)));
  assert.ok(empirical > 1, `the single-row quantile moved ${empirical} in logit`);
  assert.ok(tail < 0.2, `the tail fit moved ${tail} in logit`);
});

test('the tail fit falls back to the empirical quantile where that is readable', () => {
  const rows = exponentialNegatives(1200);
  assert.equal(thresholdForFprTail(rows, TAIL_SHARE), thresholdForFpr(rows, TAIL_SHARE));
  assert.equal(thresholdForFprTail(rows, 0.1), thresholdForFpr(rows, 0.1));
  // 300 negatives have 15 in their top 5%: too few to fit.
  const few = exponentialNegatives(300);
  assert.equal(thresholdForFprTail(few, 0.001), thresholdForFpr(few, 0.001));
});

test('the tail fit ignores positives and stays a probability when negatives score 0 or 1', () => {
  const rows = [
    ...exponentialNegatives(1000),
    { score: 1, label: 0 as const, source: 'benign' },
    { score: 0, label: 0 as const, source: 'benign' },
  ];
  const t = thresholdForFprTail(rows, 0.001);
  assert.ok(t > 0 && t < 1, `threshold ${t}`);
  assert.equal(thresholdForFprTail([...rows, ...attacks(500)], 0.001), t);
});
