import type { VerifyFailure } from './types.js';

/** Far above any real access token; bounds the work an unauthenticated caller can cause. */
export const MAX_TOKEN_CHARS = 8192;

const COMPACT_JWS = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/;

/** Extracts the JWT from an Authorization header: scheme Bearer (any case), exactly one token (RFC 6750 §2.1). */
export function parseBearer(header: string | undefined): { ok: true; token: string } | VerifyFailure {
  if (header === undefined || header.trim() === '') {
    return { ok: false, code: 'ERR_AUTH_MISSING', reason: 'no bearer token in the Authorization header' };
  }
  const parts = header.trim().split(/\s+/);
  if (parts[0]?.toLowerCase() !== 'bearer') {
    return { ok: false, code: 'ERR_AUTH_INVALID', reason: 'the Authorization scheme must be Bearer' };
  }
  if (parts.length !== 2) {
    return { ok: false, code: 'ERR_AUTH_INVALID', reason: 'expected exactly one bearer token' };
  }
  const token = parts[1]!;
  if (token.length > MAX_TOKEN_CHARS) {
    return { ok: false, code: 'ERR_AUTH_INVALID', reason: 'bearer token too large' };
  }
  if (!COMPACT_JWS.test(token)) {
    return { ok: false, code: 'ERR_AUTH_INVALID', reason: 'bearer token is not a compact JWT' };
  }
  return { ok: true, token };
}
