import { type Decision, deny } from '../errors.js';
import { normaliseHostname } from './url-pattern.js';

/** A secret resolved by the caller from the agent policy (`from: env`), bound to the hosts it may go to. */
export interface SecretBinding {
  readonly value: string;
  readonly hosts: readonly string[];
  /** Header to carry the raw value (e.g. "x-api-key"); default is `Authorization: Bearer <value>`. */
  readonly header?: string;
}

/** Looks a secret up by name. Reasons name the secret, never its value. */
export function resolveSecret(
  secrets: Readonly<Record<string, SecretBinding>>,
  name: string,
): Decision<{ binding: SecretBinding }> {
  const binding = Object.hasOwn(secrets, name) ? secrets[name] : undefined;
  if (binding === undefined)
    return deny('ERR_SECRET_UNAVAILABLE', `secret ${name} is not bound for this agent`);
  if (binding.value === '') return deny('ERR_SECRET_UNAVAILABLE', `secret ${name} is unset`);
  return { ok: true, binding };
}

/** Hosts are compared exactly (no wildcards) after the same normalisation as URLs: IDNA, case, trailing dot. */
export function secretBoundTo(binding: SecretBinding, host: string): boolean {
  return binding.hosts.some((h) => normaliseBoundHost(h) === host);
}

function normaliseBoundHost(host: string): string | null {
  const bracketed = host.includes(':') && !host.startsWith('[') ? `[${host}]` : host;
  try {
    return normaliseHostname(new URL(`http://${bracketed}/`).hostname);
  } catch {
    return null;
  }
}

/** The header that carries the secret: name (lower-case) and value. */
export function secretHeader(binding: SecretBinding): [string, string] {
  return binding.header === undefined
    ? ['authorization', `Bearer ${binding.value}`]
    : [binding.header.toLowerCase(), binding.value];
}

/** Replaces every occurrence of the secret's value, so an echoing server cannot hand it to tool code. */
export function redact(text: string, values: readonly string[]): string {
  let out = text;
  for (const v of values) if (v !== '') out = out.split(v).join('[REDACTED]');
  return out;
}
