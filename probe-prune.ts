import { readFileSync } from 'node:fs';
import { ModelRunner } from './src/scoring/runner.js';
import { decodeOnnxParams } from './src/scoring/onnx-writer.js';
import { createForwardState, forward, sigmoid } from './src/scoring/network.js';
const dir = 'models', ver = '2026.11.26-14';
const r = await ModelRunner.load(dir, 'prompt-injection', ver);
const fz = (r as any).featurizer;
const p = decodeOnnxParams(readFileSync(`${dir}/prompt-injection/${ver}/model.onnx`));
const d = p.embedDim, N = p.inputDim;
const norm = new Float32Array(N);
for (let i = 0; i < N; i++) { let s = 0; for (let k = 0; k < d; k++) s += p.embedding[i * d + k]! ** 2; norm[i] = Math.sqrt(s); }
const sorted = Float32Array.from(norm).sort();
console.log('rows', N, 'dim', d, 'norm quantiles', [0.1, 0.25, 0.5, 0.75, 0.9, 0.99].map((q) => sorted[Math.floor(q * N)]!.toFixed(4)).join(' '));
const load = (f: string) => readFileSync(f, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
const dev = load('/tmp/unseen/dev3.jsonl'), prose = load('/tmp/s19/prose1k.jsonl');
const st = createForwardState(p);
function feats(t: string) { const f = fz.featurize(t); return { idx: Int32Array.from(f.indices), val: Float32Array.from(f.values) }; }
const devF = dev.map((x) => feats(x.text)), proseF = prose.map((x) => feats(x.text));
function score(f: { idx: Int32Array; val: Float32Array }, cut: number) {
  const keep: number[] = []; for (let j = 0; j < f.idx.length; j++) if (norm[f.idx[j]!]! >= cut) keep.push(j);
  const x = { indices: Int32Array.from(keep, (j) => f.idx[j]!), values: Float32Array.from(keep, (j) => f.val[j]!), length: keep.length };
  return [sigmoid(forward(p, x, st)), keep.length] as const;
}
function auc(s: number[], y: number[]) { const P = s.filter((_, i) => y[i] === 1), Nn = s.filter((_, i) => y[i] === 0); let a = 0; for (const x of P) for (const z of Nn) a += x > z ? 1 : x === z ? 0.5 : 0; return a / (P.length * Nn.length); }
const y = dev.map((x) => x.label);
const base = devF.map((f) => score(f, 0)[0]);
const baseP = proseF.map((f) => score(f, 0));
console.log('prose rows per text (no views, featurize whole)', (baseP.reduce((a, b) => a + b[1], 0) / baseP.length).toFixed(0), 'dev AUC', auc(base, y).toFixed(4));
for (const q of [0.25, 0.5, 0.75, 0.9]) {
  const cut = sorted[Math.floor(q * N)]!;
  const s = devF.map((f) => score(f, cut)[0]);
  const sp = proseF.map((f) => score(f, cut));
  const dd = s.map((v, i) => Math.abs(v - base[i]!)).sort((a, b) => a - b);
  const flips = s.filter((v, i) => (v >= r.threshold) !== (base[i]! >= r.threshold)).length;
  console.log(`prune below q${q} (${cut.toFixed(4)}): prose rows ${(sp.reduce((a, b) => a + b[1], 0) / sp.length).toFixed(0)}, dev AUC ${auc(s, y).toFixed(4)}, |dscore| p50 ${dd[dd.length >> 1]!.toFixed(4)} p99 ${dd[Math.floor(dd.length * 0.99)]!.toFixed(4)} max ${dd[dd.length - 1]!.toFixed(4)}, flips ${flips}`);
}
await r.release();
