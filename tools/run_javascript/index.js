// run_javascript: evaluates agent code inside this tool's own sealed isolate context. The sandbox around
// the tool is the security boundary (CPU time, wall clock, memory, output size, egress), so code
// generation from strings here is the point, not a risk.

const MAX_LOG_ENTRIES = 100;
const MAX_LOG_CHARS = 16000;
const { stringify, parse } = JSON;
const AsyncFunction = (async () => {}).constructor;
// Indirect eval: global scope, and the completion value of the last statement (what a REPL shows).
// biome-ignore lint/security/noGlobalEval: evaluating agent code inside the sealed isolate is this tool's job.
const globalEval = globalThis.eval;

function describe(value) {
  if (typeof value === 'string') return value;
  if (value instanceof Error) return `${value.name}: ${value.message}`;
  try {
    const text = stringify(value);
    return text === undefined ? String(value) : text;
  } catch {
    return String(value);
  }
}

/** JSON for the result: BigInt, functions and symbols become strings; cycles make the whole value a string. */
function jsonReplacer(_key, value) {
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'function' || typeof value === 'symbol') return String(value);
  return value;
}

function toJson(value) {
  try {
    const text = stringify(value, jsonReplacer);
    return text === undefined ? null : parse(text);
  } catch {
    return String(value);
  }
}

function typeOf(value) {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

/** A REPL: the completion value of the last statement; with top-level `await` or `return`, an async body. */
async function evaluate(code) {
  try {
    return await globalEval(code);
  } catch (error) {
    if (error instanceof SyntaxError && /await|return/i.test(error.message)) return new AsyncFunction(code)();
    throw error;
  }
}

export default async function runJavascript(input, airlock) {
  const logs = [];
  let logChars = 0;
  const capture =
    (level) =>
    (...args) => {
      if (logs.length >= MAX_LOG_ENTRIES || logChars >= MAX_LOG_CHARS) return;
      const line = `${level === 'log' ? '' : `[${level}] `}${args.map(describe).join(' ')}`.slice(
        0,
        MAX_LOG_CHARS - logChars,
      );
      logChars += line.length;
      logs.push(line);
    };
  globalThis.console = {
    log: capture('log'),
    info: capture('info'),
    debug: capture('debug'),
    warn: capture('warn'),
    error: capture('error'),
  };
  globalThis.input = input.input === undefined ? null : input.input;
  globalThis.fetch = (url, init) => airlock.fetch(url, init);
  try {
    const value = await evaluate(input.code);
    return { ok: true, value: toJson(value), type: typeOf(value), logs };
  } catch (error) {
    return { ok: false, error: describe(error), logs };
  }
}
