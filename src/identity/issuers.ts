import { readFileSync } from 'node:fs';
import { isIP } from 'node:net';
import { createLocalJWKSet, createRemoteJWKSet, type JSONWebKeySet, type JWTVerifyGetKey } from 'jose';
import { AirlockError } from '../errors.js';
import type { IssuerConfig } from './types.js';

/** Asymmetric JWS algorithms only: HMAC with a published key is the classic key-confusion forgery. */
export const ASYMMETRIC_ALGORITHMS: ReadonlySet<string> = new Set([
  'EdDSA',
  'Ed25519',
  'ES256',
  'ES384',
  'ES512',
  'RS256',
  'RS384',
  'RS512',
  'PS256',
  'PS384',
  'PS512',
]);

/** An issuer whose tokens verify: keys, accepted algorithms and which claim names the agent. */
export interface TrustedIssuer {
  issuer: string;
  algorithms: readonly string[];
  agentClaim: string;
  keys: JWTVerifyGetKey;
  /** Required JWT "typ" header (RFC 8725 §3.11), set for tokens we mint ourselves. */
  typ?: string;
}

const REMOTE_JWKS = { timeoutDuration: 5000, cooldownDuration: 30_000, cacheMaxAge: 600_000 };

/** Validates one configured issuer and builds its key resolver (remote URL or local JWKS file). */
export function trustIssuer(config: IssuerConfig): TrustedIssuer {
  const label = `issuer "${config.issuer}"`;
  if (typeof config.issuer !== 'string' || config.issuer === '') {
    throw new AirlockError('ERR_CONFIG_INVALID', 'an issuer needs a non-empty "issuer"');
  }
  if (!Array.isArray(config.algorithms) || config.algorithms.length === 0) {
    throw new AirlockError('ERR_CONFIG_INVALID', `${label} needs an explicit "algorithms" list`);
  }
  for (const alg of config.algorithms) {
    if (!ASYMMETRIC_ALGORITHMS.has(alg)) {
      throw new AirlockError(
        'ERR_CONFIG_INVALID',
        `${label}: algorithm "${alg}" is not allowed (use one of ${[...ASYMMETRIC_ALGORITHMS].join(', ')})`,
      );
    }
  }
  return {
    issuer: config.issuer,
    algorithms: Object.freeze([...config.algorithms]),
    agentClaim: config.agentClaim ?? 'sub',
    keys: keyResolver(config.jwks, label),
  };
}

function keyResolver(jwks: string, label: string): JWTVerifyGetKey {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(jwks)) {
    const url = new URL(jwks);
    // Plain http would let anyone on the path swap the keys; allowed only for a loopback IdP (tests, dev).
    if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopbackHost(url.hostname))) {
      throw new AirlockError('ERR_CONFIG_INVALID', `${label}: jwks must be an https URL or a file path`);
    }
    return createRemoteJWKSet(url, REMOTE_JWKS);
  }
  let set: JSONWebKeySet;
  try {
    set = JSON.parse(readFileSync(jwks, 'utf8')) as JSONWebKeySet;
  } catch (error) {
    throw new AirlockError(
      'ERR_CONFIG_INVALID',
      `${label}: cannot read JWKS file ${jwks}: ${(error as Error).message}`,
    );
  }
  if (!Array.isArray(set?.keys)) {
    throw new AirlockError('ERR_CONFIG_INVALID', `${label}: JWKS file ${jwks} has no "keys" array`);
  }
  if (set.keys.some((key) => typeof key === 'object' && key !== null && 'd' in key)) {
    throw new AirlockError(
      'ERR_CONFIG_INVALID',
      `${label}: JWKS file ${jwks} holds private keys; publish public keys only`,
    );
  }
  return createLocalJWKSet(set);
}

function isLoopbackHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '');
  if (host === 'localhost') return true;
  if (isIP(host) === 4) return host.startsWith('127.');
  return host === '::1';
}
