/**
 * Function body run first in every fresh context, before any tool code (see prepare.ts): the two host
 * channels arrive as its arguments ($0, $1), so they never touch globalThis and live only in closures here.
 * Contexts are prepared ahead of the call they serve, so the channels are stable trampolines into whichever
 * run the host binds to this context later (one run per context). Tool code can reach the host solely through
 * the frozen `airlock` object, and only with strings (JSON) in and out. It also removes globals that only
 * widen the attack surface. Everything it needs later is captured here, before tool code can tamper with
 * prototypes. It returns the runner the host calls with the tool module's namespace, the input JSON and the
 * run's settings JSON; the runner returns 't' + text, 'j' + JSON or 'e' + a coded error.
 */
export interface BootstrapSettings {
  maxHostCalls: number;
  maxOutputBytes: number;
  maxLogChars: number;
}

export const BOOTSTRAP_SOURCE = `'use strict';
  const g = globalThis;
  const hostCall = $0;
  const hostNotify = $1;
  // The run's limits come from the host once a run is bound: as run()'s argument, or asked for through the
  // sync channel if the tool module's top-level code calls the host before run() starts.
  let settings;
  const limits = () => {
    if (settings === undefined) settings = freeze(parse(hostNotify('settings', '')));
    return settings;
  };
  // Shared memory, blocking waits and WebAssembly memories are not needed by tools and only widen the surface.
  delete g.SharedArrayBuffer;
  delete g.Atomics;
  delete g.WebAssembly;

  const apply = Reflect.apply;
  const refApply = hostCall.apply;
  const parse = JSON.parse;
  const stringify = JSON.stringify;
  const freeze = Object.freeze;
  const create = Object.create;
  const ErrorCtor = Error;
  const StringCtor = String;
  const isArray = Array.isArray;
  const join = Array.prototype.join;
  const map = Array.prototype.map;
  const slice = String.prototype.slice;
  const ownKeys = Object.keys;
  // Options objects without a prototype: a polluted Object.prototype cannot change how isolated-vm reads them.
  const callOptions = freeze({ __proto__: null, result: freeze({ __proto__: null, promise: true }) });

  // The host counts too and is authoritative; this local count keeps a flood from reaching the host at all
  // (one call past the limit still crosses so the host can record the failure).
  let calls = 0;
  const spend = () => {
    calls += 1;
    const max = limits().maxHostCalls;
    if (calls > max + 1) {
      throw new ErrorCtor('ERR_SANDBOX_HOST_CALLS: more than ' + max + ' host calls');
    }
  };
  const callHost = async (op, payload) => {
    spend();
    const reply = parse(await apply(refApply, hostCall, [undefined, [op, stringify(payload)], callOptions]));
    if (reply.ok !== true) throw new ErrorCtor(StringCtor(reply.message));
    return reply.value;
  };
  const notifyHost = (op, payload) => {
    spend();
    const reply = parse(hostNotify(op, stringify(payload)));
    if (reply.ok !== true) throw new ErrorCtor(StringCtor(reply.message));
  };
  const describe = (value) => {
    if (typeof value === 'string') return value;
    try {
      const text = stringify(value);
      return text === undefined ? StringCtor(value) : text;
    } catch {
      return StringCtor(value);
    }
  };
  const format = (args) => apply(slice, apply(join, apply(map, args, [describe]), [' ']), [0, limits().maxLogChars]);
  const stringRecord = (value) => {
    const out = create(null);
    if (value === null || typeof value !== 'object') return out;
    for (const key of ownKeys(value)) out[key] = StringCtor(value[key]);
    return out;
  };

  const airlock = freeze({
    async fetch(url, init) {
      const options = init === null || typeof init !== 'object' ? {} : init;
      const request = { url: StringCtor(url) };
      if (options.method !== undefined) request.method = StringCtor(options.method);
      if (options.headers !== undefined) request.headers = stringRecord(options.headers);
      if (options.body !== undefined) request.body = typeof options.body === 'string' ? options.body : stringify(options.body);
      if (options.secret !== undefined) request.secret = StringCtor(options.secret);
      const res = await callHost('fetch', request);
      const body = res.body;
      return freeze({
        status: res.status,
        ok: res.status >= 200 && res.status < 300,
        url: res.url,
        headers: freeze(res.headers),
        body,
        truncated: res.truncated,
        bytes: res.bytes,
        async text() { return body; },
        async json() { return parse(body); },
      });
    },
    log(...args) {
      const levels = ['debug', 'info', 'warn', 'error'];
      const level = levels.includes(args[0]) && args.length > 1 ? args.shift() : 'info';
      notifyHost('log', { level, message: format(args) });
    },
    progress(done, total) {
      notifyHost('progress', total === undefined ? { done: +done } : { done: +done, total: +total });
    },
  });
  const toConsole = (level) => (...args) => notifyHost('log', { level, message: format(args) });
  g.console = freeze({
    debug: toConsole('debug'),
    log: toConsole('info'),
    info: toConsole('info'),
    warn: toConsole('warn'),
    error: toConsole('error'),
  });

  // 'e' results are written only here (tool code never reaches this closure), so the host can trust their codes.
  // A module namespace has no getters, so reading its default export runs no tool code.
  return async (namespace, inputJson, settingsJson) => {
    if (settings === undefined) settings = freeze(parse(settingsJson));
    const main = namespace.default;
    const maxOutputBytes = settings.maxOutputBytes;
    const tooLarge = 'eERR_SANDBOX_OUTPUT_TOO_LARGE: the result exceeds ' + maxOutputBytes + ' bytes';
    if (typeof main !== 'function') return 'eERR_MANIFEST_INVALID: the default export is not a function';
    const value = await main(parse(inputJson), airlock);
    // Length in UTF-16 units never exceeds UTF-8 bytes, so this early check never rejects a result that
    // fits; the host re-checks bytes.
    if (typeof value === 'string') return value.length > maxOutputBytes ? tooLarge : 't' + value;
    let json;
    try {
      json = stringify(value === undefined ? null : value);
    } catch (error) {
      return 'eERR_TOOL_FAILED: the result is not JSON-serializable: ' + describe(error && error.message);
    }
    if (json === undefined) return 'eERR_TOOL_FAILED: the result is not JSON-serializable';
    return json.length > maxOutputBytes ? tooLarge : 'j' + json;
  };`;
