/**
 * Session unlocks granted by a pre-score below the agent's threshold. An unlock is bound to the
 * session and the agent together and expires; expiry fires `onChange` so the session's tool list
 * can be refreshed (notifications/tools/list_changed).
 */
export class UnlockStore {
  #unlocks = new Map<string, { expiresAt: number; timer: NodeJS.Timeout }>();

  constructor(
    private readonly onChange: (session: string, agent: string) => void,
    private readonly now: () => number = Date.now,
  ) {}

  static key(session: string, agent: string): string {
    return `${session}\u0000${agent}`;
  }

  isUnlocked(session: string, agent: string): boolean {
    const entry = this.#unlocks.get(UnlockStore.key(session, agent));
    return entry !== undefined && entry.expiresAt > this.now();
  }

  expiresAt(session: string, agent: string): number | undefined {
    return this.#unlocks.get(UnlockStore.key(session, agent))?.expiresAt;
  }

  unlock(session: string, agent: string, forMs: number): number {
    const key = UnlockStore.key(session, agent);
    const wasUnlocked = this.isUnlocked(session, agent);
    clearTimeout(this.#unlocks.get(key)?.timer);
    const expiresAt = this.now() + forMs;
    const timer = setTimeout(() => {
      this.#unlocks.delete(key);
      this.onChange(session, agent);
    }, forMs);
    timer.unref();
    this.#unlocks.set(key, { expiresAt, timer });
    if (!wasUnlocked) this.onChange(session, agent);
    return expiresAt;
  }

  /** Locks again at once, e.g. after a prompt scored above the threshold. */
  relock(session: string, agent: string): void {
    const key = UnlockStore.key(session, agent);
    const entry = this.#unlocks.get(key);
    if (!entry) return;
    clearTimeout(entry.timer);
    this.#unlocks.delete(key);
    this.onChange(session, agent);
  }

  /** Drops every unlock of a session (session closed). */
  forgetSession(session: string): void {
    for (const [key, entry] of this.#unlocks) {
      if (key.startsWith(`${session}\u0000`)) {
        clearTimeout(entry.timer);
        this.#unlocks.delete(key);
      }
    }
  }

  list(): { session: string; agent: string; expiresAt: number }[] {
    return [...this.#unlocks].map(([key, entry]) => {
      const [session = '', agent = ''] = key.split('\u0000');
      return { session, agent, expiresAt: entry.expiresAt };
    });
  }

  clear(): void {
    for (const entry of this.#unlocks.values()) clearTimeout(entry.timer);
    this.#unlocks.clear();
  }
}
