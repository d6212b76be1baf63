import { type Decision, deny } from '../errors.js';

/**
 * Per-agent call rates and concurrency, in memory. Rates use a sliding log of call times per key,
 * trimmed on every check, so memory is bounded by the configured counts.
 */
export class Limiter {
  #calls = new Map<string, number[]>();
  #inFlight = new Map<string, number>();

  constructor(private readonly now: () => number = Date.now) {}

  /** Records a call against `key` if fewer than `count` happened in the last `windowMs`. */
  takeRate(key: string, count: number, windowMs: number): Decision {
    const now = this.now();
    const log = (this.#calls.get(key) ?? []).filter((t) => t > now - windowMs);
    if (log.length >= count) {
      this.#calls.set(key, log);
      const retryMs = Math.max(0, log[0]! + windowMs - now);
      return deny(
        'ERR_RATE_LIMITED',
        `${key}: more than ${count} calls in ${windowMs / 1000}s; retry in ${Math.ceil(retryMs / 1000)}s`,
      );
    }
    log.push(now);
    this.#calls.set(key, log);
    return { ok: true };
  }

  /** Claims one of `max` concurrent slots; the returned function releases it exactly once. */
  acquire(key: string, max: number | undefined): Decision<{ release: () => void }> {
    const current = this.#inFlight.get(key) ?? 0;
    if (max !== undefined && current >= max) {
      return deny('ERR_CONCURRENCY_LIMITED', `${key}: ${current} calls already in flight (limit ${max})`);
    }
    this.#inFlight.set(key, current + 1);
    let released = false;
    return {
      ok: true,
      release: () => {
        if (released) return;
        released = true;
        const left = (this.#inFlight.get(key) ?? 1) - 1;
        if (left <= 0) this.#inFlight.delete(key);
        else this.#inFlight.set(key, left);
      },
    };
  }

  inFlight(key: string): number {
    return this.#inFlight.get(key) ?? 0;
  }
}
