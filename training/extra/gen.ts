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

export const tidy = (s: string): string =>
  s
    .replace(/\s+/g, ' ')
    .replace(/ ([,.!?])/g, '$1')
    .trim();
