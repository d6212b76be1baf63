import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { ADMIN_SCOPE, createIdentityService, type VerifyResult } from '../../src/identity/index.js';
import { localToken } from '../vectors/tokens.js';
import { newEs256Key, signJwt } from '../vectors/tokens-forge.js';
import { AUDIENCE, type Lab, startLab } from './lab.js';

function identityOf(result: VerifyResult) {
  assert.ok(result.ok, result.ok ? '' : `${result.code}: ${result.reason}`);
  return result.identity;
}

describe('identity service', () => {
  let lab: Lab;
  before(async () => {
    lab = await startLab();
  });
  after(async () => {
    await lab.close();
  });

  it('mint() issues a token that verify() accepts, with agent, jti, issuer, scopes and times', async () => {
    const token = await lab.service.mint({ agent: 'support-bot', ttlS: 600, scopes: ['tools:call'] });
    const identity = identityOf(await lab.service.verify(`Bearer ${token}`));
    assert.equal(identity.agent, 'support-bot');
    assert.equal(identity.issuer, lab.service.localIssuer);
    assert.equal(identity.issuer, 'http://127.0.0.1:3700');
    assert.deepEqual(identity.scopes, ['tools:call']);
    assert.equal(identity.issuedAt, lab.now);
    assert.equal(identity.expiresAt, lab.now + 600);
    assert.match(identity.jti ?? '', /^[0-9a-f-]{36}$/);
    assert.equal(identity.token, token);
    assert.equal(identity.claims['aud'], AUDIENCE);
  });

  it('mint() defaults to a 15 minute token and admin adds the airlock:admin scope', async () => {
    const token = await lab.service.mint({ agent: 'ops', admin: true });
    const identity = identityOf(await lab.service.verify(`Bearer ${token}`));
    assert.equal(identity.expiresAt - (identity.issuedAt ?? 0), 900);
    assert.deepEqual(identity.scopes, [ADMIN_SCOPE]);
  });

  it('mint() refuses a ttl above the maximum lifetime, bad agents and bad scopes', async () => {
    await assert.rejects(lab.service.mint({ agent: 'a', ttlS: 3601 }), /exceeds the maximum token lifetime/);
    await assert.rejects(lab.service.mint({ agent: 'a', ttlS: 0 }), /at least 1/);
    await assert.rejects(lab.service.mint({ agent: '' }), /agent/);
    await assert.rejects(lab.service.mint({ agent: 'has space' }), /agent/);
    await assert.rejects(lab.service.mint({ agent: 'a', scopes: ['bad"scope'] }), /invalid scope/);
  });

  it('reads scopes from an scp array as well as from scope', async () => {
    const token = signJwt(
      lab.remote,
      {
        iss: lab.remote.issuer,
        sub: 'idp-agent',
        aud: AUDIENCE,
        iat: lab.now,
        exp: lab.now + 60,
        scp: ['tools:call', 'models:score'],
      },
      {},
    );
    const identity = identityOf(await lab.service.verify(`Bearer ${token}`));
    assert.deepEqual(identity.scopes, ['tools:call', 'models:score']);
    assert.equal(identity.jti, undefined);
  });

  it('revoking a jti refuses a token that was already verified and cached', async () => {
    const token = await lab.service.mint({ agent: 'cache-bot' });
    const identity = identityOf(await lab.service.verify(`Bearer ${token}`));
    identityOf(await lab.service.verify(`Bearer ${token}`)); // served from the cache
    lab.service.revoke({ jti: identity.jti! });
    const result = await lab.service.verify(`Bearer ${token}`);
    assert.equal(result.ok, false);
    assert.equal(!result.ok && result.code, 'ERR_AUTH_REVOKED');
    assert.ok(lab.service.isRevoked({ jti: identity.jti! }));
  });

  it('revoking an agent refuses its cached tokens; setRevoked() replaces the list', async () => {
    const token = await lab.service.mint({ agent: 'flaky-bot' });
    identityOf(await lab.service.verify(`Bearer ${token}`));
    lab.service.revoke({ agent: 'flaky-bot' });
    assert.equal((await lab.service.verify(`Bearer ${token}`)).ok, false);
    assert.ok(lab.service.revokedList().agents.includes('flaky-bot'));
    lab.service.setRevoked({ jti: [], agents: [] });
    identityOf(await lab.service.verify(`Bearer ${token}`));
    assert.deepEqual(lab.service.revokedList(), { jti: [], agents: [] });
    lab.service.setRevoked({ jti: [lab.revokedJti], agents: [lab.revokedAgent] });
  });

  it('a cached token stops verifying once the clock passes its exp', async () => {
    const start = lab.now;
    const token = await lab.service.mint({ agent: 'clock-bot', ttlS: 60 });
    identityOf(await lab.service.verify(`Bearer ${token}`));
    try {
      lab.setNow(start + 60 + 31); // past exp and the 30 s tolerance
      const result = await lab.service.verify(`Bearer ${token}`);
      assert.equal(!result.ok && result.code, 'ERR_AUTH_EXPIRED');
    } finally {
      lab.setNow(start);
    }
  });

  it('returned identities are frozen, so a caller cannot alter the cached copy', async () => {
    const header = `Bearer ${localToken(lab)}`;
    const identity = identityOf(await lab.service.verify(header));
    assert.throws(() => {
      (identity.scopes as string[]).push('airlock:admin');
    });
    assert.deepEqual(identityOf(await lab.service.verify(header)).scopes, ['tools:call']);
  });

  it('fetches the remote JWKS once for many tokens', async () => {
    const before = lab.jwksFetches();
    for (let i = 0; i < 5; i++) {
      const token = signJwt(lab.remote, {
        iss: lab.remote.issuer,
        sub: `agent-${i}`,
        aud: AUDIENCE,
        iat: lab.now,
        exp: lab.now + 60,
      });
      identityOf(await lab.service.verify(`Bearer ${token}`));
    }
    assert.ok(lab.jwksFetches() - before <= 1);
  });

  it('verify() never throws, whatever the header holds', async () => {
    const samples = [
      'Bearer ...',
      'Bearer e30.e30.',
      'Bearer eyJhbGciOiJFZERTQSJ9.W10.AAAA',
      `Bearer ${Buffer.from('{"alg":"EdDSA"}').toString('base64url')}.${Buffer.from('null').toString('base64url')}.x`,
      'Bearer \u0000',
      'Bearer a.b.c',
      'Bearer\ta.b.c',
      'Negotiate abc',
      '\u00ff\u00fe',
    ];
    for (const header of samples) {
      const result = await lab.service.verify(header);
      assert.equal(result.ok, false, header);
    }
  });

  it('lists the local issuer first, then configured issuers', () => {
    assert.deepEqual(lab.service.issuerUrls(), [
      'http://127.0.0.1:3700',
      'https://idp.test',
      'https://files.test',
      'https://weak.test',
    ]);
  });
});

describe('identity options are validated at start-up', () => {
  const dirs: string[] = [];
  const dataDir = async () => {
    const dir = await mkdtemp(join(tmpdir(), 'airlock-opts-'));
    dirs.push(dir);
    return dir;
  };
  after(async () => {
    for (const dir of dirs) await rm(dir, { recursive: true, force: true });
  });

  const cases: Array<{ name: string; issuers?: unknown; audience?: string; match: RegExp }> = [
    {
      name: 'a symmetric algorithm for a JWKS issuer',
      issuers: [{ issuer: 'https://idp', jwks: 'https://idp/jwks', algorithms: ['HS256'] }],
      match: /HS256" is not allowed/,
    },
    {
      name: 'alg none',
      issuers: [{ issuer: 'https://idp', jwks: 'https://idp/jwks', algorithms: ['none'] }],
      match: /"none" is not allowed/,
    },
    {
      name: 'an empty algorithm list',
      issuers: [{ issuer: 'https://idp', jwks: 'https://idp/jwks', algorithms: [] }],
      match: /explicit "algorithms"/,
    },
    {
      name: 'a plain-http JWKS URL off loopback',
      issuers: [{ issuer: 'https://idp', jwks: 'http://idp.example/jwks', algorithms: ['ES256'] }],
      match: /https URL/,
    },
    {
      name: 'an issuer equal to the local issuer',
      issuers: [{ issuer: 'http://127.0.0.1:3700', jwks: 'https://idp/jwks', algorithms: ['ES256'] }],
      match: /configured twice/,
    },
    {
      name: 'a missing JWKS file',
      issuers: [{ issuer: 'https://idp', jwks: '/nonexistent/jwks.json', algorithms: ['ES256'] }],
      match: /cannot read JWKS file/,
    },
    { name: 'an audience that is not a URL', audience: 'my-server', match: /not an absolute URL/ },
    { name: 'an audience with a fragment', audience: 'https://a.example/mcp#x', match: /without a fragment/ },
  ];
  for (const c of cases) {
    it(`refuses ${c.name}`, async () => {
      await assert.rejects(
        createIdentityService({
          dataDir: await dataDir(),
          audience: c.audience ?? AUDIENCE,
          issuers: c.issuers as never,
        }),
        (error: Error & { code?: string }) => {
          assert.equal(error.code, 'ERR_CONFIG_INVALID');
          assert.match(error.message, c.match);
          return true;
        },
      );
    });
  }

  it('refuses a JWKS file that holds private keys', async () => {
    const dir = await dataDir();
    const key = newEs256Key('k');
    const path = join(dir, 'jwks.json');
    await writeFile(path, JSON.stringify({ keys: [key.privateKey.export({ format: 'jwk' })] }));
    await assert.rejects(
      createIdentityService({
        dataDir: dir,
        audience: AUDIENCE,
        issuers: [{ issuer: 'https://idp', jwks: path, algorithms: ['ES256'] }],
      }),
      /private keys/,
    );
  });

  it('applies maxTokenLifetimeS to minted and verified tokens alike', async () => {
    const service = await createIdentityService({
      dataDir: await dataDir(),
      audience: AUDIENCE,
      maxTokenLifetimeS: 300,
    });
    await assert.rejects(service.mint({ agent: 'a', ttlS: 301 }), /maximum token lifetime of 300s/);
    const token = await service.mint({ agent: 'a', ttlS: 300 });
    assert.equal((await service.verify(`Bearer ${token}`)).ok, true);
    service.close();
  });

  it('reports an unreachable remote JWKS as ERR_AUTH_INVALID without throwing', async () => {
    const service = await createIdentityService({
      dataDir: await dataDir(),
      audience: AUDIENCE,
      issuers: [{ issuer: 'https://down.test', jwks: 'http://127.0.0.1:9/jwks.json', algorithms: ['ES256'] }],
    });
    const key = newEs256Key('down-1');
    const now = Math.floor(Date.now() / 1000);
    const token = signJwt(key, {
      iss: 'https://down.test',
      sub: 'a',
      aud: AUDIENCE,
      iat: now,
      exp: now + 60,
    });
    const result = await service.verify(`Bearer ${token}`);
    assert.equal(result.ok, false);
    assert.equal(!result.ok && result.code, 'ERR_AUTH_INVALID');
    assert.match(!result.ok ? result.reason : '', /issuer keys unavailable/);
    service.close();
  });

  it('reports a JWKS endpoint answering 500 or non-JSON as issuer keys unavailable', async () => {
    const server = createServer((req, res) => {
      if (req.url === '/500') res.writeHead(500).end();
      else res.writeHead(200, { 'content-type': 'application/json' }).end('{ not json');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    try {
      const service = await createIdentityService({
        dataDir: await dataDir(),
        audience: AUDIENCE,
        issuers: [
          { issuer: 'https://e500.test', jwks: `http://127.0.0.1:${port}/500`, algorithms: ['ES256'] },
          { issuer: 'https://garbage.test', jwks: `http://127.0.0.1:${port}/garbage`, algorithms: ['ES256'] },
        ],
      });
      const key = newEs256Key('k1');
      const now = Math.floor(Date.now() / 1000);
      for (const iss of ['https://e500.test', 'https://garbage.test']) {
        const token = signJwt(key, { iss, sub: 'a', aud: AUDIENCE, iat: now, exp: now + 60 });
        const result = await service.verify(`Bearer ${token}`);
        assert.match(!result.ok ? result.reason : '', /issuer keys unavailable/, iss);
      }
      service.close();
    } finally {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});
