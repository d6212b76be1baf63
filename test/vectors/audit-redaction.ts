/**
 * Places a secret can hide in tool arguments or free text on its way to the audit log. Each row puts
 * the secret value somewhere; the value (and its usual encodings) must never reach the file bytes.
 * `named: false` rows are caught by key names or credential shapes without being passed as secrets.
 */
export interface RedactionCase {
  name: string;
  source: string;
  secret: string;
  named: boolean;
  args?: unknown;
  reason?: string;
  extra?: Record<string, unknown>;
}

const OWASP_LOGGING = 'OWASP Logging Cheat Sheet, "Data to exclude" (access tokens, passwords, keys)';
const CWE_532 = 'CWE-532: Insertion of Sensitive Information into Log File';
const SECRET = 'sk-live-7fG2pQx9ZrT4mW8v';

export const REDACTION_CASES: RedactionCase[] = [
  {
    name: 'a named secret as a plain argument value',
    source: CWE_532,
    secret: SECRET,
    named: true,
    args: { q: SECRET },
  },
  {
    name: 'a named secret inside a longer string',
    source: CWE_532,
    secret: SECRET,
    named: true,
    args: { body: `please use key=${SECRET} for this` },
  },
  {
    name: 'a named secret deep in nested arrays and objects',
    source: CWE_532,
    secret: SECRET,
    named: true,
    args: { a: [{ b: { c: [`x${SECRET}y`] } }] },
  },
  {
    name: 'a named secret used as an object key',
    source: CWE_532,
    secret: SECRET,
    named: true,
    args: { [SECRET]: 1 },
  },
  {
    name: 'a named secret URL-encoded in a query string',
    source: OWASP_LOGGING,
    secret: 'p@ss w/rd&=+',
    named: true,
    args: { url: `https://api.example.com/v1?q=${encodeURIComponent('p@ss w/rd&=+')}` },
  },
  {
    name: 'a named secret base64-encoded (Basic auth)',
    source: 'RFC 7617 (Basic authentication encodes user:password in base64)',
    secret: 'user:hunter2hunter2',
    named: true,
    args: { note: Buffer.from('user:hunter2hunter2').toString('base64') },
  },
  {
    name: 'a named secret with JSON-escaped characters inside a JSON string argument',
    source: CWE_532,
    secret: 'quote"back\\slash',
    named: true,
    args: { json: JSON.stringify({ token: 'quote"back\\slash' }) },
  },
  {
    name: 'a named secret straddling the preview size cap (a cut must not leave its prefix)',
    source: CWE_532,
    secret: SECRET,
    named: true,
    args: { big: `${'a'.repeat(1000)}${SECRET}${'b'.repeat(5000)}` },
  },
  {
    name: 'a named secret echoed in the reason (an error message)',
    source: OWASP_LOGGING,
    secret: SECRET,
    named: true,
    reason: `upstream said: invalid key ${SECRET}`,
  },
  {
    name: 'a named secret in extra',
    source: CWE_532,
    secret: SECRET,
    named: true,
    extra: { header: `X-Key: ${SECRET}` },
  },
  {
    name: 'an unnamed password under a password key',
    source: OWASP_LOGGING,
    secret: 'correct-horse-battery',
    named: false,
    args: { user: 'bob', password: 'correct-horse-battery' },
  },
  {
    name: 'an unnamed Authorization header value',
    source: OWASP_LOGGING,
    secret: 'c2VjcmV0LXZhbHVlLTEyMzQ1',
    named: false,
    args: { headers: { Authorization: 'Bearer c2VjcmV0LXZhbHVlLTEyMzQ1' } },
  },
  {
    name: 'an unnamed bearer token inside free text',
    source: OWASP_LOGGING,
    secret: 'abcDEF123456ghiJKL',
    named: false,
    args: { text: 'curl -H "Authorization: Bearer abcDEF123456ghiJKL" https://x' },
  },
  {
    name: 'an unnamed JWT in an argument',
    source: 'RFC 7519 (JWT compact serialization: header.payload.signature)',
    secret: 'eyJzdWIiOiJhZ2VudCJ9.c2lnbmF0dXJlLXZhbHVl',
    named: false,
    args: { note: 'token eyJhbGciOiJFZERTQSJ9.eyJzdWIiOiJhZ2VudCJ9.c2lnbmF0dXJlLXZhbHVl here' },
  },
  {
    name: 'an unnamed password in URL userinfo',
    source: 'RFC 3986 section 3.2.1 (use of user:password in URLs is deprecated)',
    secret: 'pa55word!',
    named: false,
    args: { url: 'https://admin:pa55word!@db.example.com/' },
  },
  {
    name: 'an unnamed access_token query parameter',
    source: 'RFC 6750 section 2.3 (URI query parameter bearer tokens end up in logs)',
    secret: 'ya29.a0AfH6SMBx',
    named: false,
    args: { url: 'https://api.example.com/v1/me?access_token=ya29.a0AfH6SMBx&x=1' },
  },
  {
    name: 'an unnamed AWS access key id',
    source: 'AWS IAM docs, access key ID format (AKIA + 16 characters)',
    secret: 'AKIAIOSFODNN7EXAMPLE',
    named: false,
    args: { env: 'AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE' },
  },
  {
    name: 'an unnamed PEM private key',
    source: 'RFC 7468 (PEM textual encoding)',
    secret: 'MIIEvQIBADANBgkqhkiG9w0BAQEFAASC',
    named: false,
    args: {
      key: 'x',
      file: '-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\n-----END PRIVATE KEY-----',
    },
  },
];
