import type IsolatedVM from 'ivm5';
import { BOOTSTRAP_SOURCE, type BootstrapSettings } from './bootstrap.js';
import type { HostBridge } from './host-bridge.js';
import type { Ivm } from './ivm-loader.js';
import { releaseHandle } from './pool.js';
import type { ToolSource } from './types.js';

const BOOTSTRAP_TIMEOUT_MS = 1000;
/** The bootstrap as a function of the two host channels, compiled as a Script so V8's code cache applies. */
const BOOTSTRAP_SCRIPT = `(function ($0, $1) {${BOOTSTRAP_SOURCE}\n})`;
const UNBOUND_REPLY = JSON.stringify({ ok: false, message: 'ERR_SANDBOX_TIMEOUT: no run is bound' });

/**
 * A fresh context with the bootstrap already run, made while its isolate sits idle so a call does not wait
 * for it. It serves exactly one run: `bind` routes its host channels to that run's bridge and limits (host
 * side only, no round trip into the isolate); a second `bind` throws. No tool code runs in it before the run:
 * the tool module it may hold (the isolate's previous tool, guessed to come again) is compiled and linked,
 * never evaluated.
 */
export interface PreparedContext {
  /** The bootstrap's runner: `(namespace, inputJson, settingsJson)`. */
  readonly runner: IsolatedVM.Reference;
  /** Returns the settings JSON to hand to the runner. */
  bind(bridge: HostBridge, settings: BootstrapSettings): string;
  /** `tool` compiled and linked in this context, not yet evaluated: the prepared one if it matches. */
  moduleFor(tool: ToolSource): Promise<IsolatedVM.Module>;
  /** Releases every handle it holds (also when it was never used). */
  release(): void;
}

export async function prepareContext(opts: {
  ivm: Ivm;
  isolate: IsolatedVM.Isolate;
  /** The tool to compile ahead, if one is expected. */
  tool?: ToolSource | undefined;
}): Promise<PreparedContext> {
  const { ivm, isolate } = opts;
  // The channels are created before the run they serve exists, so they dispatch to a late-bound bridge.
  let bridge: HostBridge | undefined;
  let settingsJson = '';
  const handles: { release(): void }[] = [];
  const release = () => {
    for (const handle of handles.splice(0)) releaseHandle(handle);
  };
  try {
    // Independent steps go to the isolate together: its thread runs them in turn, but the round trips overlap.
    const [context, script, compiled] = await settleAll(handles, [
      isolate.createContext(),
      compileBootstrap(isolate),
      // Only a guess: a tool that does not compile fails later, in its own run.
      opts.tool ? compileGuess(isolate, opts.tool) : Promise.resolve(undefined),
    ] as const);
    const callRef = new ivm.Reference(async (op: unknown, payload: unknown): Promise<string> => {
      const run = bridge;
      if (!run) return UNBOUND_REPLY;
      const reply = await run.call(op, payload);
      // A reply after its run settled would resume tool code outside every limit, possibly while the
      // isolate serves the next call: it never arrives.
      return run.ended ? new Promise<string>(() => {}) : reply;
    });
    handles.push(callRef);
    // 'settings' is asked only by the bootstrap itself (tool code never holds this channel) and is not a host call.
    const notify = new ivm.Callback((op: unknown, payload: unknown) => {
      if (!bridge) return UNBOUND_REPLY;
      return op === 'settings' ? settingsJson : bridge.notify(op, payload);
    });
    // Linking runs no tool code, so it may go alongside the bootstrap.
    const [runner, linked] = await settleAll(handles, [
      runBootstrap(script, context, [callRef, notify]),
      compiled
        ? link(compiled, context).then(
            () => true,
            () => false,
          )
        : Promise.resolve(false),
    ] as const);
    if (compiled && !linked) {
      // A failed link leaves the context unfit for another module: start over without the guess.
      release();
      return prepareContext({ ivm, isolate });
    }
    let ahead = compiled && opts.tool ? { tool: opts.tool, module: compiled } : undefined;
    return {
      runner,
      bind(next, settings) {
        if (bridge) throw new Error('a prepared context serves only one run');
        bridge = next;
        settingsJson = JSON.stringify(settings);
        return settingsJson;
      },
      async moduleFor(tool) {
        const prepared = ahead;
        ahead = undefined;
        if (prepared && prepared.tool.code === tool.code && prepared.tool.filename === tool.filename) {
          return prepared.module;
        }
        const module = await compileTool(isolate, tool);
        handles.push(module);
        await link(module, context);
        return module;
      },
      release,
    };
  } catch (error) {
    release();
    throw error;
  }
}

/**
 * V8's code cache for the bootstrap, made by the first compile and valid for every isolate of this process:
 * later contexts skip parsing it (about 0.2 ms each). Each context still compiles its own Script, released
 * with the context, so no compiled code is shared between contexts. Only our own source is cached, never
 * tool code.
 */
let bootstrapCache: IsolatedVM.ExternalCopy<ArrayBuffer> | undefined;

async function compileBootstrap(isolate: IsolatedVM.Isolate): Promise<IsolatedVM.Script> {
  const filename = 'airlock:bootstrap.js';
  // isolated-vm's typings leave out the cache fields a compiled Script carries.
  const script: IsolatedVM.Script & IsolatedVM.CachedDataResult = await isolate.compileScript(
    BOOTSTRAP_SCRIPT,
    bootstrapCache ? { filename, cachedData: bootstrapCache } : { filename, produceCachedData: true },
  );
  bootstrapCache ??= script.cachedData;
  return script;
}

async function runBootstrap(
  script: IsolatedVM.Script,
  context: IsolatedVM.Context,
  channels: [IsolatedVM.Reference, IsolatedVM.Callback],
): Promise<IsolatedVM.Reference> {
  const factory: IsolatedVM.Reference = await script.run(context, {
    reference: true,
    timeout: BOOTSTRAP_TIMEOUT_MS,
  });
  try {
    return await factory.apply(undefined, channels, {
      result: { reference: true },
      timeout: BOOTSTRAP_TIMEOUT_MS,
    });
  } finally {
    factory.release();
  }
}

function compileTool(isolate: IsolatedVM.Isolate, tool: ToolSource): Promise<IsolatedVM.Module> {
  return isolate.compileModule(tool.code, { filename: tool.filename });
}

/** A tool compiled ahead only if it imports nothing: linking it then cannot fail. */
async function compileGuess(
  isolate: IsolatedVM.Isolate,
  tool: ToolSource,
): Promise<IsolatedVM.Module | undefined> {
  const module = await compileTool(isolate, tool).catch(() => undefined);
  if (module && module.dependencySpecifiers.length > 0) {
    module.release();
    return undefined;
  }
  return module;
}

function link(module: IsolatedVM.Module, context: IsolatedVM.Context): Promise<void> {
  return module.instantiate(context, (specifier) => {
    throw new Error(`imports are not allowed in tools (${specifier})`);
  });
}

/**
 * Awaits every step; whatever they produced that holds a handle joins `handles` (so it is released even when
 * another step failed), then the first failure is thrown.
 */
async function settleAll<T extends readonly unknown[]>(
  handles: { release(): void }[],
  steps: { [K in keyof T]: Promise<T[K]> },
): Promise<T> {
  const results = await Promise.allSettled(steps);
  for (const result of results) {
    const value: unknown = result.status === 'fulfilled' ? result.value : undefined;
    if (value !== null && typeof value === 'object' && 'release' in value) {
      handles.push(value as { release(): void });
    }
  }
  const failed = results.find((result) => result.status === 'rejected');
  if (failed) throw failed.reason;
  return results.map((result) => (result as PromiseFulfilledResult<unknown>).value) as unknown as T;
}
