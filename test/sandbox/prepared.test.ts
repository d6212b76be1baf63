import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type IsolatedVM from 'ivm5';
import { HostBridge } from '../../src/sandbox/host-bridge.js';
import { createSandbox, loadIvm } from '../../src/sandbox/index.js';
import { IsolatePool } from '../../src/sandbox/pool.js';
import { type PreparedContext, prepareContext } from '../../src/sandbox/prepare.js';
import { BASE_LIMITS, fakeHost, tool } from './fake-host.js';

const SETTINGS = { maxHostCalls: 4, maxOutputBytes: 100, maxLogChars: 100 };

describe('contexts prepared ahead of their call', () => {
  test('the same tool run twice in one isolate evaluates its module afresh, with no state from the first run', async () => {
    const sandbox = createSandbox({ poolSize: 1 });
    const { host } = fakeHost();
    const counter = tool(`let count = 0;
      export default async () => {
        count += 1;
        const seen = typeof globalThis.leftover + ' ' + typeof ({}).polluted + ' ' + typeof Array.prototype.spy;
        globalThis.leftover = 'secret';
        Object.prototype.polluted = 1;
        Array.prototype.spy = () => 1;
        return count + ' ' + seen;
      }`);
    for (let i = 0; i < 3; i++) {
      const result = await sandbox.run({ tool: counter, input: {}, limits: BASE_LIMITS, host });
      assert.equal(result.ok && result.value, '1 undefined undefined undefined', `run ${i}`);
    }
    assert.deepEqual(sandbox.stats(), { isolates: 1, busy: 0, recycled: 0, memoryKills: 0 });
    await sandbox.close();
  });

  test('a tool that fails to link does not spoil the context prepared for the next, different tool', async () => {
    const sandbox = createSandbox({ poolSize: 1 });
    const { host } = fakeHost();
    const importing = tool("import fs from 'node:fs'; export default async () => typeof fs;");
    for (let i = 0; i < 2; i++) {
      const refused = await sandbox.run({ tool: importing, input: {}, limits: BASE_LIMITS, host });
      assert.equal(!refused.ok && refused.code, 'ERR_TOOL_FAILED');
      assert.match(!refused.ok ? refused.reason : '', /imports are not allowed/);
    }
    const next = await sandbox.run({
      tool: tool("export default async () => 'linked'"),
      input: {},
      limits: BASE_LIMITS,
      host,
    });
    assert.deepEqual(next.ok && next.value, 'linked');
    await sandbox.close();
  });

  test('a thousand calls in one isolate leave no contexts behind: it is never retired for its heap', async () => {
    const sandbox = createSandbox({ poolSize: 1, maxRunsPerIsolate: 100_000 });
    const { host } = fakeHost();
    const logging = tool(
      "export default async (i, a) => { a.log('n'); return { n: i.n, pad: 'y'.repeat(1000) }; }",
    );
    const echo = tool('export default async (i) => i.n');
    for (let i = 0; i < 1000; i++) {
      const result = await sandbox.run({
        tool: i % 5 === 0 ? echo : logging,
        input: { n: i },
        limits: { ...BASE_LIMITS, memoryMb: 32 },
        host,
      });
      assert.ok(result.ok, `call ${i}`);
    }
    assert.deepEqual(sandbox.stats(), { isolates: 1, busy: 0, recycled: 0, memoryKills: 0 });
    await sandbox.close();
  });

  test("a call's host channels reach only its own host when the isolate is reused", async () => {
    const sandbox = createSandbox({ poolSize: 1 });
    const first = fakeHost();
    const second = fakeHost();
    const logging = tool("export default async (i, a) => { a.log('from ' + i.who); return 'ok'; }");
    await sandbox.run({ tool: logging, input: { who: 'first' }, limits: BASE_LIMITS, host: first.host });
    await sandbox.run({ tool: logging, input: { who: 'second' }, limits: BASE_LIMITS, host: second.host });
    assert.deepEqual(first.logs, [{ level: 'info', message: 'from first' }]);
    assert.deepEqual(second.logs, [{ level: 'info', message: 'from second' }]);
    await sandbox.close();
  });

  test('host calls from a tool module top level reach its host and count against its limit', async () => {
    const sandbox = createSandbox({ poolSize: 1 });
    const { host, logs } = fakeHost();
    const limits = { ...BASE_LIMITS, maxHostCalls: 3 };
    const fine = await sandbox.run({
      tool: tool("console.log('loading'); export default async () => 'ok';"),
      input: {},
      limits,
      host,
    });
    assert.deepEqual(fine.ok && fine.value, 'ok');
    assert.deepEqual(logs, [{ level: 'info', message: 'loading' }]);
    const flood = await sandbox.run({
      tool: tool(
        "for (let k = 0; k < 50; k++) try { console.log(k); } catch {} export default async () => 'ok';",
      ),
      input: {},
      limits,
      host,
    });
    assert.equal(!flood.ok && flood.code, 'ERR_SANDBOX_HOST_CALLS');
    assert.equal(flood.hostCalls, 4);
    await sandbox.close();
  });

  test('a host reply arriving after its run ended never resumes tool code in the reused isolate', async () => {
    const sandbox = createSandbox({ poolSize: 1 });
    const slow = fakeHost({ delayMs: 30 });
    const left = await sandbox.run({
      tool: tool(
        "export default async (i, a) => { a.fetch('https://slow.example/').then(() => { console.log('late'); for (;;) {} }); return 'left'; }",
      ),
      input: {},
      limits: BASE_LIMITS,
      host: slow.host,
    });
    assert.deepEqual(left.ok && left.value, 'left');
    await new Promise((resolve) => setTimeout(resolve, 150));
    const next = fakeHost();
    const after = await sandbox.run({
      tool: tool("export default async () => 'next'"),
      input: {},
      limits: BASE_LIMITS,
      host: next.host,
    });
    assert.deepEqual(after.ok && after.value, 'next');
    assert.equal(slow.fetched.length, 1);
    assert.deepEqual(slow.logs, []);
    assert.deepEqual(next.logs, []);
    assert.deepEqual(sandbox.stats(), { isolates: 1, busy: 0, recycled: 0, memoryKills: 0 });
    await sandbox.close();
  });

  test('a prepared context binds to one run only and refuses host calls before it is bound', async () => {
    const { ivm } = loadIvm();
    const isolate = new ivm.Isolate({ memoryLimit: 16 });
    try {
      const prepared = await prepareContext({ ivm, isolate, tool: tool('export default async () => 1') });
      const bridge = new HostBridge({ host: fakeHost().host, maxHostCalls: 4, abort: () => {} });
      prepared.bind(bridge, SETTINGS);
      assert.throws(() => prepared.bind(bridge, SETTINGS), /only one run/);
      prepared.release();
    } finally {
      isolate.dispose();
    }
  });
});

describe('isolate pool and prepared contexts', () => {
  function fakePool() {
    const { ivm } = loadIvm();
    const made: { released: boolean }[] = [];
    const pool = new IsolatePool({
      ivm,
      poolSize: 2,
      maxIsolates: 4,
      maxRunsPerIsolate: 10,
      onCatastrophicError: () => {},
      prepare: async (_isolate: IsolatedVM.Isolate) => {
        const entry = { released: false };
        made.push(entry);
        return {
          release: () => {
            entry.released = true;
          },
        } as unknown as PreparedContext;
      },
    });
    return { pool, made };
  }

  test('each run takes its own prepared context and an idle isolate prepares the next one', async () => {
    const { pool, made } = fakePool();
    const lease = await pool.acquire(16);
    const first = await pool.takeContext(lease);
    const second = await pool.takeContext(lease);
    assert.notEqual(first, second);
    pool.release(lease, true);
    await lease.next;
    assert.equal(made.length, 3);
    pool.close();
  });

  test('closing the pool releases the prepared context of every idle isolate', async () => {
    const { pool, made } = fakePool();
    const a = await pool.acquire(16);
    const b = await pool.acquire(16);
    await pool.takeContext(a);
    await pool.takeContext(b);
    made.forEach((entry) => {
      entry.released = true;
    });
    pool.release(a, true);
    pool.release(b, true);
    await Promise.all([a.next, b.next]);
    const idle = made.filter((entry) => !entry.released);
    assert.equal(idle.length, 2);
    await pool.close();
    await new Promise((resolve) => setImmediate(resolve));
    assert.ok(idle.every((entry) => entry.released));
    assert.ok(a.isolate.isDisposed && b.isolate.isDisposed);
  });

  test('an isolate left with too much heap after a run is replaced before the next call, not reused', async () => {
    const { pool } = fakePool();
    const lease = await pool.acquire(16);
    const context = await lease.isolate.createContext();
    // 12 MB kept reachable from a live context: more than half of the 16 MB limit.
    await context.eval(
      'globalThis.keep = []; for (let i = 0; i < 12; i++) keep.push(new Uint8Array(1 << 20).fill(1));',
    );
    pool.release(lease, true);
    const next = await pool.acquire(16);
    assert.notEqual(next.isolate, lease.isolate);
    assert.ok(lease.isolate.isDisposed);
    assert.equal(pool.recycled, 1);
    pool.release(next, true);
    pool.close();
  });
});
