import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { LoadedTool } from '../../src/registry/index.js';
import { createSandbox } from '../../src/sandbox/index.js';
import { callTool, shippedTool } from './shipped.js';

describe('run_javascript', () => {
  const sandbox = createSandbox({ poolSize: 1 });
  let tool: LoadedTool;
  before(async () => {
    tool = await shippedTool('run_javascript');
  });
  after(() => sandbox.close());
  const run = (input: unknown, limits?: Partial<LoadedTool['manifest']['limits']>) =>
    callTool({
      sandbox,
      tool: limits
        ? { ...tool, manifest: { ...tool.manifest, limits: { ...tool.manifest.limits, ...limits } } }
        : tool,
      input,
    });

  test('returns the value of the last expression and captured console output', async () => {
    const result = await run({
      code: 'console.log("sum of", input); const s = input.reduce((a, b) => a + b, 0); s * 2',
      input: [1, 2, 3],
    });
    assert.deepEqual(result.ok && result.value, {
      ok: true,
      value: 12,
      type: 'number',
      logs: ['sum of [1,2,3]'],
    });
  });

  test('top-level await and return run as an async body', async () => {
    const result = await run({
      code: 'const v = await Promise.resolve(20); console.warn("w"); return { v: v + 1 };',
    });
    assert.deepEqual(result.ok && result.value, {
      ok: true,
      value: { v: 21 },
      type: 'object',
      logs: ['[warn] w'],
    });
  });

  test('a thrown error comes back as data with the logs so far', async () => {
    const result = await run({ code: 'console.log("before"); null.x' });
    assert.ok(result.ok);
    const value = result.value as { ok: boolean; error: string; logs: string[] };
    assert.equal(value.ok, false);
    assert.match(value.error, /^TypeError: Cannot read properties of null/);
    assert.deepEqual(value.logs, ['before']);
  });

  test('values that are not JSON are converted', async () => {
    const result = await run({ code: '[undefined, 2n ** 70n, () => 1]' });
    assert.deepEqual(result.ok && result.value, {
      ok: true,
      value: [null, '1180591620717411303424', '() => 1'],
      type: 'array',
      logs: [],
    });
    const cyclic = await run({ code: 'const o = {}; o.self = o; o' });
    assert.deepEqual(cyclic.ok && cyclic.value, {
      ok: true,
      value: '[object Object]',
      type: 'object',
      logs: [],
    });
    const big = await run({ code: '2n ** 70n' });
    assert.deepEqual(big.ok && big.value, {
      ok: true,
      value: '1180591620717411303424',
      type: 'bigint',
      logs: [],
    });
  });

  test('an endless loop is stopped by the CPU limit', async () => {
    const result = await run({ code: 'while (true) {}' }, { timeoutMs: 200 });
    assert.equal(!result.ok && result.code, 'ERR_SANDBOX_TIMEOUT');
  });

  test('a memory bomb is stopped by the memory limit', async () => {
    const result = await run(
      { code: 'const a = []; for (;;) a.push(new Array(1e5).fill(1));' },
      { memoryMb: 16, timeoutMs: 10_000 },
    );
    assert.equal(!result.ok && result.code, 'ERR_SANDBOX_MEMORY');
  });

  test('the agent code has no Node.js and no network without a grant', async () => {
    const result = await run({
      code: `const r = [typeof require, typeof process, typeof setTimeout];
        try { await fetch('https://example.com/'); r.push('fetched'); } catch (e) { r.push(e.message); }
        return r;`,
    });
    assert.deepEqual(result.ok && result.value, {
      ok: true,
      value: ['undefined', 'undefined', 'undefined', 'ERR_EGRESS_FAILED: the request failed'],
      type: 'array',
      logs: [],
    });
  });
});
