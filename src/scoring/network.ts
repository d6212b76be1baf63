/**
 * The classifier: an embedding bag over the hashed features (weighted by the normalised values), a
 * one-hidden-layer ReLU MLP on top, a linear skip from the bag to the logit (wide & deep), and a sigmoid.
 *   z = sum_j v_j E[i_j]            (dim d)
 *   logit = relu(z W1 + b1) w2 + z u + b2
 * This TypeScript forward pass is the reference the ONNX graph must match (parity test).
 */
import type { SparseFeatures } from './featurizer.js';

export interface NetworkShape {
  readonly inputDim: number;
  readonly embedDim: number;
  readonly hiddenDim: number;
}

export interface NetworkParams extends NetworkShape {
  /** [inputDim, embedDim] row-major. */
  readonly embedding: Float32Array;
  /** [embedDim, hiddenDim] row-major. */
  readonly w1: Float32Array;
  readonly b1: Float32Array;
  /** [hiddenDim] */
  readonly w2: Float32Array;
  /** [embedDim] skip weights. */
  readonly u: Float32Array;
  readonly b2: Float32Array;
}

export function allocateParams(shape: NetworkShape): NetworkParams {
  return {
    ...shape,
    embedding: new Float32Array(shape.inputDim * shape.embedDim),
    w1: new Float32Array(shape.embedDim * shape.hiddenDim),
    b1: new Float32Array(shape.hiddenDim),
    w2: new Float32Array(shape.hiddenDim),
    u: new Float32Array(shape.embedDim),
    b2: new Float32Array(1),
  };
}

/** Scratch buffers for one forward pass; training keeps them for the backward pass. */
export interface ForwardState {
  readonly z: Float64Array;
  readonly pre: Float64Array;
  logit: number;
}

export function createForwardState(shape: NetworkShape): ForwardState {
  return { z: new Float64Array(shape.embedDim), pre: new Float64Array(shape.hiddenDim), logit: 0 };
}

export function sigmoid(x: number): number {
  return x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x));
}

/** Returns the logit; fills state.z and state.pre (pre-activation of the hidden layer). */
export function forward(params: NetworkParams, x: SparseFeatures, state: ForwardState): number {
  const { embedDim: d, hiddenDim: h, embedding, w1, b1, w2, u } = params;
  const z = state.z;
  z.fill(0);
  for (let j = 0; j < x.length; j++) {
    const v = x.values[j]!;
    const row = x.indices[j]! * d;
    for (let k = 0; k < d; k++) z[k] = z[k]! + v * embedding[row + k]!;
  }
  let logit = params.b2[0]!;
  for (let k = 0; k < d; k++) logit += z[k]! * u[k]!;
  const pre = state.pre;
  for (let m = 0; m < h; m++) pre[m] = b1[m]!;
  for (let k = 0; k < d; k++) {
    const zk = z[k]!;
    if (zk === 0) continue;
    const off = k * h;
    for (let m = 0; m < h; m++) pre[m] = pre[m]! + zk * w1[off + m]!;
  }
  for (let m = 0; m < h; m++) if (pre[m]! > 0) logit += pre[m]! * w2[m]!;
  state.logit = logit;
  return logit;
}

/**
 * The served form of a network trained on pooled word vectors: the `dim` embedding rows of the pooled
 * mean (after `hashed` rows) become one row per table word, E_word[r] = v_r E_pooled. Exact by
 * linearity: sum_k (norm/n sum_w c_w v_wk) E_k = sum_w (norm c_w/n) (v_w E_pooled), the per-word
 * layout's features (n: the window's word count). `vector(r, out)` writes the table's row r.
 */
export function foldWordVectors(
  params: NetworkParams,
  words: { readonly words: number; readonly dim: number; vector(row: number, out: Float64Array): void },
): NetworkParams {
  const { embedDim: d } = params;
  const hashed = params.inputDim - words.dim;
  const embedding = new Float32Array((hashed + words.words) * d);
  embedding.set(params.embedding.subarray(0, hashed * d));
  const pooled = params.embedding.subarray(hashed * d);
  const v = new Float64Array(words.dim);
  const row = new Float64Array(d);
  for (let r = 0; r < words.words; r++) {
    words.vector(r, v);
    row.fill(0);
    for (let k = 0; k < words.dim; k++) {
      const x = v[k]!;
      for (let m = 0; m < d; m++) row[m] = row[m]! + x * pooled[k * d + m]!;
    }
    embedding.set(row, (hashed + r) * d);
  }
  return { ...params, inputDim: hashed + words.words, embedding };
}
