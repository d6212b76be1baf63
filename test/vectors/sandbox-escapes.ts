/**
 * Sandbox escape and resource-exhaustion attempts, replayed by test/sandbox/escapes.test.ts. Each `code` is a
 * tool module run in the sandbox with the test host (fetch to https://blocked.example/ throws
 * ERR_EGRESS_BLOCKED, other URLs answer "pong"). Probing rows return 'contained' when the attack failed.
 */
import type { ErrorCode } from '../../src/errors.js';
import type { SandboxLimits } from '../../src/sandbox/index.js';

export interface SandboxEscapeVector {
  id: string;
  attack: string;
  code: string;
  limits?: Partial<SandboxLimits>;
  expect: { value: 'contained' } | { code: ErrorCode };
  source: string;
}

const NODE_VM_DOCS =
  'Node.js docs, node:vm: "The node:vm module is not a security mechanism" (constructor chains to the host realm)';
const IVM_REFERENCE_ADVISORY =
  'isolated-vm CVE-2021-21413 / GHSA-mmhj-4w6j-76h7 (Reference prototype chain reaches the nodejs Function; tampering API prototypes)';

/** Walks everything reachable from a root (own keys, getters, prototypes) looking for isolated-vm handles. */
const FIND_HANDLES = `
const HANDLE_METHODS = /^(applySync|applySyncPromise|applyIgnored|derefInto|copySync)$/;
const HANDLE_CLASSES = new Set(['Reference', 'ExternalCopy', 'Callback', 'Isolate', 'Context', 'Dereference', 'NativeModule', 'Script', 'Module', 'Copy']);
function findHandles(roots) {
  const seen = new Set();
  const found = [];
  const visit = (value, path, depth) => {
    if (value === null || (typeof value !== 'object' && typeof value !== 'function') || seen.has(value) || depth > 8) return;
    seen.add(value);
    if (typeof value === 'function' && HANDLE_CLASSES.has(value.name)) found.push(path);
    for (const key of Reflect.ownKeys(value)) {
      let d;
      try { d = Object.getOwnPropertyDescriptor(value, key); } catch { continue; }
      const name = String(key);
      if (HANDLE_METHODS.test(name)) found.push(path + '.' + name);
      if (d && 'value' in d) visit(d.value, path + '.' + name, depth + 1);
      if (d && d.get) visit(d.get, path + '.get ' + name, depth + 1);
      if (d && d.set) visit(d.set, path + '.set ' + name, depth + 1);
    }
    visit(Object.getPrototypeOf(value), path + '.__proto__', depth + 1);
  };
  for (const [name, root] of Object.entries(roots)) visit(root, name, 0);
  return found;
}
const isForeign = (v) => v !== null && (typeof v === 'object' || typeof v === 'function') && findHandles({ v }).length > 0;
`;

const MEMORY_LIMITS: Partial<SandboxLimits> = { memoryMb: 16, timeoutMs: 5000, wallClockMs: 10_000 };

export const SANDBOX_ESCAPES: SandboxEscapeVector[] = [
  {
    id: 'constructor-chain-to-process',
    attack: 'reach the host realm through Function constructors of plain, host-provided and async functions',
    code: `export default async function (input, airlock) {
      const probes = [
        () => ({}).constructor.constructor('return typeof process')(),
        () => airlock.fetch.constructor.constructor('return typeof process')(),
        () => airlock.log.constructor('return typeof require')(),
        () => console.log.constructor('return typeof module')(),
        () => Function('return typeof globalThis.process')(),
        () => eval('typeof process + typeof require'),
      ];
      const results = probes.map((probe) => { try { return probe(); } catch { return 'threw'; } });
      return results.every((r) => /^(undefined)+$|^threw$/.test(r)) ? 'contained' : 'ESCAPED: ' + results.join();
    }`,
    expect: { value: 'contained' },
    source: NODE_VM_DOCS,
  },
  {
    id: 'node-globals-absent',
    attack: 'use Node.js globals: require, process, module, Buffer, timers, global fetch, host channels',
    code: `export default async function () {
      const names = ['require', 'process', 'module', 'exports', 'Buffer', 'setTimeout', 'setImmediate', 'fetch',
        '__airlockHostCall', '__airlockHostNotify', '__airlockSettings', 'ivm', '_ivm'];
      const present = names.filter((n) => n in globalThis);
      return present.length === 0 ? 'contained' : 'ESCAPED: ' + present.join();
    }`,
    expect: { value: 'contained' },
    source: NODE_VM_DOCS,
  },
  {
    id: 'reference-hunt',
    attack:
      'walk every object reachable from globalThis and the airlock API for an isolated-vm Reference or Callback',
    code: `${FIND_HANDLES}
    export default async function (input, airlock) {
      const found = findHandles({ globalThis, airlock, input, console });
      return found.length === 0 ? 'contained' : 'ESCAPED: ' + found.slice(0, 5).join(', ');
    }`,
    expect: { value: 'contained' },
    source: IVM_REFERENCE_ADVISORY,
  },
  {
    id: 'tamper-host-api-objects',
    attack: 'overwrite or extend the host-provided airlock object and its functions',
    code: `export default async function (input, airlock) {
      const attempts = [
        () => { airlock.fetch = () => 'hijacked'; },
        () => { Object.defineProperty(airlock, 'fetch', { value: 1 }); },
        () => { Object.setPrototypeOf(airlock, null); },
      ];
      const changed = attempts.filter((a) => { try { a(); return true; } catch { return false; } });
      return Object.isFrozen(airlock) && changed.length === 0 ? 'contained' : 'ESCAPED';
    }`,
    expect: { value: 'contained' },
    source: IVM_REFERENCE_ADVISORY,
  },
  {
    id: 'pollute-transfer-options',
    attack:
      'pollute Object.prototype with isolated-vm transfer options (reference, copy, result, promise...) and record every object they are read from during host calls',
    code: `${FIND_HANDLES}
    export default async function (input, airlock) {
      const seen = [];
      for (const key of ['reference', 'copy', 'externalCopy', 'promise', 'result', 'arguments', 'release', 'timeout', 'transferOut', 'unsafeInherit']) {
        Object.defineProperty(Object.prototype, key, { configurable: true, get() { seen.push(this); return key === 'reference' ? true : undefined; } });
      }
      const res = await airlock.fetch('https://ok.example/');
      airlock.log('after');
      airlock.progress(1, 2);
      const foreign = seen.filter(isForeign);
      return res.body === 'pong' && foreign.length === 0 ? 'contained' : 'ESCAPED: ' + res.body + ' ' + foreign.length;
    }`,
    expect: { value: 'contained' },
    source: IVM_REFERENCE_ADVISORY,
  },
  {
    id: 'promise-species-and-then',
    attack:
      'replace Promise[Symbol.species] and Promise.prototype.then to intercept host-call promises and handlers',
    code: `${FIND_HANDLES}
    export default async function (input, airlock) {
      const seen = [];
      const then = Promise.prototype.then;
      Promise.prototype.then = function (a, b) { seen.push(this, a, b); return then.call(this, a, b); };
      class Evil extends Promise {}
      Object.defineProperty(Promise, Symbol.species, { configurable: true, get() { seen.push(this); return Evil; } });
      const res = await airlock.fetch('https://ok.example/');
      let blocked = '';
      try { await airlock.fetch('https://blocked.example/'); } catch (e) { blocked = e.message; seen.push(e); }
      const foreign = seen.filter(isForeign);
      return res.body === 'pong' && blocked.startsWith('ERR_EGRESS_BLOCKED') && foreign.length === 0 ? 'contained' : 'ESCAPED';
    }`,
    expect: { value: 'contained' },
    source: 'vm2 CVE-2023-37466 (Promise handler sanitization bypassed with a @@species accessor)',
  },
  {
    id: 'prepare-stack-trace-frames',
    attack:
      'install Error.prepareStackTrace and collect getThis()/getFunction() of every frame around host calls',
    code: `${FIND_HANDLES}
    export default async function (input, airlock) {
      const seen = [];
      Error.prepareStackTrace = (error, frames) => {
        for (const f of frames) { try { seen.push(f.getThis(), f.getFunction()); } catch {} }
        return 'trace';
      };
      try { await airlock.fetch('https://blocked.example/'); } catch (e) { void e.stack; }
      try { airlock.log(); airlock.progress('x'); } catch (e) { void e.stack; }
      try { null.x; } catch (e) { void e.stack; }
      const foreign = seen.filter(isForeign);
      return foreign.length === 0 ? 'contained' : 'ESCAPED';
    }`,
    expect: { value: 'contained' },
    source: 'vm2 CVE-2023-29017 (host objects reach Error.prepareStackTrace in unhandled async errors)',
  },
  {
    id: 'host-error-object',
    attack: 'inspect the error a refused host call raises: realm, constructor chain and stack contents',
    code: `export default async function (input, airlock) {
      try { await airlock.fetch('https://blocked.example/'); return 'ESCAPED: no error'; } catch (e) {
        const sameRealm = e instanceof Error && Object.getPrototypeOf(e) === Error.prototype;
        const noHost = e.constructor.constructor('return typeof process')() === 'undefined';
        const stack = String(e.stack);
        const hostPaths = /\\/work\\/|\\/home\\/|node:internal|node_modules|file:\\/\\//.test(stack);
        const coded = e.message.startsWith('ERR_EGRESS_BLOCKED: ');
        return sameRealm && noHost && !hostPaths && coded ? 'contained' : 'ESCAPED: ' + [sameRealm, noHost, hostPaths, coded, stack].join(' | ');
      }
    }`,
    expect: { value: 'contained' },
    source: 'vm2 CVE-2023-30547 (unsanitized host exception raised inside handleException)',
  },
  {
    id: 'stack-trace-host-paths',
    attack: 'read stack traces of errors thrown in tool code and by builtins for host file paths',
    code: `export default async function () {
      const stacks = [];
      try { null.x; } catch (e) { stacks.push(e.stack); }
      stacks.push(new Error('probe').stack);
      try { JSON.parse('{'); } catch (e) { stacks.push(e.stack); }
      const leak = stacks.find((s) => /\\/work\\/|\\/home\\/|node:internal|node_modules|file:\\/\\//.test(String(s)));
      return leak === undefined ? 'contained' : 'ESCAPED: ' + leak;
    }`,
    expect: { value: 'contained' },
    source: 'CWE-209 (information exposure through an error message); vm2 CVE-2023-30547',
  },
  {
    id: 'proxy-as-host-call-argument',
    attack: 'pass Proxies as fetch init and headers so the host side runs attacker traps',
    code: `export default async function (input, airlock) {
      const traps = [];
      const headers = new Proxy({ a: 'b' }, { ownKeys(t) { traps.push('ownKeys'); return Reflect.ownKeys(t); } });
      const init = new Proxy({}, { get(t, key) { traps.push(String(key)); return key === 'headers' ? headers : undefined; } });
      const res = await airlock.fetch(new Proxy({ toString: () => 'https://ok.example/' }, {}), init);
      return res.body === 'pong' ? 'contained' : 'ESCAPED';
    }`,
    expect: { value: 'contained' },
    source: 'vm2 CVE-2023-32314 (host object created through the Proxy specification)',
  },
  {
    id: 'custom-inspect-in-log',
    attack: 'log objects carrying util.inspect.custom, toJSON and getters so the host formats them',
    code: `export default async function (input, airlock) {
      airlock.log({ [Symbol.for('nodejs.util.inspect.custom')]: () => 'inspected', get x() { return 'getter ran in isolate'; } });
      airlock.log({ toJSON() { return 'json-safe'; } });
      console.log(Symbol('s'), 10n);
      return 'contained';
    }`,
    expect: { value: 'contained' },
    source: 'vm2 CVE-2023-37903 (Node.js custom inspect function reached the host)',
  },
  {
    id: 'dynamic-import',
    attack: 'load a host module with dynamic import()',
    code: `export default async function () { const cp = await import('node:child_process'); return typeof cp.execSync; }`,
    expect: { code: 'ERR_TOOL_FAILED' },
    source:
      'Node.js docs, vm.Script importModuleDynamically (dynamic import() from a context reaches the host loader)',
  },
  {
    id: 'static-import',
    attack: 'load a host module with a static import',
    code: `import fs from 'node:fs';\nexport default async function () { return fs.readFileSync('/etc/passwd', 'utf8'); }`,
    expect: { code: 'ERR_TOOL_FAILED' },
    source: NODE_VM_DOCS,
  },
  {
    id: 'arguments-callee-caller',
    attack: 'a sloppy-mode default export walks arguments.callee.caller to the function that invoked it',
    code: `export default Function('input', 'airlock', "const c = arguments.callee.caller; return c === null || c === undefined ? 'contained' : 'ESCAPED: ' + String(c).slice(0, 80);");`,
    expect: { value: 'contained' },
    source: NODE_VM_DOCS,
  },
  {
    id: 'shared-memory-and-wasm',
    attack:
      'obtain SharedArrayBuffer/Atomics (high-resolution timers, blocking Atomics.wait) or WebAssembly memories',
    code: `export default async function () {
      const present = ['SharedArrayBuffer', 'Atomics', 'WebAssembly'].filter((n) => typeof globalThis[n] !== 'undefined');
      return present.length === 0 ? 'contained' : 'ESCAPED: ' + present.join();
    }`,
    expect: { value: 'contained' },
    source:
      'CVE-2017-5753 (Spectre v1): SharedArrayBuffer as a high-resolution timer; browsers gate it behind cross-origin isolation',
  },
  {
    id: 'sync-infinite-loop',
    attack: 'spin forever synchronously',
    code: 'export default async function () { for (;;) {} }',
    expect: { code: 'ERR_SANDBOX_TIMEOUT' },
    source: 'CWE-835 (loop with unreachable exit condition)',
  },
  {
    id: 'microtask-infinite-loop',
    attack: 'spin forever in the microtask queue (await in a loop), never returning to the host',
    code: 'export default async function () { for (;;) await null; }',
    expect: { code: 'ERR_SANDBOX_TIMEOUT' },
    source: 'CWE-835 (loop with unreachable exit condition)',
  },
  {
    id: 'loop-after-host-call',
    attack: 'await a host call first (the continuation runs outside isolated-vm’s own timeout), then spin',
    code: `export default async function (input, airlock) { await airlock.fetch('https://ok.example/'); for (;;) {} }`,
    expect: { code: 'ERR_SANDBOX_TIMEOUT' },
    source: 'CWE-835; isolated-vm docs: `timeout` applies to the call, not to later promise continuations',
  },
  {
    id: 'never-settling-await',
    attack: 'await a promise that never settles, holding the isolate without using CPU',
    code: 'export default async function () { await new Promise(() => {}); }',
    limits: { wallClockMs: 300 },
    expect: { code: 'ERR_SANDBOX_TIMEOUT' },
    source: 'CWE-400 (uncontrolled resource consumption)',
  },
  {
    id: 'array-memory-bomb',
    attack: 'grow an array of arrays until the heap is exhausted',
    code: 'export default async function () { const keep = []; for (;;) keep.push(new Array(10000).fill(7)); }',
    limits: MEMORY_LIMITS,
    expect: { code: 'ERR_SANDBOX_MEMORY' },
    source: 'CWE-789 (memory allocation with excessive size value); isolated-vm memoryLimit docs',
  },
  {
    id: 'string-doubling-bomb',
    attack: 'double a string until allocation fails',
    code: "export default async function () { let s = 'x'; for (;;) s += s; }",
    limits: MEMORY_LIMITS,
    expect: { code: 'ERR_SANDBOX_MEMORY' },
    source: 'CWE-789 (memory allocation with excessive size value)',
  },
  {
    id: 'arraybuffer-bomb',
    attack: 'allocate one huge ArrayBuffer outside the V8 heap',
    code: 'export default async function () { return new ArrayBuffer(2 ** 31).byteLength; }',
    limits: MEMORY_LIMITS,
    expect: { code: 'ERR_SANDBOX_MEMORY' },
    source: 'CWE-789; isolated-vm docs: externally allocated ArrayBuffers count against memoryLimit',
  },
  {
    id: 'arraybuffer-accumulation',
    attack: 'keep allocating 1 MiB ArrayBuffers so external memory grows past the limit',
    code: 'export default async function () { const keep = []; for (;;) keep.push(new Uint8Array(1 << 20).fill(1)); }',
    limits: MEMORY_LIMITS,
    expect: { code: 'ERR_SANDBOX_MEMORY' },
    source: 'CWE-789; isolated-vm docs: externally allocated ArrayBuffers count against memoryLimit',
  },
  {
    id: 'deep-recursion',
    attack: 'recurse without bound to overflow the stack',
    code: 'export default async function () { const f = (n) => f(n + 1) + 1; return f(0); }',
    expect: { code: 'ERR_TOOL_FAILED' },
    source: 'CWE-674 (uncontrolled recursion)',
  },
  {
    id: 'huge-output-string',
    attack: 'return a string larger than the output cap',
    code: "export default async function () { return 'x'.repeat(4097); }",
    expect: { code: 'ERR_SANDBOX_OUTPUT_TOO_LARGE' },
    source: 'CWE-400 (uncontrolled resource consumption)',
  },
  {
    id: 'huge-output-multibyte',
    attack: 'return fewer characters than the cap that are more UTF-8 bytes than the cap',
    code: "export default async function () { return '\\u00e9'.repeat(3000); }",
    expect: { code: 'ERR_SANDBOX_OUTPUT_TOO_LARGE' },
    source: 'CWE-400 (uncontrolled resource consumption)',
  },
  {
    id: 'huge-output-json',
    attack: 'return a JSON value whose serialisation exceeds the output cap',
    code: 'export default async function () { return Array.from({ length: 5000 }, (_, i) => i); }',
    expect: { code: 'ERR_SANDBOX_OUTPUT_TOO_LARGE' },
    source: 'CWE-400 (uncontrolled resource consumption)',
  },
  {
    id: 'log-flood',
    attack: 'call airlock.log in a loop, swallowing every error',
    code: "export default async function (input, airlock) { for (;;) { try { airlock.log('flood'); } catch {} } }",
    expect: { code: 'ERR_SANDBOX_HOST_CALLS' },
    source: 'CWE-770 (allocation of resources without limits or throttling)',
  },
  {
    id: 'fetch-flood-parallel',
    attack: 'start hundreds of host fetches at once, swallowing every error',
    code: `export default async function (input, airlock) {
      await Promise.all(Array.from({ length: 500 }, () => airlock.fetch('https://ok.example/').catch(() => 0)));
      return 'done';
    }`,
    expect: { code: 'ERR_SANDBOX_HOST_CALLS' },
    source: 'CWE-770 (allocation of resources without limits or throttling)',
  },
];
