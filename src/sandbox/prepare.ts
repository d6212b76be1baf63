import type IsolatedVM from 'ivm5';
import { BOOTSTRAP_SOURCE, type BootstrapSettings } from './bootstrap.js';
import type { HostBridge } from './host-bridge.js';
import type { Ivm } from './ivm-loader.js';
import type { ToolSource } from './types.js';

const BOOTSTRAP_TIMEOUT_MS = 1000;
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
    for (const handle of handles.splice(0)) {
      try {
        handle.release();
      } catch {
        // The isolate is gone, which released every handle with it.
      }
    }
  };
  try {
    const context = await isolate.createContext();
    handles.push(context);
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
    const runner: IsolatedVM.Reference = await context.evalClosure(BOOTSTRAP_SOURCE, [callRef, notify], {
      result: { reference: true },
      timeout: BOOTSTRAP_TIMEOUT_MS,
    });
    handles.push(runner);
    let ahead: { tool: ToolSource; module: IsolatedVM.Module } | undefined;
    if (opts.tool) {
      // Only a guess: a tool that does not compile or link here fails later, in its own run.
      const module = await linkTool(isolate, context, opts.tool).catch(() => undefined);
      if (module) {
        handles.push(module);
        ahead = { tool: opts.tool, module };
      }
    }
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
        const module = await linkTool(isolate, context, tool);
        handles.push(module);
        return module;
      },
      release,
    };
  } catch (error) {
    release();
    throw error;
  }
}

async function linkTool(
  isolate: IsolatedVM.Isolate,
  context: IsolatedVM.Context,
  tool: ToolSource,
): Promise<IsolatedVM.Module> {
  const module = await isolate.compileModule(tool.code, { filename: tool.filename });
  try {
    await module.instantiate(context, (specifier) => {
      throw new Error(`imports are not allowed in tools (${specifier})`);
    });
    return module;
  } catch (error) {
    module.release();
    throw error;
  }
}
