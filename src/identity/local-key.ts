import { randomBytes } from 'node:crypto';
import { link, mkdir, readFile, stat, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  type CryptoKey,
  calculateJwkThumbprint,
  exportJWK,
  generateKeyPair,
  importJWK,
  type JWK,
} from 'jose';
import { AirlockError } from '../errors.js';

export interface LocalIssuerKey {
  kid: string;
  privateKey: CryptoKey;
  /** Public half only, as published in localJwks(). */
  publicJwk: JWK;
  path: string;
}

export function issuerKeyPath(dataDir: string): string {
  return join(dataDir, 'keys', 'issuer-ed25519.json');
}

/**
 * Loads the embedded issuer's Ed25519 key, creating it on first run (file 0600, directory 0700).
 * An existing key file readable by group or others is refused: whoever reads it can mint any agent.
 */
export async function loadOrCreateIssuerKey(
  dataDir: string,
): Promise<{ key: LocalIssuerKey; created: boolean }> {
  const path = issuerKeyPath(dataDir);
  let created = false;
  let text = await readIfExists(path);
  if (text === undefined) {
    created = await createKeyFile(path);
    text = await readFile(path, 'utf8');
  }
  await refuseLoosePermissions(path);
  return { key: await parseKeyFile(path, text), created };
}

async function readIfExists(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new AirlockError(
      'ERR_CONFIG_INVALID',
      `cannot read the issuer key ${path}: ${(error as Error).message}`,
    );
  }
}

/** Writes a temp file then hard-links it into place, so concurrent first runs agree on one key. */
async function createKeyFile(path: string): Promise<boolean> {
  const dir = join(path, '..');
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const { privateKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519', extractable: true });
  const jwk = await exportJWK(privateKey);
  const kid = await calculateJwkThumbprint({ kty: jwk.kty!, crv: jwk.crv!, x: jwk.x! });
  const body = `${JSON.stringify({ ...jwk, kid, alg: 'EdDSA', use: 'sig' }, null, 2)}\n`;
  const tmp = `${path}.${randomBytes(6).toString('hex')}.tmp`;
  await writeFile(tmp, body, { mode: 0o600, flag: 'wx' });
  try {
    await link(tmp, path);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  } finally {
    await unlink(tmp);
  }
}

async function refuseLoosePermissions(path: string): Promise<void> {
  if (process.platform === 'win32') return; // mode bits do not describe Windows ACLs
  const { mode } = await stat(path);
  if ((mode & 0o077) !== 0) {
    const octal = (mode & 0o777).toString(8);
    throw new AirlockError(
      'ERR_CONFIG_INVALID',
      `the issuer key ${path} is readable by group or others (mode ${octal}); run: chmod 600 ${path}`,
    );
  }
}

async function parseKeyFile(path: string, text: string): Promise<LocalIssuerKey> {
  let jwk: JWK;
  try {
    jwk = JSON.parse(text) as JWK;
  } catch {
    throw new AirlockError('ERR_CONFIG_INVALID', `the issuer key ${path} is not valid JSON`);
  }
  if (jwk.kty !== 'OKP' || jwk.crv !== 'Ed25519' || typeof jwk.x !== 'string' || typeof jwk.d !== 'string') {
    throw new AirlockError('ERR_CONFIG_INVALID', `the issuer key ${path} is not an Ed25519 private JWK`);
  }
  const publicPart = { kty: jwk.kty, crv: jwk.crv, x: jwk.x };
  const kid = await calculateJwkThumbprint(publicPart);
  let privateKey: CryptoKey;
  try {
    privateKey = (await importJWK({ ...publicPart, d: jwk.d }, 'EdDSA')) as CryptoKey;
  } catch {
    throw new AirlockError('ERR_CONFIG_INVALID', `the issuer key ${path} does not import as an Ed25519 key`);
  }
  return { kid, privateKey, publicJwk: { ...publicPart, kid, alg: 'EdDSA', use: 'sig' }, path };
}
