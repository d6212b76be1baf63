import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { resolveConfig } from '../../src/config/index.js';
import { type Runtime, startRuntime } from '../../src/runtime/index.js';

export const REPO = join(import.meta.dirname, '..', '..');

/** A policy set the end-to-end tests share: tools that need no network, a gated agent, a scorer-only agent. */
export const TEST_POLICY = `version: 1
agents:
  coder:
    tools:
      run_javascript: { limits: { timeoutMs: 3000 } }
      json_query: {}
    inspect: { arguments: "off" }
  reader:
    tools:
      json_query: {}
  gated:
    tools:
      json_query: {}
    models: [prompt-injection]
    prescore: { model: prompt-injection, blockAbove: 0.5, unlockFor: 2s }
  limited:
    tools:
      json_query: { rate: 2/min }
  scorer:
    models: [prompt-injection]
  rag-limited:
    models: [prompt-injection]
    limits: { callsPerMinute: 2 }
`;

export interface TestServer {
  runtime: Runtime;
  url: URL;
  dir: string;
  policiesDir: string;
  mint(agent: string, ttlS?: number): Promise<string>;
  connect(agent: string, opts?: { token?: string }): Promise<Client>;
  close(): Promise<void>;
}

export async function startTestServer(
  opts: { policy?: string; configYaml?: string; models?: string } = {},
): Promise<TestServer> {
  const dir = await mkdtemp(join(tmpdir(), 'airlock-test-'));
  const policiesDir = join(dir, 'policies');
  await import('node:fs/promises').then((fs) => fs.mkdir(policiesDir));
  await writeFile(join(policiesDir, 'test.yaml'), opts.policy ?? TEST_POLICY);
  let configFile: string | undefined;
  if (opts.configYaml) {
    configFile = join(dir, 'airlock.yaml');
    await writeFile(configFile, opts.configYaml);
  }
  const config = resolveConfig({
    http: '127.0.0.1:0',
    policies: policiesDir,
    tools: join(REPO, 'tools'),
    models: opts.models ?? join(REPO, 'models'),
    data: join(dir, 'var'),
    ...(configFile ? { configFile } : {}),
  });
  const runtime = await startRuntime(config, 'http');
  const url = new URL(runtime.resourceUrl);
  const clients: Client[] = [];
  return {
    runtime,
    url,
    dir,
    policiesDir,
    mint: (agent, ttlS = 300) => runtime.identity.mint({ agent, ttlS }),
    async connect(agent, connectOpts = {}) {
      const token = connectOpts.token ?? (await runtime.identity.mint({ agent, ttlS: 300 }));
      const client = new Client({ name: `test-${agent}`, version: '1.0.0' });
      await client.connect(
        new StreamableHTTPClientTransport(url, {
          requestInit: { headers: { authorization: `Bearer ${token}` } },
        }),
      );
      clients.push(client);
      return client;
    },
    async close() {
      await Promise.allSettled(clients.map((c) => c.close()));
      await runtime.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** A raw JSON-RPC POST to the MCP endpoint, for the cases an SDK client would never send. */
export async function postMcp(
  url: URL,
  body: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; headers: Headers; json: unknown; text: string }> {
  const res = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'application/json, text/event-stream',
      ...headers,
    },
    body,
  });
  const text = await res.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    const data = /^data: (.*)$/m.exec(text)?.[1];
    json = data ? JSON.parse(data) : undefined;
  }
  return { status: res.status, headers: res.headers, json, text };
}

export const INITIALIZE = JSON.stringify({
  jsonrpc: '2.0',
  id: 1,
  method: 'initialize',
  params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'raw', version: '1' } },
});

export const CLI_ARGS = ['--no-node-snapshot', '--import', 'tsx', join(REPO, 'src', 'cli', 'main.ts')];

/** The folder flags that point `airlock serve` at a test's own policies and data, and the shipped tools/models. */
export function folderArgs(dir: string): string[] {
  const folders = {
    policies: join(dir, 'policies'),
    tools: join(REPO, 'tools'),
    models: join(REPO, 'models'),
    data: join(dir, 'var'),
  };
  return Object.entries(folders).flatMap(([flag, path]) => [`--${flag}`, path]);
}

/** Spawns `airlock serve --http 127.0.0.1:0 --no-admin ...` and resolves with the endpoint it prints. */
export async function spawnServe(
  dir: string,
  extra: string[] = [],
): Promise<{ child: ChildProcess; url: URL }> {
  const child = spawn(
    process.execPath,
    [...CLI_ARGS, 'serve', '--http', '127.0.0.1:0', '--no-admin', ...folderArgs(dir), ...extra],
    { cwd: REPO, stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, AIRLOCK_LOG_LEVEL: 'warn' } },
  );
  let err = '';
  const url = await new Promise<URL>((resolve, reject) => {
    child.stderr!.on('data', (chunk: Buffer) => {
      err += chunk.toString();
      const match = /serving MCP \(Streamable HTTP\) at (\S+)/.exec(err);
      if (match) resolve(new URL(match[1]!));
    });
    child.once('exit', (code) => reject(new Error(`serve exited ${code}: ${err}`)));
  });
  return { child, url };
}
