import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { calculateJwkThumbprint, importJWK, type JWK, SignJWT } from 'jose';

/** What a row needs to forge a token: the server's issuer key and its audience/issuer. */
export interface ForgeContext {
  dataDir: string;
  audience: string;
  issuer: string;
  valid: (agent: string) => Promise<string>;
}

export interface HttpAuthVector {
  name: string;
  /** The Authorization header to send, or undefined for none. */
  header: (ctx: ForgeContext) => Promise<string | undefined>;
  status: 401 | 400;
  code: string;
  /** What the refusal must say, so a row cannot pass for the wrong reason. */
  reason: RegExp;
  source: string;
}

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const now = () => Math.floor(Date.now() / 1000);

async function issuerKey(ctx: ForgeContext) {
  const jwk = JSON.parse(await readFile(join(ctx.dataDir, 'keys', 'issuer-ed25519.json'), 'utf8')) as JWK;
  const kid = await calculateJwkThumbprint({ kty: jwk.kty!, crv: jwk.crv!, x: jwk.x! });
  return { key: await importJWK(jwk, 'EdDSA'), kid, x: jwk.x! };
}

/** Signs with the server's real key, so only the named defect makes the token invalid. */
async function signed(
  ctx: ForgeContext,
  claims: Record<string, unknown>,
  opts: { kid?: string; lifetimeS?: number } = {},
): Promise<string> {
  const { key, kid } = await issuerKey(ctx);
  const iat = now();
  const body = {
    sub: 'coder',
    iss: ctx.issuer,
    aud: ctx.audience,
    iat,
    exp: iat + (opts.lifetimeS ?? 300),
    jti: `t-${Math.random()}`,
    ...claims,
  };
  return `Bearer ${await new SignJWT(body).setProtectedHeader({ alg: 'EdDSA', kid: opts.kid ?? kid, typ: 'at+jwt' }).sign(key)}`;
}

export const HTTP_AUTH_VECTORS: HttpAuthVector[] = [
  {
    name: 'no Authorization header',
    header: async () => undefined,
    status: 401,
    code: 'ERR_AUTH_MISSING',
    reason: /no bearer token/,
    source: 'RFC 6750 §3 (WWW-Authenticate on missing credentials); MCP authorization spec 2025-06-18 §2.7',
  },
  {
    name: 'expired token',
    header: (ctx) => signed(ctx, { iat: now() - 900, exp: now() - 600 }),
    status: 401,
    code: 'ERR_AUTH_EXPIRED',
    reason: /expired/,
    source: 'RFC 7519 §4.1.4 exp; RFC 8725 §3.10',
  },
  {
    name: 'token for another resource (wrong aud)',
    header: (ctx) => signed(ctx, { aud: 'https://other-server.example/mcp' }),
    status: 401,
    code: 'ERR_AUTH_INVALID',
    reason: /\(aud\)/,
    source: 'RFC 8707 audience restriction; MCP security best practices: token passthrough / confused deputy',
  },
  {
    name: 'token from an unknown issuer',
    header: (ctx) => signed(ctx, { iss: 'https://evil.example' }),
    status: 401,
    code: 'ERR_AUTH_INVALID',
    reason: /\(iss\)/,
    source: 'RFC 8725 §3.8 validate issuer and subject',
  },
  {
    name: 'alg none (unsigned token)',
    header: async (ctx) =>
      `Bearer ${b64({ alg: 'none', typ: 'at+jwt' })}.${b64({ sub: 'coder', iss: ctx.issuer, aud: ctx.audience, iat: now(), exp: now() + 60 })}.`,
    status: 401,
    code: 'ERR_AUTH_INVALID',
    reason: /algorithm not allowed/,
    source: 'Auth0, "Critical vulnerabilities in JSON Web Token libraries" (2015): alg none; RFC 8725 §2.1',
  },
  {
    name: 'HS256 signed with the public key (algorithm confusion)',
    header: async (ctx) => {
      const { x, kid } = await issuerKey(ctx);
      const secret = new TextEncoder().encode(x);
      const body = { sub: 'coder', iss: ctx.issuer, aud: ctx.audience, iat: now(), exp: now() + 60 };
      return `Bearer ${await new SignJWT(body).setProtectedHeader({ alg: 'HS256', kid, typ: 'at+jwt' }).sign(secret)}`;
    },
    status: 401,
    code: 'ERR_AUTH_INVALID',
    reason: /algorithm not allowed/,
    source: 'CVE-2015-9235 (jsonwebtoken key confusion); RFC 8725 §2.1 and §3.1',
  },
  {
    name: 'lifetime longer than the maximum (exp - iat > 1h)',
    header: (ctx) => signed(ctx, {}, { lifetimeS: 24 * 3600 }),
    status: 401,
    code: 'ERR_AUTH_LIFETIME',
    reason: /lifetime exceeds/,
    source:
      'Airlock design: short-lived non-human identities; OWASP NHI Top 10 (2025) NHI7 long-lived secrets',
  },
  {
    name: 'unknown key id',
    header: (ctx) => signed(ctx, {}, { kid: 'not-a-known-kid' }),
    status: 401,
    code: 'ERR_AUTH_INVALID',
    reason: /\(kid\)/,
    source: 'RFC 7515 §4.1.4 kid; RFC 8725 §3.10 (do not fetch or trust unknown keys)',
  },
  {
    name: 'tampered payload (signature no longer matches)',
    header: async (ctx) => {
      const token = (await ctx.valid('reader')).slice('Bearer '.length);
      const [h, , s] = token.split('.');
      return `Bearer ${h}.${b64({ sub: 'coder', iss: ctx.issuer, aud: ctx.audience, iat: now(), exp: now() + 60 })}.${s}`;
    },
    status: 401,
    code: 'ERR_AUTH_INVALID',
    reason: /signature/,
    source: 'RFC 7515 §5.2 signature validation; privilege escalation by editing sub',
  },
  {
    name: 'Basic credentials instead of a bearer token',
    header: async () => `Basic ${Buffer.from('coder:secret').toString('base64')}`,
    status: 401,
    code: 'ERR_AUTH_INVALID',
    reason: /scheme must be Bearer/,
    source: 'RFC 6750 §2.1 (only the Bearer scheme is accepted)',
  },
  {
    name: 'garbage bearer token',
    header: async () => 'Bearer not.a.jwt',
    status: 401,
    code: 'ERR_AUTH_INVALID',
    reason: /malformed/,
    source: 'RFC 7519 §7.2 validation steps',
  },
];
