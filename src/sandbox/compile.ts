import { createHash } from 'node:crypto';
import type { Decision } from '../errors.js';
import { loadIvm } from './ivm-loader.js';
import { dispose, releaseHandle } from './pool.js';
import type { CompiledTool, ToolSource } from './types.js';

const CHECK_MEMORY_MB = 16;
const CHECK_TIMEOUT_MS = 500;

/**
 * Checks tool source once, at load, in a throwaway isolate: it must parse as an ES module, import nothing
 * and default-export a function. Modules belong to the isolate that compiled them, so what is kept is the
 * checked source; each call compiles it again in its fresh context.
 */
export async function compileTool(source: ToolSource): Promise<Decision<{ tool: CompiledTool }>> {
  const { ivm } = loadIvm();
  const isolate = new ivm.Isolate({ memoryLimit: CHECK_MEMORY_MB });
  // Released before the isolate is disposed: a handle left to the garbage collector is finalized at some
  // later point, possibly while the process exits, where isolated-vm can abort (seen twice in CI, after
  // every test of a file had passed: "IsolateEnvironment::GetCurrent(): Assertion `environment !=
  // nullptr' failed").
  const handles: { release(): void }[] = [];
  try {
    const context = await isolate.createContext();
    handles.push(context);
    const module = await isolate.compileModule(source.code, { filename: source.filename });
    handles.push(module);
    if (module.dependencySpecifiers.length > 0) {
      return fail(`imports are not allowed in tools (${module.dependencySpecifiers.join(', ')})`);
    }
    await module.instantiate(context, () => {
      throw new Error('imports are not allowed in tools');
    });
    await module.evaluate({ timeout: CHECK_TIMEOUT_MS });
    const main = await module.namespace.get('default', { reference: true });
    handles.push(main);
    if (main.typeof !== 'function')
      return fail('the default export must be a function (input, airlock) => result');
    const digest = createHash('sha256').update(source.code).digest('hex');
    return {
      ok: true,
      tool: Object.freeze({ kind: 'compiled-tool', code: source.code, filename: source.filename, digest }),
    };
  } catch (error) {
    const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    return fail(text);
  } finally {
    for (const handle of handles.reverse()) releaseHandle(handle);
    dispose(isolate);
  }
}

function fail(reason: string): { ok: false; code: 'ERR_MANIFEST_INVALID'; reason: string } {
  return { ok: false, code: 'ERR_MANIFEST_INVALID', reason };
}
