import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { resolveConfig } from '../../src/config/index.js';
import { startRuntime } from '../../src/runtime/index.js';
import { INITIALIZE, postMcp, REPO, TEST_POLICY } from '../helpers/server.js';

test('a revocation made at run time refuses the next request and survives a restart', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'airlock-revoke-'));
  try {
    await mkdir(join(dir, 'policies'));
    await writeFile(join(dir, 'policies', 'p.yaml'), TEST_POLICY);
    const config = resolveConfig({
      http: '127.0.0.1:0',
      policies: join(dir, 'policies'),
      tools: join(REPO, 'tools'),
      models: join(REPO, 'models'),
      data: join(dir, 'var'),
    });
    const first = await startRuntime(config, 'http');
    const token = await first.identity.mint({ agent: 'coder' });
    const url = new URL(first.resourceUrl);
    assert.equal((await postMcp(url, INITIALIZE, { authorization: `Bearer ${token}` })).status, 200);
    await first.revoke({ agent: 'coder' });
    const refused = await postMcp(url, INITIALIZE, { authorization: `Bearer ${token}` });
    assert.equal(refused.status, 401);
    assert.equal((refused.json as { code: string }).code, 'ERR_AUTH_REVOKED');
    await first.close();

    const second = await startRuntime(config, 'http');
    try {
      assert.equal(second.identity.isRevoked({ agent: 'coder' }), true);
      assert.equal(second.identity.isRevoked({ agent: 'reader' }), false);
    } finally {
      await second.close();
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
