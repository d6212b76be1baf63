/** The seeded helpers every generator kind composes with (one PRNG stream, so the file is reproducible). */
export interface Gen {
  random(): number;
  pick<T>(xs: readonly T[]): T;
  /** s with probability p, else ''. */
  maybe(p: number, s: string): string;
}

export function createGen(random: () => number): Gen {
  return {
    random,
    pick: (xs) => xs[Math.floor(random() * xs.length)]!,
    maybe: (p, s) => (random() < p ? s : ''),
  };
}

export const cap = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

export const lowerFirst = (s: string): string => s.charAt(0).toLowerCase() + s.slice(1);

export const tidy = (s: string): string =>
  s
    .replace(/\s+/g, ' ')
    .replace(/ ([,.!?])/g, '$1')
    .trim();

/** A whitespace-separated word list as an array (the long lists read better as one string). */
export const words = (s: string): readonly string[] => s.trim().split(/\s+/);

/** A uniform integer in [lo, hi]. */
export const int = (g: Gen, lo: number, hi: number): number => lo + Math.floor(g.random() * (hi - lo + 1));

/** "a umbrella" -> "an umbrella" where a slot put a vowel after the article ("a useful" stays). */
export const article = (s: string): string =>
  s.replace(/(^|[\s"(])([Aa]) (?=(?:[aeio]|u[nm])[a-z])/g, '$1$2n ');

/** A document being composed: its stream and the templates it has used (none is used twice). */
export interface Composition {
  readonly g: Gen;
  readonly used: Set<string>;
}

/** A template not yet used in this document, now marked used; undefined once the pool is spent. */
export function take(doc: Composition, pool: readonly string[]): string | undefined {
  const fresh = pool.filter((t) => !doc.used.has(t));
  if (fresh.length === 0) return undefined;
  const t = doc.g.pick(fresh);
  doc.used.add(t);
  return t;
}

const joinedLength = (blocks: readonly string[]): number => blocks.join('\n\n').length;

/**
 * Adds blocks from next() (joined by blank lines) until the target length, for at most `rounds` blocks;
 * stops when next() is spent ('') or, once the text has `minChars`, before a block would take it past
 * `maxChars`.
 */
export function grow(
  blocks: string[],
  target: number,
  next: () => string,
  limits: { rounds: number; minChars: number; maxChars: number },
): void {
  for (let round = 0; joinedLength(blocks) < target && round < limits.rounds; round++) {
    const block = next();
    if (!block) return;
    if (joinedLength(blocks) + block.length > limits.maxChars && joinedLength(blocks) >= limits.minChars)
      return;
    blocks.push(block);
  }
}
