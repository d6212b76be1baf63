// Forged and invalid bearer tokens, replayed by test/identity/vectors.test.ts against a service that
// trusts three issuers: the embedded local one (EdDSA), a remote JWKS over HTTP (ES256) and a JWKS file (RS256).
import type { VerifyFailureCode } from '../../src/identity/index.js';
import { b64u, compact, hs256, type Json, type SigningKey, signEs256Der, signJwt } from './tokens-forge.js';

export interface TokenLab {
  /** The service's clock, epoch seconds. */
  now: number;
  audience: string;
  local: SigningKey & { issuer: string };
  remote: SigningKey & { issuer: string };
  file: SigningKey & { issuer: string };
  /** A JWKS-file issuer (RS256) whose only key is a 1024-bit RSA key. */
  weak: SigningKey & { issuer: string };
  /** Keys no issuer trusts. */
  attacker: { ed: SigningKey; es: SigningKey };
  revokedJti: string;
  revokedAgent: string;
}

export interface TokenVector {
  name: string;
  /** Where the attack or rule comes from. */
  source: string;
  expect: 'ok' | VerifyFailureCode;
  /** The Authorization header value to present (undefined = no header). */
  authorization: (lab: TokenLab) => string | undefined;
}

const RFC8725 = 'RFC 8725 (JWT Best Current Practices)';

/** Valid baseline claims for an issuer; a key set to undefined is removed. */
export function claims(
  lab: TokenLab,
  over: Json = {},
  issuer: 'local' | 'remote' | 'file' | 'weak' = 'local',
): Json {
  const base: Json = {
    iss: lab[issuer].issuer,
    sub: 'support-bot',
    aud: lab.audience,
    jti: `jti-${Math.random().toString(36).slice(2)}`,
    iat: lab.now - 10,
    nbf: lab.now - 10,
    exp: lab.now + 600,
    scope: 'tools:call',
  };
  const merged: Json = { ...base, ...over };
  for (const [k, v] of Object.entries(merged)) if (v === undefined) delete merged[k];
  return merged;
}

/** A correctly signed local-issuer token (typ at+jwt, as mint() makes). */
export function localToken(lab: TokenLab, over: Json = {}, header: Json = {}): string {
  return signJwt(lab.local, claims(lab, over), { typ: 'at+jwt', ...header });
}

const bearer = (token: string) => `Bearer ${token}`;
const localPem = (lab: TokenLab) => lab.local.publicKey.export({ format: 'pem', type: 'spki' });

export const tokenVectors: TokenVector[] = [
  // --- accepted baselines (so the table proves the refusals are specific) ---
  {
    name: 'valid local-issuer token',
    source: 'RFC 7519 §7.2 (validating a JWT); RFC 9068 (JWT access tokens)',
    expect: 'ok',
    authorization: (lab) => bearer(localToken(lab)),
  },
  {
    name: 'scheme name in lower case',
    source: 'RFC 9110 §11.1 (auth-scheme is case-insensitive); RFC 6750 §2.1',
    expect: 'ok',
    authorization: (lab) => `bearer ${localToken(lab)}`,
  },
  {
    name: 'valid ES256 token from the remote JWKS issuer (fetched over HTTP from 127.0.0.1)',
    source: 'RFC 7517 §5 (JWK Set); RFC 8414 jwks_uri',
    expect: 'ok',
    authorization: (lab) => bearer(signJwt(lab.remote, claims(lab, {}, 'remote'))),
  },
  {
    name: 'valid RS256 token from the JWKS-file issuer',
    source: 'RFC 7517 §5 (JWK Set)',
    expect: 'ok',
    authorization: (lab) => bearer(signJwt(lab.file, claims(lab, {}, 'file'))),
  },
  {
    name: 'aud is an array that includes this resource',
    source: 'RFC 7519 §4.1.3 (aud may be an array)',
    expect: 'ok',
    authorization: (lab) => bearer(localToken(lab, { aud: ['https://other.example/api', lab.audience] })),
  },
  {
    name: 'expired by less than the clock tolerance',
    source: 'RFC 7519 §4.1.4 (leeway for clock skew)',
    expect: 'ok',
    authorization: (lab) => bearer(localToken(lab, { iat: lab.now - 600, exp: lab.now - 5 })),
  },
  {
    name: 'lifetime exactly the maximum (1 h)',
    source: 'Airlock issue 2: maximum token lifetime (boundary)',
    expect: 'ok',
    authorization: (lab) => bearer(localToken(lab, { iat: lab.now - 10, exp: lab.now - 10 + 3600 })),
  },
  // --- algorithm attacks ---
  {
    name: 'alg none with an empty signature',
    source: `Auth0, "Critical vulnerabilities in JSON Web Token libraries" (2015); ${RFC8725} §2.1`,
    expect: 'ERR_AUTH_INVALID',
    authorization: (lab) => bearer(compact({ alg: 'none', typ: 'at+jwt' }, claims(lab))),
  },
  {
    name: 'alg nOnE (case variation) with an empty signature',
    source:
      'PortSwigger Web Security Academy, JWT attacks lab "JWT authentication bypass via flawed signature verification"',
    expect: 'ERR_AUTH_INVALID',
    authorization: (lab) => bearer(compact({ alg: 'nOnE', typ: 'at+jwt' }, claims(lab))),
  },
  {
    name: 'HS256 signed with the local issuer public key (PEM) as HMAC secret',
    source: `CVE-2015-9235 (node-jsonwebtoken algorithm confusion); ${RFC8725} §3.1`,
    expect: 'ERR_AUTH_INVALID',
    authorization: (lab) => bearer(hs256(localPem(lab), claims(lab), { kid: lab.local.kid, typ: 'at+jwt' })),
  },
  {
    name: 'HS256 signed with the raw Ed25519 public key bytes (JWK x) as HMAC secret',
    source: `CVE-2015-9235 variant; ${RFC8725} §3.1`,
    expect: 'ERR_AUTH_INVALID',
    authorization: (lab) =>
      bearer(
        hs256(Buffer.from(lab.local.publicJwk['x'] as string, 'base64url'), claims(lab), {
          kid: lab.local.kid,
          typ: 'at+jwt',
        }),
      ),
  },
  {
    name: 'HS256 signed with the RSA public key (PEM) of the JWKS-file issuer',
    source: 'CVE-2015-9235 (the original RS256 -> HS256 confusion)',
    expect: 'ERR_AUTH_INVALID',
    authorization: (lab) =>
      bearer(
        hs256(lab.file.publicKey.export({ format: 'pem', type: 'spki' }), claims(lab, {}, 'file'), {
          kid: lab.file.kid,
        }),
      ),
  },
  {
    name: 'HS256 signed with the remote ES256 public key (PEM)',
    source: 'CVE-2015-9235 applied to an ECDSA issuer',
    expect: 'ERR_AUTH_INVALID',
    authorization: (lab) =>
      bearer(
        hs256(lab.remote.publicKey.export({ format: 'pem', type: 'spki' }), claims(lab, {}, 'remote'), {
          kid: lab.remote.kid,
        }),
      ),
  },
  {
    name: 'ES256 "psychic signature" r = s = 0 for the remote issuer',
    source: 'CVE-2022-21449 (Java ECDSA accepted r=s=0)',
    expect: 'ERR_AUTH_INVALID',
    authorization: (lab) =>
      bearer(compact({ alg: 'ES256', kid: lab.remote.kid }, claims(lab, {}, 'remote'), Buffer.alloc(64))),
  },
  {
    name: 'ES256 signature r = s = n (curve order) for the remote issuer',
    source: 'CVE-2022-21449 follow-up: r, s must be in [1, n-1] (SEC 1 §4.1.4)',
    expect: 'ERR_AUTH_INVALID',
    authorization: (lab) => {
      const n = Buffer.from('ffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551', 'hex');
      return bearer(
        compact({ alg: 'ES256', kid: lab.remote.kid }, claims(lab, {}, 'remote'), Buffer.concat([n, n])),
      );
    },
  },
  {
    name: 'ES256 signature in ASN.1 DER instead of R || S',
    source: 'RFC 7518 §3.4 (ECDSA signature is the 64-byte R || S); signature malleability across encodings',
    expect: 'ERR_AUTH_INVALID',
    authorization: (lab) => bearer(signEs256Der(lab.remote, claims(lab, {}, 'remote'))),
  },
  {
    name: 'RS256 token from an issuer whose JWKS key is only 1024 bits',
    source: `RFC 7518 §3.3 (RSA keys of 2048 bits or more); ${RFC8725} §3.5`,
    expect: 'ERR_AUTH_INVALID',
    authorization: (lab) => bearer(signJwt(lab.weak, claims(lab, {}, 'weak'))),
  },
  {
    name: 'EdDSA token to the remote issuer, which allows only ES256',
    source: `${RFC8725} §3.1 (per-issuer algorithm allowlist)`,
    expect: 'ERR_AUTH_INVALID',
    authorization: (lab) =>
      bearer(signJwt(lab.attacker.ed, claims(lab, {}, 'remote'), { kid: lab.remote.kid })),
  },
  // --- key selection attacks ---
  {
    name: 'unknown kid',
    source: `${RFC8725} §3.10 (do not trust received claims: kid); RFC 7515 §4.1.4`,
    expect: 'ERR_AUTH_INVALID',
    authorization: (lab) =>
      bearer(signJwt(lab.attacker.ed, claims(lab), { kid: 'no-such-key', typ: 'at+jwt' })),
  },
  {
    name: 'kid path traversal to /dev/null with HS256 and an empty secret',
    source: 'PortSwigger Web Security Academy, "JWT authentication bypass via kid header path traversal"',
    expect: 'ERR_AUTH_INVALID',
    authorization: (lab) =>
      bearer(hs256('', claims(lab), { kid: '../../../../../../dev/null', typ: 'at+jwt' })),
  },
  {
    name: 'embedded jwk header carrying the attacker key (kid of the real key)',
    source:
      'CVE-2018-0114 (node-jose trusted the embedded jwk); PortSwigger "JWT authentication bypass via jwk header injection"',
    expect: 'ERR_AUTH_INVALID',
    authorization: (lab) =>
      bearer(
        signJwt(lab.attacker.ed, claims(lab), {
          kid: lab.local.kid,
          typ: 'at+jwt',
          jwk: { ...lab.attacker.ed.publicJwk, kid: lab.local.kid },
        }),
      ),
  },
  {
    name: 'jku header pointing at an attacker JWKS',
    source: 'PortSwigger Web Security Academy, "JWT authentication bypass via jku header injection"',
    expect: 'ERR_AUTH_INVALID',
    authorization: (lab) =>
      bearer(
        signJwt(lab.attacker.ed, claims(lab), {
          kid: lab.local.kid,
          typ: 'at+jwt',
          jku: 'https://attacker.example/jwks.json',
        }),
      ),
  },
  {
    name: 'attacker key signs a local-issuer token with the real kid',
    source: 'RFC 7515 §5.2 (signature validation)',
    expect: 'ERR_AUTH_INVALID',
    authorization: (lab) =>
      bearer(signJwt(lab.attacker.ed, claims(lab), { kid: lab.local.kid, typ: 'at+jwt' })),
  },
  {
    name: 'remote issuer key signs a token claiming the local issuer',
    source: `${RFC8725} §3.8 (validate issuer; keys belong to one issuer)`,
    expect: 'ERR_AUTH_INVALID',
    authorization: (lab) => bearer(signJwt(lab.remote, claims(lab, {}, 'local'), { typ: 'at+jwt' })),
  },
  {
    name: 'remote issuer token signed by an attacker ES256 key with the real kid',
    source: 'RFC 7515 §5.2 (signature validation)',
    expect: 'ERR_AUTH_INVALID',
    authorization: (lab) =>
      bearer(signJwt(lab.attacker.es, claims(lab, {}, 'remote'), { kid: lab.remote.kid })),
  },
  {
    name: 'remote issuer token with a kid the JWKS does not hold',
    source: `${RFC8725} §3.10; RFC 7517 §4.5`,
    expect: 'ERR_AUTH_INVALID',
    authorization: (lab) =>
      bearer(signJwt(lab.attacker.es, claims(lab, {}, 'remote'), { kid: 'rotated-away' })),
  },
  // --- structure and integrity ---
  {
    name: 'payload tampered after signing (sub changed)',
    source: 'RFC 7515 §5.2 (signature covers header and payload)',
    expect: 'ERR_AUTH_INVALID',
    authorization: (lab) => {
      const [h, , s] = localToken(lab).split('.');
      return bearer(`${h}.${b64u(JSON.stringify(claims(lab, { sub: 'admin-bot' })))}.${s}`);
    },
  },
  {
    name: 'signature stripped from a valid token',
    source: `${RFC8725} §2.1 (insufficient signature validation)`,
    expect: 'ERR_AUTH_INVALID',
    authorization: (lab) => bearer(`${localToken(lab).split('.').slice(0, 2).join('.')}.`),
  },
  {
    name: 'local token without the at+jwt typ (another kind of JWT)',
    source: `${RFC8725} §2.8 (cross-JWT confusion) and §3.11 (explicit typing); RFC 9068 §4`,
    expect: 'ERR_AUTH_INVALID',
    authorization: (lab) => bearer(signJwt(lab.local, claims(lab), { typ: 'JWT' })),
  },
  {
    name: 'unknown critical header parameter',
    source: 'RFC 7515 §4.1.11 (crit must be understood)',
    expect: 'ERR_AUTH_INVALID',
    authorization: (lab) => bearer(localToken(lab, {}, { crit: ['x-unknown'], 'x-unknown': true })),
  },
  {
    name: 'garbage instead of a JWT',
    source: 'OWASP Web Security Testing Guide, WSTG-SESS-10 (testing JSON Web Tokens)',
    expect: 'ERR_AUTH_INVALID',
    authorization: () => 'Bearer not-a-jwt',
  },
  {
    name: 'three dot-separated parts that are not base64url JSON',
    source: 'OWASP WSTG-SESS-10',
    expect: 'ERR_AUTH_INVALID',
    authorization: () => 'Bearer aaaa.bbbb.cccc',
  },
  {
    name: 'encrypted JWT (JWE, five parts) instead of a signed one',
    source: `RFC 7516 §7.1 (JWE compact serialization); ${RFC8725} §2.8 (cross-JWT confusion)`,
    expect: 'ERR_AUTH_INVALID',
    authorization: () => 'Bearer eyJhbGciOiJkaXIiLCJlbmMiOiJBMTI4R0NNIn0..aGVsbG8.d29ybGQ.dGFn',
  },
  {
    name: 'oversized token (denial of service on parsing)',
    source: 'OWASP API Security Top 10 2023, API4 (unrestricted resource consumption)',
    expect: 'ERR_AUTH_INVALID',
    authorization: (lab) => bearer(localToken(lab, { pad: 'x'.repeat(10_000) })),
  },
  // --- claims ---
  {
    name: 'expired token',
    source: 'RFC 7519 §4.1.4 (exp)',
    expect: 'ERR_AUTH_EXPIRED',
    authorization: (lab) =>
      bearer(localToken(lab, { iat: lab.now - 1200, nbf: lab.now - 1200, exp: lab.now - 600 })),
  },
  {
    name: 'nbf in the future',
    source: 'RFC 7519 §4.1.5 (nbf)',
    expect: 'ERR_AUTH_EXPIRED',
    authorization: (lab) => bearer(localToken(lab, { nbf: lab.now + 600, exp: lab.now + 900 })),
  },
  {
    name: 'iat in the future',
    source: 'RFC 7519 §4.1.6 (iat); a pre-dated token would dodge the lifetime cap',
    expect: 'ERR_AUTH_INVALID',
    authorization: (lab) =>
      bearer(localToken(lab, { iat: lab.now + 600, nbf: undefined, exp: lab.now + 900 })),
  },
  {
    name: 'token for another resource (wrong aud)',
    source: `RFC 8707 §2 (resource indicators); ${RFC8725} §3.9; MCP authorization spec (token passthrough)`,
    expect: 'ERR_AUTH_INVALID',
    authorization: (lab) => bearer(localToken(lab, { aud: 'http://127.0.0.1:3700/other' })),
  },
  {
    name: 'no aud claim',
    source: `${RFC8725} §3.9 (use and validate audience)`,
    expect: 'ERR_AUTH_INVALID',
    authorization: (lab) => bearer(localToken(lab, { aud: undefined })),
  },
  {
    name: 'untrusted issuer',
    source: `${RFC8725} §3.8 (validate issuer)`,
    expect: 'ERR_AUTH_INVALID',
    authorization: (lab) =>
      bearer(signJwt(lab.attacker.ed, claims(lab, { iss: 'https://evil.example' }), { typ: 'at+jwt' })),
  },
  {
    name: 'no iss claim',
    source: `${RFC8725} §3.8 (validate issuer)`,
    expect: 'ERR_AUTH_INVALID',
    authorization: (lab) => bearer(localToken(lab, { iss: undefined })),
  },
  {
    name: 'lifetime over the maximum (exp - iat = 2 h)',
    source:
      'Airlock issue 2: maximum token lifetime 1 h; RFC 9700 (OAuth 2.0 Security BCP) on short-lived tokens',
    expect: 'ERR_AUTH_LIFETIME',
    authorization: (lab) => bearer(localToken(lab, { iat: lab.now - 10, exp: lab.now - 10 + 7200 })),
  },
  {
    name: 'lifetime over the maximum on a remote issuer token',
    source: 'Airlock issue 2: maximum token lifetime applies to every issuer',
    expect: 'ERR_AUTH_LIFETIME',
    authorization: (lab) => bearer(signJwt(lab.remote, claims(lab, { exp: lab.now + 86_400 }, 'remote'))),
  },
  {
    name: 'missing exp (a token that never expires)',
    source: 'Airlock issue 2 (exp required); OWASP JSON Web Token Cheat Sheet',
    expect: 'ERR_AUTH_INVALID',
    authorization: (lab) => bearer(localToken(lab, { exp: undefined })),
  },
  {
    name: 'missing iat (lifetime cannot be bounded)',
    source: 'Airlock issue 2 (iat required for the lifetime cap)',
    expect: 'ERR_AUTH_INVALID',
    authorization: (lab) => bearer(localToken(lab, { iat: undefined })),
  },
  {
    name: 'missing sub (no agent)',
    source: `${RFC8725} §3.8 (validate subject); RFC 9068 §2.2 (sub required)`,
    expect: 'ERR_AUTH_INVALID',
    authorization: (lab) => bearer(localToken(lab, { sub: undefined })),
  },
  {
    name: 'sub is a number, not a string',
    source: 'RFC 7519 §4.1.2 (sub is a StringOrURI)',
    expect: 'ERR_AUTH_INVALID',
    authorization: (lab) => bearer(localToken(lab, { sub: 42 })),
  },
  {
    name: 'sub is empty',
    source: 'RFC 7519 §4.1.2',
    expect: 'ERR_AUTH_INVALID',
    authorization: (lab) => bearer(localToken(lab, { sub: '' })),
  },
  {
    name: 'exp is a string',
    source: 'RFC 7519 §2 (NumericDate); type confusion in claim checks',
    expect: 'ERR_AUTH_INVALID',
    authorization: (lab) => bearer(localToken(lab, { exp: String(lab.now + 600) })),
  },
  {
    name: 'scope is an object',
    source: 'RFC 8693 §4.2 (scope is a space-delimited string)',
    expect: 'ERR_AUTH_INVALID',
    authorization: (lab) => bearer(localToken(lab, { scope: { admin: true } })),
  },
  // --- revocation ---
  {
    name: 'revoked jti',
    source: `Airlock issue 2 (revocation by jti); ${RFC8725} §3.10`,
    expect: 'ERR_AUTH_REVOKED',
    authorization: (lab) => bearer(localToken(lab, { jti: lab.revokedJti })),
  },
  {
    name: 'revoked agent',
    source:
      'Airlock issue 2 (revocation by agent); OWASP Non-Human Identities Top 10 2025, NHI1 (improper offboarding)',
    expect: 'ERR_AUTH_REVOKED',
    authorization: (lab) => bearer(localToken(lab, { sub: lab.revokedAgent })),
  },
  // --- header shape ---
  {
    name: 'no Authorization header',
    source: 'RFC 6750 §3.1 (no authentication information)',
    expect: 'ERR_AUTH_MISSING',
    authorization: () => undefined,
  },
  {
    name: 'empty Authorization header',
    source: 'RFC 6750 §3.1',
    expect: 'ERR_AUTH_MISSING',
    authorization: () => '  ',
  },
  {
    name: 'token presented with the Basic scheme',
    source: 'RFC 6750 §2.1 (Bearer scheme only)',
    expect: 'ERR_AUTH_INVALID',
    authorization: (lab) => `Basic ${localToken(lab)}`,
  },
  {
    name: 'two bearer tokens in one header',
    source: 'RFC 6750 §2.1 (exactly one b64token); MCP security best practices (ambiguous credentials)',
    expect: 'ERR_AUTH_INVALID',
    authorization: (lab) => `Bearer ${localToken(lab)} ${localToken(lab)}`,
  },
  {
    name: 'two bearer credentials joined by a comma',
    source: 'RFC 9110 §5.3 (a combined field value is a comma list)',
    expect: 'ERR_AUTH_INVALID',
    authorization: (lab) => `Bearer ${localToken(lab)}, Bearer ${localToken(lab)}`,
  },
  {
    name: 'Bearer with no token',
    source: 'RFC 6750 §2.1',
    expect: 'ERR_AUTH_INVALID',
    authorization: () => 'Bearer',
  },
];
