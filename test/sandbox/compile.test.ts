import assert from 'node:assert/strict';
import { test } from 'node:test';
import { candidateOrder, compileTool, loadIvm } from '../../src/sandbox/index.js';

test('compileTool accepts a module whose default export is a function', async () => {
  const result = await compileTool({
    code: 'export default async (input) => input',
    filename: 'airlock:t.js',
  });
  assert.ok(result.ok);
  assert.equal(result.tool.kind, 'compiled-tool');
  assert.match(result.tool.digest, /^[0-9a-f]{64}$/);
  assert.ok(Object.isFrozen(result.tool));
});

for (const [name, code, reason] of [
  ['a syntax error', 'export default async (', /SyntaxError/],
  ['an import', "import fs from 'node:fs'; export default () => fs;", /imports are not allowed/],
  ['a non-function default export', 'export default { run() {} };', /default export must be a function/],
  ['no default export', 'export const run = () => 1;', /default export must be a function/],
  ['top-level code that never ends', 'for (;;) {} export default () => 1;', /timed out/],
] as const) {
  test(`compileTool refuses ${name}`, async () => {
    const result = await compileTool({ code, filename: 'airlock:t.js' });
    assert.equal(!result.ok && result.code, 'ERR_MANIFEST_INVALID');
    assert.match(!result.ok ? result.reason : '', reason);
  });
}

test('the loader tries the isolated-vm build for this Node.js major first', () => {
  assert.deepEqual(candidateOrder(20), ['ivm5', 'ivm7', 'ivm6']);
  assert.deepEqual(candidateOrder(22), ['ivm6', 'ivm7', 'ivm5']);
  assert.deepEqual(candidateOrder(24), ['ivm7', 'ivm6', 'ivm5']);
  assert.deepEqual(candidateOrder(18), ['ivm7', 'ivm6', 'ivm5']);
});

test('the loader finds a working isolated-vm build on this machine', () => {
  const { ivm, name } = loadIvm();
  assert.equal(typeof ivm.Isolate, 'function');
  if (process.versions.node.startsWith('20.')) assert.equal(name, 'ivm5');
});
