/**
 * Redaction for everything the audit log stores as free text. Secret values are scrubbed before any
 * truncation, so a cut can never leave a prefix of a secret behind.
 */
export const REDACTED = '[REDACTED]';
export const PREVIEW_MAX_CHARS = 1024;
export const TEXT_MAX_CHARS = 2048;

/** Keys whose values are credentials whatever they contain. */
const SECRET_KEY =
  /^(?:authorization|proxy-authorization|cookie|set-cookie|x-api-key)$|pass(?:word|wd|phrase)?$|secret|token|api[-_]?key|access[-_]?key|private[-_]?key|credential|client[-_]?secret|signature/i;

/** Credential shapes that are scrubbed even when nobody named them as secrets. */
const SECRET_PATTERNS: readonly RegExp[] = [
  /\beyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]*/g,
  /-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]*?(?:-----END [A-Z ]*PRIVATE KEY-----|$)/g,
  /\b(?:AKIA|ASIA)[0-9A-Z]{16}\b/g,
  /\b(?:ghp|gho|ghu|ghs|ghr|github_pat|xox[abprs]|sk|sk_live|rk_live)_[A-Za-z0-9_-]{16,}/g,
];
/** Authorization header values: the scheme stays readable. */
const AUTH_SCHEME = /\b(Bearer|Basic|Token)\s+[A-Za-z0-9\-._~+/]{8,}=*/gi;
/** user:password@ in URLs. */
const URL_USERINFO = /(\b[a-z][a-z0-9+.-]*:\/\/)[^\s/@:]*:[^\s/@]*@/gi;
/** ?token=... style query parameters. */
const URL_SECRET_PARAM =
  /([?&;](?:access_token|id_token|refresh_token|token|api[-_]?key|key|secret|password|sig|signature|code)=)[^&#\s"']*/gi;

export type Scrub = (text: string) => string;

/** Builds a scrubber for the given secret values (and their common encodings) plus the fixed patterns. */
export function makeScrubber(secrets: readonly string[] = []): Scrub {
  const needles = new Set<string>();
  for (const secret of secrets) {
    if (secret.length === 0) continue;
    needles.add(secret);
    needles.add(encodeURIComponent(secret));
    needles.add(JSON.stringify(secret).slice(1, -1));
    needles.add(Buffer.from(secret).toString('base64'));
    needles.add(Buffer.from(secret).toString('base64url'));
  }
  // Longest first, so a secret that contains another is replaced whole.
  const ordered = [...needles].sort((a, b) => b.length - a.length);
  return (text) => {
    let out = text;
    for (const needle of ordered) out = out.split(needle).join(REDACTED);
    out = out.replace(AUTH_SCHEME, `$1 ${REDACTED}`);
    for (const pattern of SECRET_PATTERNS) out = out.replace(pattern, REDACTED);
    out = out.replace(URL_USERINFO, `$1${REDACTED}@`);
    out = out.replace(URL_SECRET_PARAM, `$1${REDACTED}`);
    return out;
  };
}

export function isSecretKey(key: string): boolean {
  return SECRET_KEY.test(key);
}

/** Caps text after scrubbing; the marker says how much was cut. */
export function capText(text: string, max: number): string {
  if (text.length <= max) return text;
  return `${text.slice(0, max)}…(+${text.length - max} chars)`;
}

/** A redacted, size-capped JSON preview of tool arguments. */
export function previewArgs(args: unknown, scrub: Scrub): string {
  const redacted = redactValue(args, scrub, new Set());
  return capText(JSON.stringify(redacted) ?? 'null', PREVIEW_MAX_CHARS);
}

/** Scrubs every string inside a JSON-like value (for reason, diff and extra). */
export function scrubDeep(value: unknown, scrub: Scrub): unknown {
  return redactValue(value, scrub, new Set());
}

function redactValue(value: unknown, scrub: Scrub, path: Set<object>): unknown {
  if (typeof value === 'string') return scrub(value);
  if (value === null || typeof value !== 'object') return value;
  if (path.has(value)) return '[Circular]';
  path.add(value);
  let out: unknown;
  if (Array.isArray(value)) {
    out = value.map((item) => redactValue(item, scrub, path));
  } else {
    // fromEntries defines own properties, so a "__proto__" key stays a key instead of a prototype.
    out = Object.fromEntries(
      Object.entries(value as Record<string, unknown>).map(([key, item]) => [
        scrub(key),
        isSecretKey(key) && item !== null && item !== undefined ? REDACTED : redactValue(item, scrub, path),
      ]),
    );
  }
  path.delete(value);
  return out;
}
