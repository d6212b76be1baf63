import type { JWTPayload } from 'jose';
import type { AgentIdentity, VerifyFailure } from './types.js';

/** Agent ids appear in policies, logs and audit records: printable, no spaces, bounded. */
const AGENT_ID = /^[\x21-\x7e]{1,256}$/;
/** RFC 6749 §3.3 scope-token. */
const SCOPE_TOKEN = /^[\x21\x23-\x5b\x5d-\x7e]+$/;

const invalid = (reason: string): VerifyFailure => ({ ok: false, code: 'ERR_AUTH_INVALID', reason });

export function isValidAgentId(agent: unknown): agent is string {
  return typeof agent === 'string' && AGENT_ID.test(agent);
}

export function isValidScope(scope: unknown): scope is string {
  return typeof scope === 'string' && SCOPE_TOKEN.test(scope);
}

/** Scopes from `scope` (space-separated, RFC 8693/9068) or `scp` (array, common in IdPs). */
export function readScopes(payload: JWTPayload): { ok: true; scopes: string[] } | VerifyFailure {
  const { scope, scp } = payload;
  const scopes: string[] = [];
  if (scope !== undefined) {
    if (typeof scope !== 'string') return invalid('invalid "scope" claim');
    scopes.push(...scope.split(' ').filter((s) => s !== ''));
  }
  if (scp !== undefined) {
    const list = typeof scp === 'string' ? scp.split(' ').filter((s) => s !== '') : scp;
    if (!Array.isArray(list) || !list.every(isValidScope)) return invalid('invalid "scp" claim');
    scopes.push(...list);
  }
  if (!scopes.every(isValidScope)) return invalid('invalid "scope" claim');
  return { ok: true, scopes: [...new Set(scopes)] };
}

/** Builds the identity from a payload whose signature, iss, aud, exp and nbf already verified. */
export function toIdentity(options: {
  payload: JWTPayload;
  agentClaim: string;
  token: string;
}): { ok: true; identity: AgentIdentity } | VerifyFailure {
  const { payload, agentClaim, token } = options;
  const agent = payload[agentClaim];
  if (!isValidAgentId(agent)) return invalid(`invalid "${agentClaim}" claim`);
  if (payload.jti !== undefined && (typeof payload.jti !== 'string' || payload.jti === '')) {
    return invalid('invalid "jti" claim');
  }
  const scopes = readScopes(payload);
  if (!scopes.ok) return scopes;
  const identity: AgentIdentity = {
    agent,
    issuer: payload.iss!,
    scopes: scopes.scopes,
    expiresAt: payload.exp!,
    token,
    claims: structuredClone(payload) as Record<string, unknown>,
  };
  if (payload.jti !== undefined) identity.jti = payload.jti;
  if (payload.iat !== undefined) identity.issuedAt = payload.iat;
  return { ok: true, identity: deepFreeze(identity) };
}

/** Cached identities are shared between requests: nobody may mutate one. */
function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
