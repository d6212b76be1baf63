import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { DEFAULT_AUDIENCE, run } from '../../src/cli/commands/token.js';
import { createIdentityService } from '../../src/identity/index.js';

function capture() {
  const out = { stdout: '', stderr: '' };
  const io = {
    stdout: { write: (text: string) => (out.stdout += text) },
    stderr: { write: (text: string) => (out.stderr += text) },
  };
  return { out, io };
}

describe('airlock token mint', () => {
  let dataDir: string;
  before(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'airlock-cli-'));
  });
  after(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it('prints a token that the server (default audience) accepts, with the ttl and scopes asked for', async () => {
    const { out, io } = capture();
    const code = await run(
      ['mint', '--agent', 'support-bot', '--ttl', '10m', '--scope', 'a', '--scope', 'b', '--data', dataDir],
      io,
    );
    assert.equal(code, 0, out.stderr);
    const token = out.stdout.trim();
    assert.match(token, /^[\w-]+\.[\w-]+\.[\w-]+$/);
    const service = await createIdentityService({ dataDir, audience: 'http://127.0.0.1:3700/mcp' });
    const result = await service.verify(`Bearer ${token}`);
    assert.ok(result.ok);
    assert.equal(result.identity.agent, 'support-bot');
    assert.deepEqual(result.identity.scopes, ['a', 'b']);
    assert.equal(result.identity.expiresAt - (result.identity.issuedAt ?? 0), 600);
    service.close();
    assert.equal(DEFAULT_AUDIENCE, 'http://127.0.0.1:3700/mcp');
  });

  it('binds the token to --audience', async () => {
    const { out, io } = capture();
    const audience = 'https://airlock.example.com/mcp';
    assert.equal(
      await run(['mint', '--agent', 'x', '--admin', '--audience', audience, '--data', dataDir], io),
      0,
    );
    const service = await createIdentityService({ dataDir, audience });
    const result = await service.verify(`Bearer ${out.stdout.trim()}`);
    assert.ok(result.ok);
    assert.equal(result.identity.issuer, 'https://airlock.example.com');
    assert.deepEqual(result.identity.scopes, ['airlock:admin']);
    const other = await createIdentityService({ dataDir, audience: 'http://127.0.0.1:3700/mcp' });
    assert.equal((await other.verify(`Bearer ${out.stdout.trim()}`)).ok, false);
    service.close();
    other.close();
  });

  const refusals: Array<{ name: string; argv: string[]; code: number; match: RegExp }> = [
    {
      name: 'a ttl above the maximum lifetime',
      argv: ['--agent', 'a', '--ttl', '2h'],
      code: 1,
      match: /exceeds the maximum/,
    },
    {
      name: 'a ttl that is not a duration',
      argv: ['--agent', 'a', '--ttl', 'soon'],
      code: 2,
      match: /invalid duration/,
    },
    {
      name: 'a fractional-second ttl',
      argv: ['--agent', 'a', '--ttl', '1500ms'],
      code: 2,
      match: /whole number/,
    },
    { name: 'a missing --agent', argv: [], code: 2, match: /--agent is required/ },
    { name: 'an unknown option', argv: ['--agent', 'a', '--forever'], code: 2, match: /Unknown option/ },
  ];
  for (const r of refusals) {
    it(`refuses ${r.name} with a clear error and no token`, async () => {
      const { out, io } = capture();
      assert.equal(await run(['mint', ...r.argv, '--data', dataDir], io), r.code);
      assert.equal(out.stdout, '');
      assert.match(out.stderr, r.match);
    });
  }

  it('refuses an unknown subcommand', async () => {
    const { out, io } = capture();
    assert.equal(await run(['burn'], io), 2);
    assert.match(out.stderr, /unknown subcommand/);
  });

  it('writes only the JWT on stdout when run as a process', () => {
    const script =
      "import { run } from './src/cli/commands/token.ts'; process.exitCode = await run(process.argv.slice(1));";
    const child = spawnSync(
      process.execPath,
      [
        '--import',
        'tsx',
        '--input-type=module',
        '-e',
        script,
        'mint',
        '--agent',
        'proc-bot',
        '--data',
        dataDir,
      ],
      { encoding: 'utf8', env: { ...process.env, AIRLOCK_LOG_LEVEL: 'info' } },
    );
    assert.equal(child.status, 0, child.stderr);
    const lines = child.stdout.split('\n').filter((l) => l !== '');
    assert.equal(lines.length, 1);
    assert.match(lines[0]!, /^[\w-]+\.[\w-]+\.[\w-]+$/);
  });
});
