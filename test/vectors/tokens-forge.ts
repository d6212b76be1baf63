// Builds JWTs by hand with node:crypto (not jose), so forged tokens do not depend on the verifier's library.
import {
  createHmac,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  type KeyObject,
  sign,
} from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export type Json = Record<string, unknown>;

export interface SigningKey {
  kid: string;
  alg: 'EdDSA' | 'ES256' | 'RS256';
  privateKey: KeyObject;
  publicKey: KeyObject;
  /** Public JWK with kid/alg/use, as published in a JWKS. */
  publicJwk: Json;
}

export const b64u = (value: string | Buffer): string => Buffer.from(value).toString('base64url');

/** header.payload.signature with any signature bytes (none, zeros, HMAC...). */
export function compact(header: Json, payload: Json, signature: Buffer = Buffer.alloc(0)): string {
  return `${b64u(JSON.stringify(header))}.${b64u(JSON.stringify(payload))}.${b64u(signature)}`;
}

export function signingInput(header: Json, payload: Json): string {
  return `${b64u(JSON.stringify(header))}.${b64u(JSON.stringify(payload))}`;
}

/** Signs with the key's own algorithm; `header` overrides or adds header parameters. */
export function signJwt(key: SigningKey, payload: Json, header: Json = {}): string {
  const fullHeader = { alg: key.alg, kid: key.kid, ...header };
  const input = signingInput(fullHeader, payload);
  const data = Buffer.from(input);
  const signature =
    key.alg === 'EdDSA'
      ? sign(null, data, key.privateKey)
      : key.alg === 'ES256'
        ? sign('sha256', data, { key: key.privateKey, dsaEncoding: 'ieee-p1363' })
        : sign('sha256', data, key.privateKey);
  return `${input}.${b64u(signature)}`;
}

/** ES256 signed correctly but encoded as ASN.1 DER instead of the fixed-size R || S form. */
export function signEs256Der(key: SigningKey, payload: Json, header: Json = {}): string {
  const input = signingInput({ alg: 'ES256', kid: key.kid, ...header }, payload);
  const signature = sign('sha256', Buffer.from(input), { key: key.privateKey, dsaEncoding: 'der' });
  return `${input}.${b64u(signature)}`;
}

/** HMAC-SHA256 with an arbitrary secret: the key-confusion forgery when the secret is a public key. */
export function hs256(secret: string | Buffer, payload: Json, header: Json = {}): string {
  const fullHeader = { alg: 'HS256', ...header };
  const input = signingInput(fullHeader, payload);
  return `${input}.${b64u(createHmac('sha256', secret).update(input).digest())}`;
}

function withJwk(kid: string, alg: SigningKey['alg'], pair: { privateKey: KeyObject; publicKey: KeyObject }) {
  const publicJwk = { ...(pair.publicKey.export({ format: 'jwk' }) as Json), kid, alg, use: 'sig' };
  return { kid, alg, ...pair, publicJwk };
}

export function newEd25519Key(kid: string): SigningKey {
  return withJwk(kid, 'EdDSA', generateKeyPairSync('ed25519'));
}

export function newEs256Key(kid: string): SigningKey {
  return withJwk(kid, 'ES256', generateKeyPairSync('ec', { namedCurve: 'P-256' }));
}

export function newRsaKey(kid: string, modulusLength = 2048): SigningKey {
  return withJwk(kid, 'RS256', generateKeyPairSync('rsa', { modulusLength }));
}

/** Reads the embedded issuer's key file from a data dir (what an attacker who stole it would hold). */
export function readLocalIssuerKey(dataDir: string): SigningKey {
  const jwk = JSON.parse(readFileSync(join(dataDir, 'keys', 'issuer-ed25519.json'), 'utf8')) as Json;
  const privateKey = createPrivateKey({ key: jwk as never, format: 'jwk' });
  const { d: _d, ...publicJwk } = jwk;
  const publicKey = createPublicKey(privateKey);
  return { kid: jwk['kid'] as string, alg: 'EdDSA', privateKey, publicKey, publicJwk };
}
