/**
 * Writes the network as an ONNX model (IR 8, opset 17, weights as raw_data) with protobufjs from a minimal
 * subset of the public onnx.proto (field numbers as upstream), and reads the weights back for parity checks.
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
const INT64 = 7;
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

function int64Tensor(name: string, values: number[]) {
  const data = new BigInt64Array(values.map((v) => BigInt(v)));
  return { name, dims: [values.length], data_type: INT64, raw_data: Buffer.from(data.buffer) };
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

export function encodeOnnx(params: NetworkParams, meta: Record<string, string> = {}): Uint8Array {
  const { inputDim, embedDim: d, hiddenDim: h } = params;
  const graph = {
    name: 'airlock-embedding-bag-mlp',
    input: [
      valueInfo(ONNX_INPUT_INDICES, INT64, ['batch', 'slots']),
      valueInfo(ONNX_INPUT_WEIGHTS, FLOAT, ['batch', 'slots']),
    ],
    output: [valueInfo(ONNX_OUTPUT, FLOAT, ['batch', 1])],
    initializer: [
      floatTensor('E', [inputDim, d], params.embedding),
      floatTensor('W1', [d, h], params.w1),
      floatTensor('b1', [h], params.b1),
      floatTensor('w2', [h, 1], params.w2),
      floatTensor('u', [d, 1], params.u),
      floatTensor('b2', [1], params.b2),
      int64Tensor('axis2', [2]),
      int64Tensor('axis1', [1]),
    ],
    node: [
      node('Gather', ['E', ONNX_INPUT_INDICES], ['gathered'], [{ name: 'axis', type: ATTR_INT, i: 0 }]),
      node('Unsqueeze', [ONNX_INPUT_WEIGHTS, 'axis2'], ['weights3']),
      node('Mul', ['gathered', 'weights3'], ['weighted']),
      node('ReduceSum', ['weighted', 'axis1'], ['bag'], [{ name: 'keepdims', type: ATTR_INT, i: 0 }]),
      node('MatMul', ['bag', 'W1'], ['hidden_mm']),
      node('Add', ['hidden_mm', 'b1'], ['hidden_pre']),
      node('Relu', ['hidden_pre'], ['hidden']),
      node('MatMul', ['hidden', 'w2'], ['deep']),
      node('MatMul', ['bag', 'u'], ['wide']),
      node('Add', ['deep', 'wide'], ['sum']),
      node('Add', ['sum', 'b2'], ['logit']),
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

/** Reads the weights of a model written by encodeOnnx (used to run the TypeScript reference pass). */
export function decodeOnnxParams(bytes: Uint8Array): NetworkParams {
  const decoded = ModelProto.decode(bytes) as unknown as { graph?: { initializer?: DecodedTensor[] } };
  const tensors = new Map<string, DecodedTensor>();
  for (const t of decoded.graph?.initializer ?? []) tensors.set(t.name, t);
  const floats = (name: string): { data: Float32Array; dims: number[] } => {
    const t = tensors.get(name);
    if (!t) throw new Error(`ONNX initializer ${name} is missing`);
    const copy = new Uint8Array(t.raw_data);
    const dims = t.dims.map((x) => (typeof x === 'number' ? x : x.toNumber()));
    return { data: new Float32Array(copy.buffer, 0, copy.byteLength / 4), dims };
  };
  const e = floats('E');
  const w1 = floats('W1');
  return {
    inputDim: e.dims[0]!,
    embedDim: e.dims[1]!,
    hiddenDim: w1.dims[1]!,
    embedding: e.data,
    w1: w1.data,
    b1: floats('b1').data,
    w2: floats('w2').data,
    u: floats('u').data,
    b2: floats('b2').data,
  };
}
