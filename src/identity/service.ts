import { createLocalJWKSet } from 'jose';
import { AirlockError } from '../errors.js';
import { log } from '../log.js';
import { parseBearer } from './bearer.js';
import { toIdentity } from './claims.js';
import { type TrustedIssuer, trustIssuer } from './issuers.js';
import { loadOrCreateIssuerKey } from './local-key.js';
import { LOCAL_TOKEN_TYP, mintToken } from './mint.js';
import { Revocations } from './revocation.js';
import { TokenCache } from './token-cache.js';
import type { AgentIdentity, IdentityOptions, IdentityService, VerifyResult } from './types.js';
import { type TokenRules, verifyToken } from './verify-token.js';

const CACHE_ENTRIES = 10_000;
/** A cached token is re-verified at least this often, so a key dropped from a JWKS stops it soon. */
const CACHE_MAX_AGE_S = 300;

/** Validates the options once, loads (or creates) the local issuer key and returns the service. */
export async function createIdentityService(options: IdentityOptions): Promise<IdentityService> {
  const audience = resourceUrl(options.audience);
  const localIssuer = options.localIssuer ?? new URL(audience).origin;
  const maxTokenLifetimeS = positiveSeconds('maxTokenLifetimeS', options.maxTokenLifetimeS ?? 3600);
  const clockToleranceS = nonNegativeSeconds('clockToleranceS', options.clockToleranceS ?? 30);
  const now = options.now ?? (() => Math.floor(Date.now() / 1000));

  const { key, created } = await loadOrCreateIssuerKey(options.dataDir);
  if (created) log.info({ path: key.path, kid: key.kid }, 'created the local issuer key');

  const issuers = new Map<string, TrustedIssuer>();
  issuers.set(localIssuer, {
    issuer: localIssuer,
    algorithms: ['EdDSA'],
    agentClaim: 'sub',
    keys: createLocalJWKSet({ keys: [key.publicJwk] }),
    typ: LOCAL_TOKEN_TYP,
  });
  for (const config of options.issuers ?? []) {
    if (issuers.has(config.issuer)) {
      throw new AirlockError(
        'ERR_CONFIG_INVALID',
        `issuer "${config.issuer}" is configured twice (or equals the local issuer)`,
      );
    }
    issuers.set(config.issuer, trustIssuer(config));
  }
  const rules: TokenRules = Object.freeze({ issuers, audience, clockToleranceS, maxTokenLifetimeS });
  const revocations = new Revocations(options.revoked);
  const cache = new TokenCache<AgentIdentity>(CACHE_ENTRIES);

  const revoked = (identity: AgentIdentity): VerifyResult | undefined =>
    revocations.has({ jti: identity.jti, agent: identity.agent })
      ? { ok: false, code: 'ERR_AUTH_REVOKED', reason: 'token or agent revoked' }
      : undefined;

  async function verify(header: string | undefined): Promise<VerifyResult> {
    const bearer = parseBearer(header);
    if (!bearer.ok) return bearer;
    const nowS = now();
    const cached = cache.get(bearer.token, nowS);
    if (cached !== undefined) return revoked(cached) ?? { ok: true, identity: cached };
    try {
      const verified = await verifyToken({ token: bearer.token, rules, nowS });
      if (!verified.ok) return verified;
      const built = toIdentity({
        payload: verified.payload,
        agentClaim: verified.issuer.agentClaim,
        token: bearer.token,
      });
      if (!built.ok) return built;
      const denial = revoked(built.identity);
      if (denial !== undefined) return denial;
      // Expire with the token (never later), and re-verify periodically; revocation is checked on each hit.
      cache.set(bearer.token, built.identity, Math.min(built.identity.expiresAt, nowS + CACHE_MAX_AGE_S));
      return built;
    } catch (error) {
      log.warn({ err: error }, 'unexpected error while verifying a bearer token');
      return { ok: false, code: 'ERR_AUTH_INVALID', reason: 'token verification failed' };
    }
  }

  return {
    audience,
    localIssuer,
    maxTokenLifetimeS,
    verify,
    mint: (mint) => mintToken({ key, issuer: localIssuer, audience, nowS: now(), maxTokenLifetimeS, mint }),
    revoke: (what) => revocations.add(what),
    setRevoked: (list) => revocations.replace(list),
    isRevoked: (what) => revocations.has(what),
    revokedList: () => revocations.list(),
    localJwks: () => ({ keys: [{ ...key.publicJwk }] }),
    issuerUrls: () => [...issuers.keys()],
    close: () => cache.clear(),
  };
}

function resourceUrl(text: string): string {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new AirlockError('ERR_CONFIG_INVALID', `audience "${text}" is not an absolute URL`);
  }
  if ((url.protocol !== 'https:' && url.protocol !== 'http:') || url.hash !== '') {
    throw new AirlockError(
      'ERR_CONFIG_INVALID',
      `audience "${text}" must be an http(s) URL without a fragment (RFC 8707)`,
    );
  }
  return text;
}

function positiveSeconds(name: string, value: number): number {
  if (!Number.isInteger(value) || value < 1) {
    throw new AirlockError('ERR_CONFIG_INVALID', `${name} must be a whole number of seconds, at least 1`);
  }
  return value;
}

function nonNegativeSeconds(name: string, value: number): number {
  if (!Number.isInteger(value) || value < 0) {
    throw new AirlockError('ERR_CONFIG_INVALID', `${name} must be a whole number of seconds, 0 or more`);
  }
  return value;
}
