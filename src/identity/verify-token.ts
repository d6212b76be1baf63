import { decodeJwt, decodeProtectedHeader, type JWTPayload, jwtVerify } from 'jose';
import { log } from '../log.js';
import type { TrustedIssuer } from './issuers.js';
import { ISSUER_KEYS_UNUSABLE, mapJoseError } from './map-jose-error.js';
import type { VerifyFailure } from './types.js';

export interface TokenRules {
  issuers: ReadonlyMap<string, TrustedIssuer>;
  audience: string;
  clockToleranceS: number;
  maxTokenLifetimeS: number;
}

const invalid = (reason: string): VerifyFailure => ({ ok: false, code: 'ERR_AUTH_INVALID', reason });

/**
 * Verifies a compact JWT against the issuer its (unverified) iss names, then enforces the lifetime cap.
 * Picking the issuer from the unverified iss is safe: only that issuer's keys and algorithms are tried,
 * and jose re-checks iss after the signature.
 */
export async function verifyToken(options: {
  token: string;
  rules: TokenRules;
  nowS: number;
}): Promise<{ ok: true; payload: JWTPayload; issuer: TrustedIssuer } | VerifyFailure> {
  const { token, rules, nowS } = options;
  let alg: unknown;
  let iss: unknown;
  try {
    alg = decodeProtectedHeader(token).alg;
    iss = decodeJwt(token).iss;
  } catch {
    return invalid('malformed token');
  }
  if (typeof iss !== 'string') return invalid('missing required "iss" claim');
  const issuer = rules.issuers.get(iss);
  if (issuer === undefined) return invalid('token issuer is not trusted (iss)');
  if (typeof alg !== 'string' || !issuer.algorithms.includes(alg)) {
    return invalid('algorithm not allowed for this issuer');
  }
  let payload: JWTPayload;
  try {
    ({ payload } = await jwtVerify(token, issuer.keys, {
      algorithms: [...issuer.algorithms],
      issuer: issuer.issuer,
      audience: rules.audience,
      clockTolerance: rules.clockToleranceS,
      requiredClaims: ['exp', 'iat', issuer.agentClaim],
      currentDate: new Date(nowS * 1000),
      ...(issuer.typ === undefined ? {} : { typ: issuer.typ }),
    }));
  } catch (error) {
    const failure = mapJoseError(error);
    if (failure.reason === ISSUER_KEYS_UNUSABLE) {
      log.warn({ issuer: issuer.issuer, err: error }, 'cannot use the issuer keys');
    }
    return failure;
  }
  const exp = payload.exp!;
  const iat = payload.iat!;
  if (iat > nowS + rules.clockToleranceS) return invalid('token issued in the future (iat)');
  if (exp - iat > rules.maxTokenLifetimeS) {
    return {
      ok: false,
      code: 'ERR_AUTH_LIFETIME',
      reason: `token lifetime exceeds the maximum of ${rules.maxTokenLifetimeS}s`,
    };
  }
  return { ok: true, payload, issuer };
}
