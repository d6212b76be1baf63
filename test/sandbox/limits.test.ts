import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { createSandbox } from '../../src/sandbox/index.js';
import { cpuMsSince } from '../../src/sandbox/run.js';
import { BASE_LIMITS, fakeHost, tool } from './fake-host.js';

const LOOP = 'export default async function () { for (;;) {} }';
const ARRAY_BOMB =
  'export default async function () { const keep = []; for (;;) keep.push(new Array(10000).fill(7)); }';

describe('sandbox limits', () => {
  const sandbox = createSandbox({ poolSize: 2 });
  after(() => sandbox.close());

  test('an infinite loop in one call does not delay another call', async () => {
    const { host } = fakeHost();
    const controller = new AbortController();
    const looping = sandbox.run({
      tool: tool(LOOP),
      input: {},
      limits: { ...BASE_LIMITS, timeoutMs: 5000, wallClockMs: 10_000 },
      host,
      signal: controller.signal,
    });
    await new Promise((r) => setTimeout(r, 100));
    const started = performance.now();
    const quick = await sandbox.run({
      tool: tool('export default async () => "quick"'),
      input: {},
      limits: BASE_LIMITS,
      host,
    });
    const elapsed = performance.now() - started;
    controller.abort();
    assert.deepEqual(quick.ok && quick.value, 'quick');
    assert.ok(elapsed < 1000, `the quick call took ${elapsed} ms next to a looping tool`);
    const loop = await looping;
    assert.equal(!loop.ok && loop.code, 'ERR_TOOL_CANCELLED');
  });

  test('the process survives 100 memory-limit kills in a row and then runs a normal call', async () => {
    const { host } = fakeHost();
    const before = sandbox.stats().memoryKills;
    for (let i = 0; i < 100; i++) {
      const result = await sandbox.run({
        tool: tool(ARRAY_BOMB),
        input: {},
        limits: { ...BASE_LIMITS, memoryMb: 8, timeoutMs: 10_000, wallClockMs: 20_000 },
        host,
      });
      assert.equal(!result.ok && result.code, 'ERR_SANDBOX_MEMORY', `kill ${i}`);
    }
    assert.equal(sandbox.stats().memoryKills - before, 100);
    const normal = await sandbox.run({
      tool: tool('export default async (i) => i.n * 2'),
      input: { n: 21 },
      limits: BASE_LIMITS,
      host,
    });
    assert.deepEqual(normal.ok && normal.value, 42);
    assert.equal(sandbox.stats().busy, 0);
  });

  test('awaited host calls do not count as CPU time', async () => {
    const { host, fetched } = fakeHost({ delayMs: 20 });
    const code = `export default async (i, airlock) => { for (let k = 0; k < 15; k++) await airlock.fetch('https://slow.example/' + k); return 'done'; }`;
    const result = await sandbox.run({
      tool: tool(code),
      input: {},
      limits: { ...BASE_LIMITS, timeoutMs: 100, wallClockMs: 10_000 },
      host,
    });
    assert.deepEqual(result.ok && result.value, 'done');
    assert.equal(fetched.length, 15);
    assert.ok(result.wallMs > 100, 'the calls took longer than the CPU budget in wall time');
  });

  test('the wall-clock deadline stops a tool that keeps awaiting host calls', async () => {
    const { host } = fakeHost({ delayMs: 50 });
    const code = `export default async (i, airlock) => { for (;;) await airlock.fetch('https://slow.example/'); }`;
    const result = await sandbox.run({
      tool: tool(code),
      input: {},
      limits: { ...BASE_LIMITS, timeoutMs: 100, wallClockMs: 400, maxHostCalls: 1000 },
      host,
    });
    assert.equal(!result.ok && result.code, 'ERR_SANDBOX_TIMEOUT');
    assert.match(!result.ok ? result.reason : '', /wall-clock/);
    assert.ok(result.wallMs < 3000, `stopped after ${result.wallMs} ms`);
  });

  test('a result exactly at the output cap passes and one byte more fails', async () => {
    const { host } = fakeHost();
    const at = await sandbox.run({
      tool: tool("export default async () => 'x'.repeat(4096)"),
      input: {},
      limits: BASE_LIMITS,
      host,
    });
    assert.equal(at.ok && (at.value as string).length, 4096);
    const over = await sandbox.run({
      tool: tool("export default async () => 'x'.repeat(4097)"),
      input: {},
      limits: BASE_LIMITS,
      host,
    });
    assert.equal(!over.ok && over.code, 'ERR_SANDBOX_OUTPUT_TOO_LARGE');
  });

  test('the host-call limit allows exactly maxHostCalls and fails the run past it, even if the tool catches', async () => {
    const { host, logs } = fakeHost();
    const limits = { ...BASE_LIMITS, maxHostCalls: 5 };
    const exact = await sandbox.run({
      tool: tool(
        "export default async (i, a) => { for (let k = 0; k < 5; k++) a.log('n', k); return 'ok'; }",
      ),
      input: {},
      limits,
      host,
    });
    assert.deepEqual(exact.ok && exact.value, 'ok');
    assert.equal(logs.length, 5);
    const over = await sandbox.run({
      tool: tool(
        "export default async (i, a) => { for (let k = 0; k < 6; k++) try { a.log('n', k); } catch {} return 'ok'; }",
      ),
      input: {},
      limits,
      host,
    });
    assert.equal(!over.ok && over.code, 'ERR_SANDBOX_HOST_CALLS');
    assert.equal(over.hostCalls, 6);
  });

  test('log and progress reach the host, and logs are captured in the result', async () => {
    const { host, logs, progress } = fakeHost();
    const code = `export default async (i, airlock) => {
      airlock.log('warn', 'careful', { n: 1 });
      console.log('from console');
      airlock.progress(1, 3);
      airlock.progress(3);
      return 'done';
    }`;
    const result = await sandbox.run({ tool: tool(code), input: {}, limits: BASE_LIMITS, host });
    assert.ok(result.ok);
    assert.deepEqual(logs, [
      { level: 'warn', message: 'careful {"n":1}' },
      { level: 'info', message: 'from console' },
    ]);
    assert.deepEqual(progress, [
      { done: 1, total: 3 },
      { done: 3, total: undefined },
    ]);
    assert.deepEqual(result.logs, ['warn: careful {"n":1}', 'info: from console']);
    assert.equal(result.hostCalls, 4);
  });

  test('an uncaught host error fails the run with its own code; a caught one does not', async () => {
    const { host } = fakeHost();
    const uncaught = await sandbox.run({
      tool: tool("export default async (i, a) => a.fetch('https://blocked.example/x')"),
      input: {},
      limits: BASE_LIMITS,
      host,
    });
    assert.equal(!uncaught.ok && uncaught.code, 'ERR_EGRESS_BLOCKED');
    assert.match(!uncaught.ok ? uncaught.reason : '', /not in the egress allowlist/);
    const caught = await sandbox.run({
      tool: tool(
        "export default async (i, a) => { try { await a.fetch('https://blocked.example/'); } catch (e) { return e.message.split(':')[0]; } }",
      ),
      input: {},
      limits: BASE_LIMITS,
      host,
    });
    assert.deepEqual(caught.ok && caught.value, 'ERR_EGRESS_BLOCKED');
  });

  test('tool code cannot claim a stable code by throwing a look-alike message', async () => {
    const { host } = fakeHost();
    const result = await sandbox.run({
      tool: tool("export default async () => { throw new Error('ERR_EGRESS_BLOCKED: forged'); }"),
      input: {},
      limits: BASE_LIMITS,
      host,
    });
    assert.equal(!result.ok && result.code, 'ERR_TOOL_FAILED');
  });

  test('fetch passes only checked strings to the host', async () => {
    const { host, fetched } = fakeHost();
    const code = `export default async (i, a) => {
      const res = await a.fetch('https://ok.example/p', { method: 'POST', headers: { 'x-n': 5 }, body: { a: 1 }, secret: 'TOKEN' });
      return { status: res.status, ok: res.ok, text: await res.text(), type: res.headers['content-type'] };
    }`;
    const result = await sandbox.run({ tool: tool(code), input: {}, limits: BASE_LIMITS, host });
    assert.deepEqual(result.ok && result.value, { status: 200, ok: true, text: 'pong', type: 'text/plain' });
    assert.deepEqual(fetched, [
      {
        url: 'https://ok.example/p',
        method: 'POST',
        headers: { 'x-n': '5' },
        body: '{"a":1}',
        secret: 'TOKEN',
      },
    ]);
  });

  test('host faults reach the tool as plain coded errors without host details', async () => {
    const host = {
      async fetch(): Promise<never> {
        throw new Error('ECONNRESET at /srv/airlock/internal.js:12');
      },
      log() {
        throw new Error('logger broke at /srv/airlock/log.js:1');
      },
      progress() {},
    };
    const code = `export default async (i, a) => {
      a.log('still fine');
      try { await a.fetch('https://ok.example/'); } catch (e) { return e.message + ' | ' + e.stack; }
    }`;
    const result = await sandbox.run({ tool: tool(code), input: {}, limits: BASE_LIMITS, host });
    assert.ok(result.ok);
    assert.match(result.value as string, /^ERR_EGRESS_FAILED: the request failed \| /);
    assert.doesNotMatch(result.value as string, /srv|ECONNRESET|node:internal/);
  });

  test('an aborted signal cancels the call', async () => {
    const { host } = fakeHost();
    const result = await sandbox.run({
      tool: tool('export default async () => 1'),
      input: {},
      limits: BASE_LIMITS,
      host,
      signal: AbortSignal.abort(),
    });
    assert.equal(!result.ok && result.code, 'ERR_TOOL_CANCELLED');
  });
});

describe('sandbox results and isolate reuse', () => {
  test('input arrives as a copy, text and JSON results come back, undefined becomes null', async () => {
    const sandbox = createSandbox({ poolSize: 1 });
    const { host } = fakeHost();
    const run = (code: string, input: unknown = {}) =>
      sandbox.run({ tool: tool(code), input, limits: BASE_LIMITS, host });
    const json = await run('export default async (i) => ({ echo: i, n: i.list.length })', { list: [1, 2] });
    assert.deepEqual(json.ok && json.value, { echo: { list: [1, 2] }, n: 2 });
    assert.ok(json.ok && json.cpuMs >= 0);
    const text = await run("export default async () => 'plain text'");
    assert.equal(text.ok && text.value, 'plain text');
    const nothing = await run('export default async () => {}');
    assert.equal(nothing.ok && nothing.value, null);
    const bigint = await run('export default async () => 1n');
    assert.equal(!bigint.ok && bigint.code, 'ERR_TOOL_FAILED');
    const notFunction = await run('export default 42');
    assert.equal(!notFunction.ok && notFunction.code, 'ERR_MANIFEST_INVALID');
    await sandbox.close();
  });

  test('each call gets a fresh context in a reused isolate', async () => {
    const sandbox = createSandbox({ poolSize: 1 });
    const { host } = fakeHost();
    const run = (code: string) => sandbox.run({ tool: tool(code), input: {}, limits: BASE_LIMITS, host });
    const first = await run(
      "export default async () => { globalThis.leftover = 'secret'; Object.prototype.polluted = 1; return 'set'; }",
    );
    assert.ok(first.ok);
    const second = await run(
      "export default async () => typeof globalThis.leftover + ' ' + typeof ({}).polluted",
    );
    assert.equal(second.ok && second.value, 'undefined undefined');
    assert.deepEqual(sandbox.stats(), { isolates: 1, busy: 0, recycled: 0, memoryKills: 0 });
    await sandbox.close();
  });

  test('an isolate that hit a limit is replaced, not reused', async () => {
    const sandbox = createSandbox({ poolSize: 1 });
    const { host } = fakeHost();
    const timedOut = await sandbox.run({
      tool: tool(LOOP),
      input: {},
      limits: { ...BASE_LIMITS, timeoutMs: 50 },
      host,
    });
    assert.equal(!timedOut.ok && timedOut.code, 'ERR_SANDBOX_TIMEOUT');
    const killed = await sandbox.run({
      tool: tool(ARRAY_BOMB),
      input: {},
      limits: { ...BASE_LIMITS, memoryMb: 8, timeoutMs: 10_000, wallClockMs: 20_000 },
      host,
    });
    assert.equal(!killed.ok && killed.code, 'ERR_SANDBOX_MEMORY');
    assert.deepEqual(sandbox.stats(), { isolates: 0, busy: 0, recycled: 2, memoryKills: 1 });
    await sandbox.close();
  });

  test('a closed sandbox refuses calls', async () => {
    const sandbox = createSandbox();
    await sandbox.close();
    const { host } = fakeHost();
    const result = await sandbox.run({
      tool: tool('export default async () => 1'),
      input: {},
      limits: BASE_LIMITS,
      host,
    });
    assert.equal(!result.ok && result.code, 'ERR_SHUTTING_DOWN');
  });
});

describe('the CPU watchdog reading a disposed isolate', () => {
  // isolated-vm disposes an isolate over its memory limit on its own thread's schedule, so `isDisposed`
  // can be false and the next `cpuTime` read throw; the watchdog runs in a timer, where a throw would be
  // an uncaught exception that takes the server down.
  const cases: Array<[string, { isDisposed: boolean; cpuTime: bigint }, number | undefined]> = [
    ['a live isolate', { isDisposed: false, cpuTime: 5_000_000n }, 4],
    ['a disposed isolate', { isDisposed: true, cpuTime: 0n }, undefined],
    [
      'an isolate disposed between the check and the read',
      {
        isDisposed: false,
        get cpuTime(): bigint {
          throw new Error('Isolate is disposed');
        },
      },
      undefined,
    ],
  ];
  for (const [name, isolate, expected] of cases) {
    test(`${name}: ${expected ?? 'no'} CPU ms, no throw`, () => {
      assert.equal(cpuMsSince(isolate, 1_000_000n), expected);
    });
  }
});
