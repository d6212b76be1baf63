import { randomUUID } from 'node:crypto';
import { SignJWT } from 'jose';
import { AirlockError } from '../errors.js';
import { isValidAgentId, isValidScope } from './claims.js';
import type { LocalIssuerKey } from './local-key.js';
import { ADMIN_SCOPE, type MintOptions } from './types.js';

/** RFC 9068 access-token type; the local issuer requires it so no other JWT of ours passes as one. */
export const LOCAL_TOKEN_TYP = 'at+jwt';
export const DEFAULT_TTL_S = 900;

/** Signs a short-lived EdDSA access token for `agent`, bound to `audience` (RFC 8707). */
export async function mintToken(options: {
  key: LocalIssuerKey;
  issuer: string;
  audience: string;
  nowS: number;
  maxTokenLifetimeS: number;
  mint: MintOptions;
}): Promise<string> {
  const { key, issuer, audience, nowS, maxTokenLifetimeS, mint } = options;
  const ttlS = mint.ttlS ?? DEFAULT_TTL_S;
  if (!isValidAgentId(mint.agent)) {
    throw new AirlockError('ERR_CONFIG_INVALID', 'agent must be 1-256 printable characters without spaces');
  }
  if (!Number.isInteger(ttlS) || ttlS < 1) {
    throw new AirlockError('ERR_CONFIG_INVALID', 'ttl must be a whole number of seconds, at least 1');
  }
  if (ttlS > maxTokenLifetimeS) {
    throw new AirlockError(
      'ERR_CONFIG_INVALID',
      `ttl ${ttlS}s exceeds the maximum token lifetime of ${maxTokenLifetimeS}s; the server would refuse it`,
    );
  }
  const scopes = [...(mint.scopes ?? []), ...(mint.admin ? [ADMIN_SCOPE] : [])];
  const bad = scopes.find((scope) => !isValidScope(scope));
  if (bad !== undefined) throw new AirlockError('ERR_CONFIG_INVALID', `invalid scope "${bad}"`);
  const claims = scopes.length > 0 ? { scope: [...new Set(scopes)].join(' ') } : {};
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'EdDSA', kid: key.kid, typ: LOCAL_TOKEN_TYP })
    .setIssuer(issuer)
    .setSubject(mint.agent)
    .setAudience(audience)
    .setJti(randomUUID())
    .setIssuedAt(nowS)
    .setNotBefore(nowS)
    .setExpirationTime(nowS + ttlS)
    .sign(key.privateKey);
}
