import { type Decision, deny } from '../errors.js';

export interface Scored {
  score: number;
  threshold: number;
  model: string;
  version: string;
}

/** A prompt unlocks gated tools only when it scores at or below the agent's `blockAbove`. */
export function decidePrescore(scored: Scored, blockAbove: number): Decision<{ unlock: true }> {
  if (scored.score > blockAbove) {
    return deny(
      'ERR_GATE_LOCKED',
      `prompt scored ${scored.score.toFixed(3)} > ${blockAbove} on ${scored.model}@${scored.version}; tools stay locked`,
    );
  }
  return { ok: true, unlock: true };
}

/** Refuses a call whose most suspicious string argument scores above the threshold. */
export function decideArguments(
  scores: readonly (Scored & { path: string })[],
  blockAbove: number | undefined,
): Decision<{ max: (Scored & { path: string }) | undefined }> {
  let max: (Scored & { path: string }) | undefined;
  for (const s of scores) if (!max || s.score > max.score) max = s;
  if (max && max.score > (blockAbove ?? max.threshold)) {
    return deny(
      'ERR_GATE_INJECTION',
      `argument ${max.path} scored ${max.score.toFixed(3)} > ${(blockAbove ?? max.threshold).toFixed(3)} on ${max.model}@${max.version}`,
    );
  }
  return { ok: true, max };
}

export type OutputAction = { action: 'pass' } | { action: 'flag' | 'withhold'; reason: string };

/** Text brought back from the network is flagged or withheld when it reads like an injection. */
export function decideOutput(
  scored: Scored,
  mode: 'flag' | 'withhold' | 'off',
  blockAbove?: number,
): OutputAction {
  const limit = blockAbove ?? scored.threshold;
  if (mode === 'off' || scored.score <= limit) return { action: 'pass' };
  return {
    action: mode,
    reason: `fetched text scored ${scored.score.toFixed(3)} > ${limit.toFixed(3)} on ${scored.model}@${scored.version} (possible indirect prompt injection)`,
  };
}

/** Every string inside a tool's arguments, with its JSON path; bounded so a huge input can't stall scoring. */
export function collectStrings(value: unknown, limit = 64): { path: string; text: string }[] {
  const out: { path: string; text: string }[] = [];
  const walk = (node: unknown, path: string, depth: number): void => {
    if (out.length >= limit || depth > 32) return;
    if (typeof node === 'string') {
      // Injections are instructions: a single token (an id, a URL, a number) carries none, so only
      // strings with several words are scored. This also keeps URLs and ids from false positives.
      if (/\S+\s+\S+\s+\S+/.test(node)) out.push({ path, text: node });
    } else if (Array.isArray(node)) {
      for (const [i, item] of node.entries()) walk(item, `${path}[${i}]`, depth + 1);
    } else if (node && typeof node === 'object') {
      for (const [key, item] of Object.entries(node)) walk(item, `${path}.${key}`, depth + 1);
    }
  };
  walk(value, '$', 0);
  return out;
}
