import assert from 'node:assert/strict';
import type { LoadedTool } from '../../src/registry/index.js';
import { loadTools } from '../../src/registry/index.js';
import type { HostApi, RunResult, Sandbox } from '../../src/sandbox/index.js';

/** A host for tools that must not reach the network. */
export const OFFLINE_HOST: HostApi = {
  async fetch() {
    throw new Error('no network in this test');
  },
  log() {},
  progress() {},
};

export async function shippedTool(name: string): Promise<LoadedTool> {
  const { tools } = await loadTools('tools');
  const loaded = tools.get(name);
  assert.ok(loaded, `tools/${name} loads`);
  return loaded;
}

/** validateInput then sandbox.run with the manifest limits, as the pipeline does. */
export async function callTool(opts: {
  sandbox: Sandbox;
  tool: LoadedTool;
  input: unknown;
  host?: HostApi;
}): Promise<RunResult> {
  const checked = opts.tool.validateInput(opts.input);
  if (!checked.ok)
    return { ok: false, code: checked.code, reason: checked.reason, logs: [], hostCalls: 0, wallMs: 0 };
  return opts.sandbox.run({
    tool: opts.tool.compiled,
    input: checked.value,
    limits: opts.tool.manifest.limits,
    host: opts.host ?? OFFLINE_HOST,
  });
}
