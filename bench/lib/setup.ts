import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { forkServer, type ServerChild } from './child.js';

export const REPO = join(import.meta.dirname, '..', '..');
export const BENCH_TOOLS = join(REPO, 'bench', 'tools');
export const AGENT_COUNT = 100;

export const agentIds = (count = AGENT_COUNT): string[] =>
  Array.from({ length: count }, (_, i) => `agent-${String(i).padStart(3, '0')}`);

/**
 * The bench policy. `bench` has every stage of a call on: no prescore (nothing to unlock), but its string
 * arguments are scored (inspect.arguments: block). `bench-nogate` is identical with argument scoring off,
 * to price the gate. The add tool brings no network text back, so output inspection never runs.
 */
export function benchPolicy(): string {
  const lines = [
    'version: 1',
    'agents:',
    '  bench:',
    '    tools: { add: {} }',
    '    inspect: { arguments: block }',
    '  bench-nogate:',
    '    tools: { add: {} }',
    '    inspect: { arguments: "off" }',
  ];
  for (const id of agentIds())
    lines.push(`  ${id}:`, '    tools: { add: {} }', '    inspect: { arguments: block }');
  return `${lines.join('\n')}\n`;
}

export interface BenchDirs {
  root: string;
  /** The models directory the Airlock servers score with. */
  models: string;
  policies: string;
  /** Config files: audit durable (the default, written out to be explicit) and not durable. */
  config: { durable: string; nondurable: string };
  /** A fresh data directory (own audit log and issuer key) for each server. */
  dataDir(name: string): string;
  cleanup(): Promise<void>;
}

export async function createBenchDirs(opts: { models: string }): Promise<BenchDirs> {
  const root = await mkdtemp(join(tmpdir(), 'airlock-bench-'));
  const policies = join(root, 'policies');
  await mkdir(policies);
  await writeFile(join(policies, 'bench.yaml'), benchPolicy());
  const config = { durable: join(root, 'durable.yaml'), nondurable: join(root, 'nondurable.yaml') };
  await writeFile(config.durable, 'audit: { durable: true }\n');
  await writeFile(config.nondurable, 'audit: { durable: false }\n');
  return {
    root,
    models: opts.models,
    policies,
    config,
    dataDir: (name) => join(root, 'data', name),
    cleanup: () => rm(root, { recursive: true, force: true }),
  };
}

export type AirlockMode = 'durable' | 'nondurable';

export function startAirlockHttp(opts: {
  dirs: BenchDirs;
  mode: AirlockMode;
  name: string;
  cpuProfDir?: string | undefined;
}): Promise<ServerChild> {
  const options = {
    policies: opts.dirs.policies,
    tools: BENCH_TOOLS,
    models: opts.dirs.models,
    data: opts.dirs.dataDir(opts.name),
    configFile: opts.dirs.config[opts.mode],
  };
  return forkServer({
    script: join(REPO, 'bench', 'lib', 'airlock-server.ts'),
    args: [JSON.stringify(options)],
    cpuProfDir: opts.cpuProfDir,
  });
}

export function startBareHttp(): Promise<ServerChild> {
  return forkServer({ script: join(REPO, 'bench', 'baseline', 'server.ts'), args: ['--http'] });
}

/** Environment for stdio servers: the SDK passes only a safe subset by default. */
export function childEnv(): Record<string, string> {
  const env: Record<string, string> = { AIRLOCK_LOG_LEVEL: 'warn' };
  for (const key of ['PATH', 'HOME', 'TMPDIR']) {
    const value = process.env[key];
    if (value) env[key] = value;
  }
  return env;
}

const NODE_FLAGS = ['--no-node-snapshot', '--import', 'tsx'];

export function airlockStdioArgs(dirs: BenchDirs, mode: AirlockMode, name: string): string[] {
  return [
    ...NODE_FLAGS,
    join(REPO, 'src', 'cli', 'main.ts'),
    'serve',
    '--stdio',
    '--agent',
    'bench',
    '--config',
    dirs.config[mode],
    '--policies',
    dirs.policies,
    '--tools',
    BENCH_TOOLS,
    '--models',
    dirs.models,
    '--data',
    dirs.dataDir(name),
  ];
}

export const bareStdioArgs = (): string[] => [
  ...NODE_FLAGS,
  join(REPO, 'bench', 'baseline', 'server.ts'),
  '--stdio',
];
