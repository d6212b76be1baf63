// Shared set-up: an identity service trusting the local issuer, a remote JWKS served over HTTP on
// 127.0.0.1 port 0 (ES256) and a JWKS file (RS256), plus the keys to forge tokens for each.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  createIdentityService,
  type IdentityOptions,
  type IdentityService,
} from '../../src/identity/index.js';
import type { TokenLab } from '../vectors/tokens.js';
import { newEd25519Key, newEs256Key, newRsaKey, readLocalIssuerKey } from '../vectors/tokens-forge.js';

export const AUDIENCE = 'http://127.0.0.1:3700/mcp';

export interface Lab extends TokenLab {
  service: IdentityService;
  dataDir: string;
  /** How many times the JWKS server was asked for keys. */
  jwksFetches(): number;
  setNow(nowS: number): void;
  close(): Promise<void>;
}

export async function startLab(extra: Partial<IdentityOptions> = {}): Promise<Lab> {
  const dataDir = await mkdtemp(join(tmpdir(), 'airlock-identity-'));
  const remoteKey = newEs256Key('remote-es256-1');
  const fileKey = newRsaKey('file-rs256-1');
  const weakKey = newRsaKey('weak-rs1024', 1024);
  let fetches = 0;
  const server: Server = createServer((req, res) => {
    fetches++;
    if (req.url !== '/jwks.json') {
      res.writeHead(404).end();
      return;
    }
    res
      .writeHead(200, { 'content-type': 'application/json' })
      .end(JSON.stringify({ keys: [remoteKey.publicJwk] }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const jwksFile = join(dataDir, 'file-issuer-jwks.json');
  await writeFile(jwksFile, JSON.stringify({ keys: [fileKey.publicJwk] }));
  const weakJwksFile = join(dataDir, 'weak-issuer-jwks.json');
  await writeFile(weakJwksFile, JSON.stringify({ keys: [weakKey.publicJwk] }));

  let now = Math.floor(Date.now() / 1000);
  const revokedJti = 'revoked-jti-1';
  const revokedAgent = 'revoked-agent';
  const service = await createIdentityService({
    dataDir,
    audience: AUDIENCE,
    issuers: [
      { issuer: 'https://idp.test', jwks: `http://127.0.0.1:${port}/jwks.json`, algorithms: ['ES256'] },
      { issuer: 'https://files.test', jwks: jwksFile, algorithms: ['RS256'] },
      { issuer: 'https://weak.test', jwks: weakJwksFile, algorithms: ['RS256'] },
    ],
    revoked: { jti: [revokedJti], agents: [revokedAgent] },
    now: () => now,
    ...extra,
  });
  return {
    service,
    dataDir,
    get now() {
      return now;
    },
    audience: AUDIENCE,
    local: { ...readLocalIssuerKey(dataDir), issuer: service.localIssuer },
    remote: { ...remoteKey, issuer: 'https://idp.test' },
    file: { ...fileKey, issuer: 'https://files.test' },
    weak: { ...weakKey, issuer: 'https://weak.test' },
    attacker: { ed: newEd25519Key('attacker-ed'), es: newEs256Key('attacker-es') },
    revokedJti,
    revokedAgent,
    jwksFetches: () => fetches,
    setNow: (nowS) => {
      now = nowS;
    },
    close: async () => {
      service.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
