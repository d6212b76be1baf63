/**
 * Writes the network as an ONNX model (IR 8, opset 17, weights as raw_data) with protobufjs from a minimal
 * subset of the public onnx.proto (field numbers as upstream), and reads the weights back for parity checks.
 *
 * The graph ("embedding-bag-mlp-fused") scores windows in groups that share one gathered vocabulary:
 *   indices int32 [groups, slots], weights float [groups, windows, slots] -> probability [groups, windows, 1]
 *   bag = weights x E[indices] (one batched MatMul), then relu(bag W1 + b1) w2 + b2, sigmoid.
 * One window per group is the plain per-window layout; one text per group gathers each distinct bucket of
 * the text once. The linear skip z·u is folded into the MLP exactly: two more hidden units with W1 columns
 * u and -u, b1 = 0 and w2 = +1, -1 (relu(x) - relu(-x) = x), so the graph has no separate skip branch.
 * Models of the older kind ("embedding-bag-mlp": int64 indices [rows, slots], skip as its own MatMul,
 * output [rows, 1]) are still read and run (rollback targets); this module no longer writes them.
 *
 * "embedding-bag-mlp-int8" is the same graph with the embedding table as int8 codes and one float scale
 * per column: bag = (weights x float(Eq[indices])) * scale. Gathering a prompt's rows is the cost that
 * grows with the text (a 1 KB prompt of ordinary prose gathers ~2,600 rows, most of them cache misses);
 * 17-byte rows instead of 68 made that ~3x faster here, and the table 2.5 MB instead of 10 MB. Symmetric
 * per-column quantisation moved 9,356 scores by a median of 1e-4 and at most 0.016 (quantizeEmbedding).
 */
import protobuf from 'protobufjs';
import type { NetworkParams } from './network.js';

const ONNX_SUBSET = `
syntax = "proto2";
package onnx;
message AttributeProto {
  optional string name = 1;
  optional float f = 2;
  optional int64 i = 3;
  repeated int64 ints = 8;
  optional int32 type = 20;
}
message ValueInfoProto { optional string name = 1; optional TypeProto type = 2; }
message NodeProto {
  repeated string input = 1;
  repeated string output = 2;
  optional string name = 3;
  optional string op_type = 4;
  repeated AttributeProto attribute = 5;
  optional string domain = 7;
}
message StringStringEntryProto { optional string key = 1; optional string value = 2; }
message ModelProto {
  optional int64 ir_version = 1;
  optional string producer_name = 2;
  optional string producer_version = 3;
  optional string domain = 4;
  optional int64 model_version = 5;
  optional string doc_string = 6;
  optional GraphProto graph = 7;
  repeated OperatorSetIdProto opset_import = 8;
  repeated StringStringEntryProto metadata_props = 14;
}
message GraphProto {
  repeated NodeProto node = 1;
  optional string name = 2;
  repeated TensorProto initializer = 5;
  optional string doc_string = 10;
  repeated ValueInfoProto input = 11;
  repeated ValueInfoProto output = 12;
}
message TensorProto {
  repeated int64 dims = 1;
  optional int32 data_type = 2;
  optional string name = 8;
  optional bytes raw_data = 9;
}
message TensorShapeProto {
  message Dimension { oneof value { int64 dim_value = 1; string dim_param = 2; } }
  repeated Dimension dim = 1;
}
message TypeProto {
  message Tensor { optional int32 elem_type = 1; optional TensorShapeProto shape = 2; }
  oneof value { Tensor tensor_type = 1; }
}
message OperatorSetIdProto { optional string domain = 1; optional int64 version = 2; }
`;

const FLOAT = 1;
const INT8 = 3;
const INT32 = 6;
const ATTR_INT = 2;

const root = protobuf.parse(ONNX_SUBSET, { keepCase: true }).root;
const ModelProto = root.lookupType('onnx.ModelProto');

/** Graph input/output names: the scoring session and the tests rely on them. */
export const ONNX_INPUT_INDICES = 'indices';
export const ONNX_INPUT_WEIGHTS = 'weights';
export const ONNX_OUTPUT = 'probability';

function floatTensor(name: string, dims: number[], data: Float32Array) {
  const bytes = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  return { name, dims, data_type: FLOAT, raw_data: Buffer.from(bytes) };
}

function int8Tensor(name: string, dims: number[], data: Int8Array) {
  return {
    name,
    dims,
    data_type: INT8,
    raw_data: Buffer.from(data.buffer, data.byteOffset, data.byteLength),
  };
}

function valueInfo(name: string, elemType: number, dims: Array<number | string>) {
  return {
    name,
    type: {
      tensor_type: {
        elem_type: elemType,
        shape: { dim: dims.map((d) => (typeof d === 'number' ? { dim_value: d } : { dim_param: d })) },
      },
    },
  };
}

function node(opType: string, inputs: string[], outputs: string[], attribute: object[] = []) {
  return { op_type: opType, name: outputs[0], input: inputs, output: outputs, attribute };
}

/** W1, b1 and w2 with the linear skip folded in as two more hidden units (see the module comment). */
function foldSkip(params: NetworkParams): { w1: Float32Array; b1: Float32Array; w2: Float32Array } {
  const { embedDim: d, hiddenDim: h } = params;
  const width = h + 2;
  const w1 = new Float32Array(d * width);
  for (let k = 0; k < d; k++) {
    w1.set(params.w1.subarray(k * h, (k + 1) * h), k * width);
    w1[k * width + h] = params.u[k]!;
    w1[k * width + h + 1] = -params.u[k]!;
  }
  const b1 = new Float32Array(width);
  b1.set(params.b1);
  const w2 = new Float32Array(width);
  w2.set(params.w2);
  w2[h] = 1;
  w2[h + 1] = -1;
  return { w1, b1, w2 };
}

/** An embedding table as int8 codes, row-major [rows, d], and one scale per column. */
export interface QuantizedEmbedding {
  readonly codes: Int8Array;
  readonly scales: Float32Array;
}

/**
 * Symmetric per-column int8 quantisation: scale = max |column| / 127, code = round(value / scale). Applied
 * to a table it produced (codes x scales) it gives the same codes back.
 */
export function quantizeEmbedding(embedding: Float32Array, d: number): QuantizedEmbedding {
  const rows = embedding.length / d;
  const scales = new Float32Array(d);
  for (let i = 0; i < embedding.length; i++) {
    const c = i % d;
    scales[c] = Math.max(scales[c]!, Math.abs(embedding[i]!));
  }
  for (let c = 0; c < d; c++) scales[c] = scales[c]! > 0 ? scales[c]! / 127 : 1;
  const codes = new Int8Array(rows * d);
  for (let i = 0; i < embedding.length; i++)
    codes[i] = Math.max(-127, Math.min(127, Math.round(embedding[i]! / scales[i % d]!)));
  return { codes, scales };
}

/** The float table the int8 graph computes with: codes x scales. */
export function dequantizeEmbedding(q: QuantizedEmbedding): Float32Array {
  const d = q.scales.length;
  const out = new Float32Array(q.codes.length);
  for (let i = 0; i < out.length; i++) out[i] = q.codes[i]! * q.scales[i % d]!;
  return out;
}

/** The network with its embedding table replaced by the one the int8 graph computes with. */
export function asInt8Served(params: NetworkParams): NetworkParams {
  return {
    ...params,
    embedding: dequantizeEmbedding(quantizeEmbedding(params.embedding, params.embedDim)),
  };
}

export type OnnxEmbedding = 'float32' | 'int8';

export function encodeOnnx(
  params: NetworkParams,
  meta: Record<string, string> = {},
  embedding: OnnxEmbedding = 'float32',
): Uint8Array {
  const { inputDim, embedDim: d, hiddenDim: h } = params;
  const folded = foldSkip(params);
  const q = embedding === 'int8' ? quantizeEmbedding(params.embedding, d) : undefined;
  const bag = q
    ? [
        node('Gather', ['Eq', ONNX_INPUT_INDICES], ['gathered_q'], [{ name: 'axis', type: ATTR_INT, i: 0 }]),
        node('Cast', ['gathered_q'], ['gathered'], [{ name: 'to', type: ATTR_INT, i: FLOAT }]),
        node('MatMul', [ONNX_INPUT_WEIGHTS, 'gathered'], ['bag_q']),
        node('Mul', ['bag_q', 'Escale'], ['bag']),
      ]
    : [
        node('Gather', ['E', ONNX_INPUT_INDICES], ['gathered'], [{ name: 'axis', type: ATTR_INT, i: 0 }]),
        node('MatMul', [ONNX_INPUT_WEIGHTS, 'gathered'], ['bag']),
      ];
  const graph = {
    name: q ? 'airlock-embedding-bag-mlp-int8' : 'airlock-embedding-bag-mlp-fused',
    input: [
      valueInfo(ONNX_INPUT_INDICES, INT32, ['groups', 'slots']),
      valueInfo(ONNX_INPUT_WEIGHTS, FLOAT, ['groups', 'windows', 'slots']),
    ],
    output: [valueInfo(ONNX_OUTPUT, FLOAT, ['groups', 'windows', 1])],
    initializer: [
      ...(q
        ? [int8Tensor('Eq', [inputDim, d], q.codes), floatTensor('Escale', [d], q.scales)]
        : [floatTensor('E', [inputDim, d], params.embedding)]),
      floatTensor('W1', [d, h + 2], folded.w1),
      floatTensor('b1', [h + 2], folded.b1),
      floatTensor('w2', [h + 2, 1], folded.w2),
      floatTensor('b2', [1], params.b2),
    ],
    node: [
      ...bag,
      node('MatMul', ['bag', 'W1'], ['hidden_mm']),
      node('Add', ['hidden_mm', 'b1'], ['hidden_pre']),
      node('Relu', ['hidden_pre'], ['hidden']),
      node('MatMul', ['hidden', 'w2'], ['deep']),
      node('Add', ['deep', 'b2'], ['logit']),
      node('Sigmoid', ['logit'], [ONNX_OUTPUT]),
    ],
  };
  const model = {
    ir_version: 8,
    producer_name: 'airlock',
    producer_version: '1',
    opset_import: [{ domain: '', version: 17 }],
    graph,
    metadata_props: Object.entries(meta).map(([key, value]) => ({ key, value })),
  };
  const problem = ModelProto.verify(model);
  if (problem) throw new Error(`invalid ONNX model object: ${problem}`);
  return ModelProto.encode(ModelProto.fromObject(model)).finish();
}

interface DecodedTensor {
  name: string;
  dims: Array<number | { toNumber(): number }>;
  raw_data: Uint8Array;
}

const dimsOf = (t: DecodedTensor): number[] => t.dims.map((x) => (typeof x === 'number' ? x : x.toNumber()));

/** An int8 table as the floats the graph computes with (codes x per-column scales). */
function int8Table(t: DecodedTensor, scales: Float32Array): { data: Float32Array; dims: number[] } {
  const codes = new Int8Array(new Uint8Array(t.raw_data).buffer);
  return { data: dequantizeEmbedding({ codes, scales }), dims: dimsOf(t) };
}

/**
 * Reads the weights of a model written by encodeOnnx (float or int8 table), or of the older kind (which
 * keeps the skip `u` as its own initializer), as the NetworkParams the TypeScript reference pass runs.
 */
export function decodeOnnxParams(bytes: Uint8Array): NetworkParams {
  const decoded = ModelProto.decode(bytes) as unknown as { graph?: { initializer?: DecodedTensor[] } };
  const tensors = new Map<string, DecodedTensor>();
  for (const t of decoded.graph?.initializer ?? []) tensors.set(t.name, t);
  const floats = (name: string): { data: Float32Array; dims: number[] } => {
    const t = tensors.get(name);
    if (!t) throw new Error(`ONNX initializer ${name} is missing`);
    const copy = new Uint8Array(t.raw_data);
    return { data: new Float32Array(copy.buffer, 0, copy.byteLength / 4), dims: dimsOf(t) };
  };
  const e = tensors.has('Eq') ? int8Table(tensors.get('Eq')!, floats('Escale').data) : floats('E');
  const w1 = floats('W1');
  const b1 = floats('b1').data;
  const w2 = floats('w2').data;
  const shape = { inputDim: e.dims[0]!, embedDim: e.dims[1]!, embedding: e.data, b2: floats('b2').data };
  if (tensors.has('u')) return { ...shape, hiddenDim: w1.dims[1]!, w1: w1.data, b1, w2, u: floats('u').data };
  // Fused: the last two hidden units are the folded skip (columns u and -u of W1).
  const d = shape.embedDim;
  const width = w1.dims[1]!;
  const h = width - 2;
  const unfolded = new Float32Array(d * h);
  const u = new Float32Array(d);
  for (let k = 0; k < d; k++) {
    unfolded.set(w1.data.subarray(k * width, k * width + h), k * h);
    u[k] = w1.data[k * width + h]!;
  }
  return { ...shape, hiddenDim: h, w1: unfolded, b1: b1.slice(0, h), w2: w2.slice(0, h), u };
}
