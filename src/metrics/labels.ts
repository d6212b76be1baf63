/**
 * Caps the distinct values a label may take: agent and tool names come from clients, and every new
 * value is a new time series kept forever. Past the cap, new values report as 'other'.
 */
export class BoundedLabel {
  readonly #seen = new Set<string>();
  readonly #max: number;

  constructor(max: number) {
    this.#max = max;
  }

  value(raw: string): string {
    if (this.#seen.has(raw)) return raw;
    if (this.#seen.size >= this.#max) return 'other';
    this.#seen.add(raw);
    return raw;
  }
}
