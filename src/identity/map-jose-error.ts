import { errors } from 'jose';
import type { VerifyFailure } from './types.js';

/** Not a verdict on the token itself: the issuer's keys could not be fetched, parsed or used. */
export const ISSUER_KEYS_UNUSABLE = 'issuer keys unavailable or unusable';

const invalid = (reason: string): VerifyFailure => ({ ok: false, code: 'ERR_AUTH_INVALID', reason });

/** Maps jose's error classes to Airlock codes with short reasons that never echo token contents. */
export function mapJoseError(error: unknown): VerifyFailure {
  if (error instanceof errors.JWTExpired) {
    return { ok: false, code: 'ERR_AUTH_EXPIRED', reason: 'token expired' };
  }
  if (error instanceof errors.JWTClaimValidationFailed) {
    if (error.claim === 'nbf' && error.reason === 'check_failed') {
      return { ok: false, code: 'ERR_AUTH_EXPIRED', reason: 'token not yet valid (nbf)' };
    }
    if (error.reason === 'missing') return invalid(`missing required "${error.claim}" claim`);
    if (error.claim === 'aud') return invalid('token was not issued for this resource (aud)');
    if (error.claim === 'iss') return invalid('token issuer mismatch (iss)');
    if (error.claim === 'typ') return invalid('unexpected token type (typ)');
    return invalid(`invalid "${error.claim}" claim`);
  }
  if (error instanceof errors.JOSEAlgNotAllowed) return invalid('algorithm not allowed for this issuer');
  if (error instanceof errors.JWSSignatureVerificationFailed) return invalid('signature verification failed');
  if (error instanceof errors.JWKSNoMatchingKey) return invalid('no issuer key matches the token (kid)');
  if (error instanceof errors.JWKSMultipleMatchingKeys) return invalid('several issuer keys match the token');
  if (error instanceof errors.JWKSTimeout || error instanceof errors.JWKSInvalid) {
    return invalid(ISSUER_KEYS_UNUSABLE);
  }
  if (error instanceof errors.JOSENotSupported)
    return invalid('unsupported algorithm, key or critical header');
  if (error instanceof errors.JWSInvalid || error instanceof errors.JWTInvalid)
    return invalid('malformed token');
  // jose reports a non-200 or non-JSON JWKS response as a bare JOSEError; fetch failures and keys
  // jose will not use (e.g. RSA under 2048 bits) surface as TypeErrors.
  if (error instanceof errors.JOSEError && error.constructor !== errors.JOSEError) {
    return invalid('token verification failed');
  }
  return invalid(ISSUER_KEYS_UNUSABLE);
}
