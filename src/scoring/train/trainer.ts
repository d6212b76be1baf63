/**
 * Trains the embedding-bag + MLP network in plain TypeScript: class-balanced (and source-tempered) example
 * weights, Adam for the dense layers, lazy Adam (only touched rows) for the embedding table, fixed seed,
 * deterministic order. With embedDim 1 and hiddenDim 0 the same code trains the logistic-regression baseline.
 */
import { type Featurizer, type SparseFeatures, windowOf } from '../featurizer.js';
import {
  allocateParams,
  createForwardState,
  forward,
  type NetworkParams,
  type NetworkShape,
  sigmoid,
} from '../network.js';
import { textViews } from '../views.js';
import type { Row } from './dataset.js';
import { gaussian, mulberry32, shuffleInPlace } from './random.js';

/** Examples in compressed sparse rows: example e has features offsets[e]..offsets[e+1]. */
export interface SparseMatrix {
  readonly offsets: Int32Array;
  readonly indices: Int32Array;
  readonly values: Float32Array;
  readonly labels: Uint8Array;
  readonly weights: Float32Array;
  readonly count: number;
}

export function exampleView(m: SparseMatrix, e: number): SparseFeatures {
  const start = m.offsets[e]!;
  const end = m.offsets[e + 1]!;
  return {
    indices: m.indices.subarray(start, end),
    values: m.values.subarray(start, end),
    length: end - start,
  };
}

const MAX_NEGATIVE_CHUNKS = 16;

/** Up to n items spread evenly from first to last. */
function spread<T>(items: readonly T[], n: number): T[] {
  if (items.length <= n) return [...items];
  return Array.from({ length: n }, (_, i) => items[Math.round((i * (items.length - 1)) / (n - 1))]!);
}

/**
 * Training examples: a positive contributes its first window (where the attack framing sits); a negative
 * contributes its windows (up to 16, spread over the text), so long benign pages teach the model that
 * length is not intent.
 * Weights: each class sums to half the total; within a class a source weighs ~sqrt(its rows).
 */
export function buildTrainingMatrix(rows: readonly Row[], featurizer: Featurizer): SparseMatrix {
  const perSource = new Map<string, number>();
  for (const r of rows) perSource.set(r.source, (perSource.get(r.source) ?? 0) + 1);
  const raw: Array<{ feats: SparseFeatures; label: 0 | 1; weight: number }> = [];
  for (const r of rows) {
    const windows = featurizer.featurizeWindows(r.text);
    const all = Array.from({ length: windows.windows }, (_, k) => k);
    const used = r.label === 1 ? all.slice(0, 1) : spread(all, MAX_NEGATIVE_CHUNKS);
    const w = 1 / Math.sqrt(perSource.get(r.source)!) / used.length;
    for (const k of used) {
      const f = windowOf(windows, k);
      raw.push({
        feats: { indices: f.indices.slice(), values: f.values.slice(), length: f.length },
        label: r.label,
        weight: w,
      });
    }
  }
  const classTotals = [0, 0];
  for (const x of raw) classTotals[x.label]! += x.weight;
  const nnz = raw.reduce((n, x) => n + x.feats.length, 0);
  const m = {
    offsets: new Int32Array(raw.length + 1),
    indices: new Int32Array(nnz),
    values: new Float32Array(nnz),
    labels: new Uint8Array(raw.length),
    weights: new Float32Array(raw.length),
    count: raw.length,
  };
  let at = 0;
  raw.forEach((x, e) => {
    m.offsets[e] = at;
    m.indices.set(x.feats.indices, at);
    m.values.set(x.feats.values, at);
    at += x.feats.length;
    m.labels[e] = x.label;
    m.weights[e] = (x.weight / classTotals[x.label]!) * (raw.length / 2);
  });
  m.offsets[raw.length] = at;
  return m;
}

export interface TrainOptions {
  readonly shape: NetworkShape;
  readonly seed: number;
  readonly epochs: number;
  readonly batchSize: number;
  readonly learningRate: number;
  /** L2 penalty applied lazily to touched embedding rows and to the dense layers. */
  readonly l2: number;
  /** Probability of dropping each feature of an example during training (robustness to missing n-grams). */
  readonly featureDropout: number;
  /**
   * A trained linear model to start from: it becomes embedding column 0 with a fixed unit skip weight and
   * stays frozen, so the deep columns learn a residual on top of logistic regression (wide & deep).
   */
  readonly wide?: NetworkParams;
  /** Keep the wide column trainable too (fine-tuned jointly) instead of frozen. */
  readonly tuneWide?: boolean;
  readonly onEpoch?: (epoch: number, loss: number) => void;
}

interface AdamSlot {
  readonly p: Float32Array;
  readonly g: Float64Array;
  readonly m: Float32Array;
  readonly v: Float32Array;
}

function slot(p: Float32Array): AdamSlot {
  return { p, g: new Float64Array(p.length), m: new Float32Array(p.length), v: new Float32Array(p.length) };
}

const BETA1 = 0.9;
const BETA2 = 0.999;
const EPS = 1e-8;

export function trainNetwork(data: SparseMatrix, opts: TrainOptions): NetworkParams {
  const { embedDim: d, hiddenDim: h, inputDim } = opts.shape;
  const random = mulberry32(opts.seed);
  const params = allocateParams(opts.shape);
  const embStd = 0.1;
  for (let i = 0; i < params.embedding.length; i++) params.embedding[i] = gaussian(random) * embStd;
  const w1Std = Math.sqrt(2 / Math.max(1, d));
  for (let i = 0; i < params.w1.length; i++) params.w1[i] = gaussian(random) * w1Std;
  for (let i = 0; i < params.w2.length; i++) params.w2[i] = gaussian(random) * Math.sqrt(1 / Math.max(1, h));
  if (h === 0) params.u.fill(1);
  const frozen = opts.wide && !opts.tuneWide ? 1 : 0;
  if (opts.wide) {
    for (let row = 0; row < inputDim; row++)
      params.embedding[row * d] = opts.wide.embedding[row]! * opts.wide.u[0]!;
    params.u.fill(0);
    params.u[0] = 1;
    params.w1.fill(0, 0, h);
    params.b2[0] = opts.wide.b2[0]!;
  }

  const dense = [slot(params.w1), slot(params.b1), slot(params.w2), slot(params.u), slot(params.b2)];
  const [sW1, sB1, sW2, sU, sB2] = dense as [AdamSlot, AdamSlot, AdamSlot, AdamSlot, AdamSlot];
  const embM = new Float32Array(params.embedding.length);
  const embV = new Float32Array(params.embedding.length);
  const embG = new Float64Array(params.embedding.length);
  const rowMark = new Uint8Array(inputDim);
  const touchedRows: number[] = [];
  const state = createForwardState(opts.shape);
  const dz = new Float64Array(d);
  const dpre = new Float64Array(h);

  const order = Array.from({ length: data.count }, (_, i) => i);
  let step = 0;
  for (let epoch = 0; epoch < opts.epochs; epoch++) {
    shuffleInPlace(order, random);
    let lossSum = 0;
    let weightSum = 0;
    for (let start = 0; start < order.length; start += opts.batchSize) {
      const end = Math.min(order.length, start + opts.batchSize);
      for (const s of dense) s.g.fill(0);
      for (let b = start; b < end; b++) {
        const e = order[b]!;
        let x = exampleView(data, e);
        if (opts.featureDropout > 0 && x.length <= dropIdx.length)
          x = dropFeatures(x, opts.featureDropout, random);
        const logit = forward(params, x, state);
        const y = data.labels[e]!;
        const w = data.weights[e]!;
        const p = sigmoid(logit);
        lossSum += w * (y === 1 ? -Math.log(Math.max(p, 1e-12)) : -Math.log(Math.max(1 - p, 1e-12)));
        weightSum += w;
        const dlogit = w * (p - y);
        sB2.g[0]! += dlogit;
        for (let k = 0; k < d; k++) {
          sU.g[k]! += dlogit * state.z[k]!;
          dz[k] = dlogit * params.u[k]!;
        }
        for (let m = 0; m < h; m++) {
          const pre = state.pre[m]!;
          if (pre > 0) {
            sW2.g[m]! += dlogit * pre;
            dpre[m] = dlogit * params.w2[m]!;
            sB1.g[m]! += dpre[m]!;
          } else dpre[m] = 0;
        }
        for (let k = 0; k < d; k++) {
          const zk = state.z[k]!;
          const off = k * h;
          let acc = dz[k]!;
          for (let m = 0; m < h; m++) {
            const g = dpre[m]!;
            if (g === 0) continue;
            sW1.g[off + m]! += zk * g;
            acc += params.w1[off + m]! * g;
          }
          dz[k] = acc;
        }
        for (let j = 0; j < x.length; j++) {
          const row = x.indices[j]!;
          if (rowMark[row] === 0) {
            rowMark[row] = 1;
            touchedRows.push(row);
          }
          const v = x.values[j]!;
          const base = row * d;
          for (let k = 0; k < d; k++) embG[base + k]! += v * dz[k]!;
        }
      }
      step++;
      const lrT = (opts.learningRate * Math.sqrt(1 - BETA2 ** step)) / (1 - BETA1 ** step);
      const scale = 1 / (end - start);
      for (const s of dense) {
        if (s === sU && h === 0) continue;
        adamUpdate(s.p, s.g, s.m, s.v, {
          from: s === sU ? frozen : s === sW1 ? frozen * h : 0,
          to: s.p.length,
          scale,
          lrT,
          l2: s === sB1 || s === sB2 ? 0 : opts.l2,
        });
      }
      for (const row of touchedRows) {
        const base = row * d;
        adamUpdate(params.embedding, embG, embM, embV, {
          from: base + frozen,
          to: base + d,
          scale,
          lrT,
          l2: opts.l2,
        });
        embG.fill(0, base, base + d);
        rowMark[row] = 0;
      }
      touchedRows.length = 0;
    }
    opts.onEpoch?.(epoch, lossSum / weightSum);
  }
  return params;
}

function adamUpdate(
  p: Float32Array,
  g: Float64Array,
  m: Float32Array,
  v: Float32Array,
  o: { from: number; to: number; scale: number; lrT: number; l2: number },
): void {
  for (let i = o.from; i < o.to; i++) {
    const grad = g[i]! * o.scale + o.l2 * p[i]!;
    const mi = BETA1 * m[i]! + (1 - BETA1) * grad;
    const vi = BETA2 * v[i]! + (1 - BETA2) * grad * grad;
    m[i] = mi;
    v[i] = vi;
    p[i] = p[i]! - (o.lrT * mi) / (Math.sqrt(vi) + EPS);
  }
}

const dropIdx = new Int32Array(64 * 1024);
const dropVal = new Float32Array(64 * 1024);

/** Drops features at random and rescales the survivors so each block keeps its expected mass. */
function dropFeatures(x: SparseFeatures, rate: number, random: () => number): SparseFeatures {
  let n = 0;
  const scale = 1 / (1 - rate);
  for (let j = 0; j < x.length; j++) {
    if (random() >= rate) {
      dropIdx[n] = x.indices[j]!;
      dropVal[n] = x.values[j]! * scale;
      n++;
    }
  }
  return { indices: dropIdx.subarray(0, n), values: dropVal.subarray(0, n), length: n };
}

/**
 * Scores rows the way the service scores prompts: every window of the text and of its decoded views (see
 * views.ts), the max probability wins.
 */
export function scoreRows(params: NetworkParams, rows: readonly Row[], featurizer: Featurizer): number[] {
  const state = createForwardState(params);
  const windowsMax = (text: string): number => {
    let best = 0;
    const windows = featurizer.featurizeWindows(text);
    for (let k = 0; k < windows.windows; k++) {
      const p = sigmoid(forward(params, windowOf(windows, k), state));
      if (p > best) best = p;
    }
    return best;
  };
  return rows.map((r) => {
    let best = windowsMax(r.text);
    for (const view of textViews(r.text, featurizer.spec.chunkChars, 'prompt'))
      best = Math.max(best, windowsMax(view));
    return best;
  });
}
