import assert from 'node:assert/strict';
import { chmod, mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { createIdentityService, issuerKeyPath } from '../../src/identity/index.js';

const AUDIENCE = 'http://127.0.0.1:3700/mcp';
const dirs: string[] = [];
async function freshDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'airlock-key-'));
  dirs.push(dir);
  return dir;
}
after(async () => {
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

describe('local issuer key', { skip: process.platform === 'win32' }, () => {
  it('is created on first run with file mode 0600 in a 0700 directory', async () => {
    const dataDir = await freshDir();
    const service = await createIdentityService({ dataDir, audience: AUDIENCE });
    const path = issuerKeyPath(dataDir);
    assert.equal((await stat(path)).mode & 0o777, 0o600);
    assert.equal((await stat(join(dataDir, 'keys'))).mode & 0o777, 0o700);
    const jwk = JSON.parse(await readFile(path, 'utf8'));
    assert.equal(jwk.kty, 'OKP');
    assert.equal(jwk.crv, 'Ed25519');
    assert.equal(typeof jwk.d, 'string');
    service.close();
  });

  it('is reused on restart: same kid, and tokens minted before the restart still verify', async () => {
    const dataDir = await freshDir();
    const first = await createIdentityService({ dataDir, audience: AUDIENCE });
    const token = await first.mint({ agent: 'support-bot' });
    const kid = (first.localJwks().keys[0] as { kid: string }).kid;
    first.close();
    const second = await createIdentityService({ dataDir, audience: AUDIENCE });
    assert.equal((second.localJwks().keys[0] as { kid: string }).kid, kid);
    const result = await second.verify(`Bearer ${token}`);
    assert.equal(result.ok, true);
    second.close();
  });

  it('concurrent first runs agree on one key', async () => {
    const dataDir = await freshDir();
    const services = await Promise.all(
      Array.from({ length: 4 }, () => createIdentityService({ dataDir, audience: AUDIENCE })),
    );
    const kids = new Set(services.map((s) => (s.localJwks().keys[0] as { kid: string }).kid));
    assert.equal(kids.size, 1);
    for (const s of services) s.close();
  });

  it('refuses to start when the key file is readable by group or others', async () => {
    const dataDir = await freshDir();
    (await createIdentityService({ dataDir, audience: AUDIENCE })).close();
    await chmod(issuerKeyPath(dataDir), 0o644);
    await assert.rejects(
      createIdentityService({ dataDir, audience: AUDIENCE }),
      (error: Error & { code?: string }) => {
        assert.equal(error.code, 'ERR_CONFIG_INVALID');
        assert.match(error.message, /chmod 600/);
        return true;
      },
    );
  });

  it('refuses a key file that is not an Ed25519 private JWK', async () => {
    const dataDir = await freshDir();
    await mkdir(join(dataDir, 'keys'), { recursive: true, mode: 0o700 });
    await writeFile(issuerKeyPath(dataDir), JSON.stringify({ kty: 'oct', k: 'c2VjcmV0' }), { mode: 0o600 });
    await assert.rejects(
      createIdentityService({ dataDir, audience: AUDIENCE }),
      /not an Ed25519 private JWK/,
    );
    await writeFile(issuerKeyPath(dataDir), '{ not json', { mode: 0o600 });
    await assert.rejects(createIdentityService({ dataDir, audience: AUDIENCE }), /not valid JSON/);
  });

  it('publishes only the public half in localJwks()', async () => {
    const dataDir = await freshDir();
    const service = await createIdentityService({ dataDir, audience: AUDIENCE });
    const { keys } = service.localJwks();
    assert.equal(keys.length, 1);
    assert.deepEqual(Object.keys(keys[0]!).sort(), ['alg', 'crv', 'kid', 'kty', 'use', 'x']);
    service.close();
  });
});
