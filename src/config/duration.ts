import { type Decision, deny } from '../errors.js';

const UNIT_MS = { ms: 1, s: 1000, m: 60_000, min: 60_000, h: 3_600_000, d: 86_400_000 } as const;

/** Parses "500ms", "30s", "15m", "1h", "2d" into milliseconds. */
export function parseDuration(text: string): Decision<{ ms: number }> {
  const match = /^(\d+(?:\.\d+)?)\s*(ms|s|m|min|h|d)$/.exec(text.trim());
  if (!match) return deny('ERR_CONFIG_INVALID', `invalid duration "${text}" (expected e.g. 30s, 15m, 1h)`);
  const ms = Number(match[1]) * UNIT_MS[match[2] as keyof typeof UNIT_MS];
  if (!Number.isFinite(ms) || ms <= 0)
    return deny('ERR_CONFIG_INVALID', `duration "${text}" must be positive`);
  return { ok: true, ms };
}

/** Parses a rate "30/min", "5/s", "100/h" into a count per window. */
export function parseRate(text: string): Decision<{ count: number; windowMs: number }> {
  const match = /^(\d+)\s*\/\s*(s|sec|min|m|h)$/.exec(text.trim());
  if (!match) return deny('ERR_CONFIG_INVALID', `invalid rate "${text}" (expected e.g. 30/min, 5/s, 100/h)`);
  const count = Number(match[1]);
  const windowMs = { s: 1000, sec: 1000, m: 60_000, min: 60_000, h: 3_600_000 }[
    match[2] as 's' | 'sec' | 'm' | 'min' | 'h'
  ];
  if (count <= 0) return deny('ERR_CONFIG_INVALID', `rate "${text}" must allow at least one call`);
  return { ok: true, count, windowMs };
}
