import type { RevokedList } from './types.js';

/** Revoked token ids and agents; checked on every verification, cached or not. */
export class Revocations {
  #jti = new Set<string>();
  #agents = new Set<string>();

  constructor(list: RevokedList = {}) {
    this.replace(list);
  }

  replace(list: RevokedList): void {
    this.#jti = new Set(list.jti ?? []);
    this.#agents = new Set(list.agents ?? []);
  }

  add(what: { jti?: string; agent?: string }): void {
    if (what.jti !== undefined) this.#jti.add(what.jti);
    if (what.agent !== undefined) this.#agents.add(what.agent);
  }

  has(what: { jti?: string | undefined; agent?: string | undefined }): boolean {
    return (
      (what.jti !== undefined && this.#jti.has(what.jti)) ||
      (what.agent !== undefined && this.#agents.has(what.agent))
    );
  }

  list(): { jti: string[]; agents: string[] } {
    return { jti: [...this.#jti].sort(), agents: [...this.#agents].sort() };
  }
}
