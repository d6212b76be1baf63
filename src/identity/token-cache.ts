/** A bounded LRU of verified tokens keyed by the token string; entries expire at a per-entry time. */
export class TokenCache<V> {
  readonly #max: number;
  readonly #entries = new Map<string, { value: V; untilS: number }>();

  constructor(max: number) {
    this.#max = max;
  }

  get(token: string, nowS: number): V | undefined {
    const entry = this.#entries.get(token);
    if (entry === undefined) return undefined;
    this.#entries.delete(token);
    if (nowS >= entry.untilS) return undefined;
    this.#entries.set(token, entry); // most recently used goes last
    return entry.value;
  }

  set(token: string, value: V, untilS: number): void {
    this.#entries.delete(token);
    this.#entries.set(token, { value, untilS });
    if (this.#entries.size > this.#max) {
      const oldest = this.#entries.keys().next();
      if (!oldest.done) this.#entries.delete(oldest.value);
    }
  }

  get size(): number {
    return this.#entries.size;
  }

  clear(): void {
    this.#entries.clear();
  }
}
