import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { run } from '../../src/cli/commands/admin.js';
import { type AdminTestServer, startAdminServer } from './helpers.js';

const READER_BLOCK = '  reader:\n    tools:\n      json_query: {}\n';

describe('airlock admin CLI against a live admin API', () => {
  let server: AdminTestServer;
  let base: string[];

  before(async () => {
    server = await startAdminServer();
    base = ['--url', server.admin.url, '--token', server.adminToken];
  });
  after(async () => {
    await server.close();
  });

  async function cli(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
    let stdout = '';
    let stderr = '';
    const code = await run(argv, {
      stdout: { write: (text: string) => (stdout += text) },
      stderr: { write: (text: string) => (stderr += text) },
    });
    return { code, stdout, stderr };
  }

  test('policy get prints the live bytes and the version on stderr', async () => {
    const out = await cli(...base, 'policy', 'get', 'test');
    assert.equal(out.code, 0);
    assert.equal(out.stdout, await server.policyBytes());
    assert.match(out.stderr, /^version [0-9a-f]{16}\n$/);
  });

  test('policy validate reports file:line:col against the local file and exits 1', async () => {
    const file = join(server.dir, 'test.yaml');
    await writeFile(file, (await server.policyBytes()).replace('  coder:\n', '  coder:\n    tols: {}\n'));
    const out = await cli(...base, 'policy', 'validate', file);
    assert.equal(out.code, 1);
    assert.match(out.stderr, new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:4:5: .*tols`, 'm'));
    await writeFile(file, await server.policyBytes());
    assert.equal((await cli(...base, 'policy', 'validate', file)).code, 0);
  });

  test('policy put with a stale --if-match exits 1 with ERR_ADMIN_CONFLICT and changes nothing', async () => {
    const bytes = await server.policyBytes();
    const file = join(server.dir, 'draft.yaml');
    await writeFile(file, bytes.replace(READER_BLOCK, `${READER_BLOCK}      run_javascript: {}\n`));
    const out = await cli(...base, 'policy', 'put', 'test', file, '--if-match', '0123456789abcdef');
    assert.equal(out.code, 1);
    assert.match(out.stderr, /^airlock admin: ERR_ADMIN_CONFLICT: /);
    assert.equal(await server.policyBytes(), bytes);
  });

  test('policy put writes, history lists it, rollback restores the earlier bytes', async () => {
    const bytes = await server.policyBytes();
    const file = join(server.dir, 'draft.yaml');
    const draft = bytes.replace(READER_BLOCK, `${READER_BLOCK}      run_javascript: {}\n`);
    await writeFile(file, draft);
    const put = await cli(...base, 'policy', 'put', 'test', file, '--message', 'from the cli');
    assert.equal(put.code, 0, put.stderr);
    assert.match(
      put.stdout,
      /^test: [0-9a-f]{16} -> [0-9a-f]{16}\npolicy set reloaded: version [0-9a-f]{16}\n$/,
    );
    assert.equal(await server.policyBytes(), draft);

    const history = await cli(...base, 'policy', 'history', 'test');
    assert.equal(history.code, 0);
    const rows = history.stdout.trim().split('\n');
    assert.match(rows[1]!, /^\* [0-9a-f]{16} .* alice-admin {2}write {2}from the cli$/);
    const baseline = /^ {2}([0-9a-f]{16}) .*baseline/.exec(rows.at(-1)!)?.[1];
    assert.ok(baseline);

    const back = await cli(...base, 'policy', 'rollback', 'test', baseline);
    assert.equal(back.code, 0, back.stderr);
    assert.equal(await server.policyBytes(), bytes);
  });

  test('revoke takes exactly one of --agent or --jti', async () => {
    const out = await cli(...base, 'revoke', '--agent', 'scorer');
    assert.equal(out.code, 0);
    assert.equal(out.stdout, 'revoked agent scorer\n');
    assert.equal(server.runtime.identity.isRevoked({ agent: 'scorer' }), true);
    assert.equal((await cli(...base, 'revoke', '--agent', 'a', '--jti', 'b')).code, 2);
    assert.equal((await cli(...base, 'revoke')).code, 2);
  });

  test('an agent token is refused with the server error; no token is a usage error', async () => {
    const agentToken = await server.mint('coder');
    const out = await cli('--url', server.admin.url, '--token', agentToken, 'policy', 'get', 'test');
    assert.equal(out.code, 1);
    assert.match(out.stderr, /^airlock admin: ERR_AUTH_SCOPE: /);
    const none = await cli('--url', server.admin.url, '--token', '', 'policy', 'get', 'test');
    assert.equal(none.code, 2);
    assert.equal((await cli(...base, 'policy', 'frobnicate')).code, 2);
  });

  test('an unreachable server exits 1 with a clear message', async () => {
    const out = await cli('--url', 'http://127.0.0.1:1', '--token', 'x', 'policy', 'get', 'test');
    assert.equal(out.code, 1);
    assert.match(out.stderr, /cannot reach the admin API at http:\/\/127\.0\.0\.1:1/);
  });
});
