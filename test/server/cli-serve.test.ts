import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { CLI_ARGS, folderArgs, REPO, spawnServe, TEST_POLICY } from '../helpers/server.js';

const NODE_ARGS = CLI_ARGS;

let dir: string;
before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'airlock-cli-'));
  await mkdir(join(dir, 'policies'));
  await writeFile(join(dir, 'policies', 'test.yaml'), TEST_POLICY);
});
after(async () => {
  await rm(dir, { recursive: true, force: true });
});

const folders = () => folderArgs(dir);
const startHttp = (extra: string[] = []) => spawnServe(dir, extra);

describe('airlock serve (CLI)', () => {
  test('--stdio --agent serves MCP over stdin/stdout with that agent\u2019s grants', async () => {
    const client = new Client({ name: 'stdio-test', version: '1' });
    const transport = new StdioClientTransport({
      command: process.execPath,
      args: [...NODE_ARGS, 'serve', '--stdio', '--agent', 'reader', ...folders()],
      cwd: REPO,
      env: { ...(process.env as Record<string, string>), AIRLOCK_LOG_LEVEL: 'silent' },
      stderr: 'pipe',
    });
    await client.connect(transport);
    try {
      const { tools } = await client.listTools();
      assert.deepEqual(
        tools.map((t) => t.name),
        ['json_query'],
      );
      const result = await client.callTool({
        name: 'json_query',
        arguments: { json: { x: 41 }, query: '.x' },
      });
      assert.match(JSON.stringify(result.content), /41/);
      await assert.rejects(
        client.callTool({ name: 'run_javascript', arguments: { code: '1' } }),
        /ERR_POLICY_DENIED/,
      );
    } finally {
      await client.close();
    }
  });

  test('--stdio acts as the agent a JWT in AIRLOCK_TOKEN proves, and refuses a bad token with its code', async () => {
    const mint = spawnSync(
      process.execPath,
      [...NODE_ARGS, 'token', 'mint', '--agent', 'coder', '--data', join(dir, 'var')],
      {
        cwd: REPO,
        encoding: 'utf8',
      },
    );
    assert.equal(mint.status, 0, mint.stderr);
    const token = mint.stdout.trim();
    const client = new Client({ name: 'stdio-token', version: '1' });
    await client.connect(
      new StdioClientTransport({
        command: process.execPath,
        args: [...NODE_ARGS, 'serve', '--stdio', ...folders()],
        cwd: REPO,
        env: {
          ...(process.env as Record<string, string>),
          AIRLOCK_LOG_LEVEL: 'silent',
          AIRLOCK_TOKEN: token,
        },
        stderr: 'pipe',
      }),
    );
    try {
      const { tools } = await client.listTools();
      assert.deepEqual(tools.map((t) => t.name).sort(), ['json_query', 'run_javascript']);
    } finally {
      await client.close();
    }
    const refused = spawnSync(process.execPath, [...NODE_ARGS, 'serve', '--stdio', ...folders()], {
      cwd: REPO,
      encoding: 'utf8',
      input: '',
      env: { ...process.env, AIRLOCK_TOKEN: `${token.slice(0, -4)}AAAA` },
    });
    assert.equal(refused.status, 1);
    assert.match(refused.stderr, /ERR_AUTH_INVALID: AIRLOCK_TOKEN: signature verification failed/);
  });

  test('--http with --agent on a non-loopback address is refused', async () => {
    const child = spawn(
      process.execPath,
      [...NODE_ARGS, 'serve', '--http', '0.0.0.0:0', '--agent', 'coder', '--no-admin', ...folders()],
      {
        cwd: REPO,
        stdio: ['ignore', 'ignore', 'pipe'],
      },
    );
    let err = '';
    child.stderr!.on('data', (c: Buffer) => {
      err += c.toString();
    });
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    assert.equal(code, 1);
    assert.match(err, /refused on non-loopback listener/);
  });

  test('SIGTERM stops accepting, lets the in-flight call finish, and exits 0', async () => {
    const { child, url } = await startHttp(['--agent', 'coder']);
    const client = new Client({ name: 'shutdown-test', version: '1' });
    await client.connect(new StreamableHTTPClientTransport(url));
    // A call that keeps the isolate busy for ~600 ms of wall time.
    const slow = client.callTool({
      name: 'run_javascript',
      arguments: {
        code: 'const end = Date.now() + 600; let n = 0; while (Date.now() < end) n++; return "done";',
      },
    });
    await new Promise((r) => setTimeout(r, 150));
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    const result = await slow;
    assert.equal(result.isError, undefined, JSON.stringify(result));
    assert.match(JSON.stringify(result.content), /done/);
    assert.equal(await exited, 0);
    await fetch(url).then(
      () => assert.fail('the listener should be closed'),
      () => {},
    );
  });
});
