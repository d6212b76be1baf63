import { createRequire } from 'node:module';
import type IsolatedVM from 'ivm5';
import { AirlockError } from '../errors.js';

export type Ivm = typeof IsolatedVM;

/**
 * isolated-vm ships one native build per Node.js major line, so package.json installs three optional
 * aliases and whichever builds on this machine is used. This module is the only place naming them.
 */
const CANDIDATES = [
  { name: 'ivm7', nodeMajors: [24, 25, 26] },
  { name: 'ivm6', nodeMajors: [22, 23] },
  { name: 'ivm5', nodeMajors: [20, 21] },
] as const;

let loaded: { ivm: Ivm; name: string } | undefined;

/** Candidates built for this Node.js major come first; the rest keep their newest-first order. */
export function candidateOrder(nodeMajor: number): string[] {
  const matching = CANDIDATES.filter((c) => (c.nodeMajors as readonly number[]).includes(nodeMajor));
  const others = CANDIDATES.filter((c) => !matching.includes(c));
  return [...matching, ...others].map((c) => c.name);
}

export function loadIvm(): { ivm: Ivm; name: string } {
  if (loaded) return loaded;
  const require = createRequire(import.meta.url);
  const nodeMajor = Number(process.versions.node.split('.')[0]);
  const failures: string[] = [];
  for (const name of candidateOrder(nodeMajor)) {
    try {
      loaded = { ivm: require(name) as Ivm, name };
      return loaded;
    } catch (error) {
      failures.push(`${name}: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
    }
  }
  throw new AirlockError(
    'ERR_SANDBOX_UNAVAILABLE',
    `no isolated-vm build loads on Node.js ${process.versions.node}; tried ${failures.join('; ')}`,
  );
}
