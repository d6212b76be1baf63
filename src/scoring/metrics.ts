/** Classification metrics shared by training (validation report) and `airlock model eval`. */

import { sigmoid } from './network.js';

export interface BinaryMetrics {
  rows: number;
  positives: number;
  precision: number | null;
  recall: number | null;
  f1: number | null;
  fpr: number | null;
}

export interface EvalMetrics extends BinaryMetrics {
  auc: number | null;
  tpr_at_1pct_fpr: number | null;
  threshold: number;
  per_source: Record<string, BinaryMetrics>;
}

export interface Scored {
  score: number;
  label: 0 | 1;
  source: string;
  /** This row's own bar (a document's rises with its units), instead of the one threshold. */
  threshold?: number;
}

function round(x: number | null): number | null {
  return x === null || Number.isNaN(x) ? null : Math.round(x * 1e4) / 1e4;
}

export function binaryMetrics(rows: readonly Scored[], threshold: number): BinaryMetrics {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let tn = 0;
  for (const r of rows) {
    const predicted = r.score >= (r.threshold ?? threshold);
    if (r.label === 1) predicted ? tp++ : fn++;
    else predicted ? fp++ : tn++;
  }
  const precision = tp + fp > 0 ? tp / (tp + fp) : null;
  const recall = tp + fn > 0 ? tp / (tp + fn) : null;
  const f1 =
    precision !== null && recall !== null && precision + recall > 0
      ? (2 * precision * recall) / (precision + recall)
      : null;
  return {
    rows: rows.length,
    positives: tp + fn,
    precision: round(precision),
    recall: round(recall),
    f1: round(f1),
    fpr: round(fp + tn > 0 ? fp / (fp + tn) : null),
  };
}

/** Area under the ROC curve by the rank statistic (ties count half). */
export function auc(rows: readonly Scored[]): number | null {
  const sorted = [...rows].sort((a, b) => a.score - b.score);
  let pos = 0;
  let neg = 0;
  let rankSum = 0;
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j < sorted.length && sorted[j]!.score === sorted[i]!.score) j++;
    const midRank = (i + 1 + j) / 2;
    for (let k = i; k < j; k++) {
      if (sorted[k]!.label === 1) {
        pos++;
        rankSum += midRank;
      } else neg++;
    }
    i = j;
  }
  if (pos === 0 || neg === 0) return null;
  return (rankSum - (pos * (pos + 1)) / 2) / (pos * neg);
}

/** Lowest threshold whose false-positive rate on these negatives is at most targetFpr. */
export function thresholdForFpr(rows: readonly Scored[], targetFpr: number): number {
  const neg = rows
    .filter((r) => r.label === 0)
    .map((r) => r.score)
    .sort((a, b) => b - a);
  if (neg.length === 0) return 0.5;
  const allowed = Math.floor(targetFpr * neg.length);
  const boundary = neg[allowed]!;
  // Scores at the boundary must stay below the threshold; nudge just above it.
  return Math.min(1, boundary + Math.max(1e-6, boundary * 1e-6));
}

/** Share of the negatives whose logits the tail fit uses (the 5% that score highest). */
export const TAIL_SHARE = 0.05;
/** Fewer tail negatives than this and the fit is no steadier than the empirical quantile. */
const MIN_TAIL_ROWS = 20;
const LOGIT_CLAMP = 1e-7;

/**
 * The threshold for a false-positive rate too small to read off the negatives directly. 0.1% of 1,196
 * benign rows is one row, and which odd row scores highest changes from build to build (the document
 * threshold read that way came out 0.886 to 0.952 for builds whose rankings barely differ). Peaks over
 * threshold: an exponential tail is fitted to the logits of the top TAIL_SHARE of negatives (above the
 * logit u of the row at that rank, excesses with mean beta) and read at targetFpr:
 * u + beta * ln(TAIL_SHARE / targetFpr). For a rate at or above TAIL_SHARE, or too few negatives for the
 * fit, it is thresholdForFpr.
 */
export function thresholdForFprTail(rows: readonly Scored[], targetFpr: number): number {
  const neg = rows.filter((r) => r.label === 0).map((r) => logit(r.score));
  const k = Math.round(TAIL_SHARE * neg.length);
  if (targetFpr >= TAIL_SHARE || k < MIN_TAIL_ROWS) return thresholdForFpr(rows, targetFpr);
  neg.sort((a, b) => b - a);
  const u = neg[k]!;
  let excess = 0;
  for (let i = 0; i < k; i++) excess += neg[i]! - u;
  return sigmoid(u + (excess / k) * Math.log(TAIL_SHARE / targetFpr));
}

/** log(p / (1 - p)), with p kept 1e-7 inside (0, 1) so that scores of 0 and 1 stay finite. */
export function logit(p: number): number {
  const q = Math.min(1 - LOGIT_CLAMP, Math.max(LOGIT_CLAMP, p));
  return Math.log(q / (1 - q));
}

export function tprAtFpr(rows: readonly Scored[], targetFpr: number): number | null {
  if (!rows.some((r) => r.label === 1) || !rows.some((r) => r.label === 0)) return null;
  return binaryMetrics(rows, thresholdForFpr(rows, targetFpr)).recall;
}

export function evalMetrics(rows: readonly Scored[], threshold: number): EvalMetrics {
  const bySource = new Map<string, Scored[]>();
  for (const r of rows) {
    const list = bySource.get(r.source) ?? [];
    list.push(r);
    bySource.set(r.source, list);
  }
  const per_source: Record<string, BinaryMetrics> = {};
  for (const [source, list] of [...bySource.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    per_source[source] = binaryMetrics(list, threshold);
  }
  return {
    ...binaryMetrics(rows, threshold),
    auc: round(auc(rows)),
    tpr_at_1pct_fpr: round(tprAtFpr(rows, 0.01)),
    threshold: Math.round(threshold * 1e6) / 1e6,
    per_source,
  };
}
