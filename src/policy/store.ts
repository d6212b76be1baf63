import { type FSWatcher, watch } from 'node:fs';
import { AirlockError } from '../errors.js';
import type { PolicySet } from './compile.js';
import { loadPolicyDir } from './load.js';

export type ReloadOutcome =
  | { ok: true; version: string; previous: string; changed: boolean }
  | { ok: false; reason: string; errors: string[]; version: string };

/**
 * Holds the live policy set. A reload parses and validates the whole folder, then swaps atomically;
 * an invalid set is refused and the previous one keeps serving.
 */
export class PolicyStore {
  #set: PolicySet;
  #watcher: FSWatcher | undefined;
  #timer: NodeJS.Timeout | undefined;
  #listeners = new Set<(outcome: ReloadOutcome) => void>();
  #reloading: Promise<ReloadOutcome> | undefined;

  private constructor(
    readonly dir: string,
    set: PolicySet,
  ) {
    this.#set = set;
  }

  static async open(dir: string): Promise<PolicyStore> {
    const result = await loadPolicyDir(dir);
    if (!result.ok) throw new AirlockError('ERR_POLICY_INVALID', result.errors.join('\n'));
    return new PolicyStore(dir, result.set);
  }

  get current(): PolicySet {
    return this.#set;
  }

  onReload(listener: (outcome: ReloadOutcome) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Reloads are serialised so two quick edits never race each other. */
  reload(): Promise<ReloadOutcome> {
    const run = async (): Promise<ReloadOutcome> => {
      const result = await loadPolicyDir(this.dir);
      const previous = this.#set.version;
      const outcome: ReloadOutcome = result.ok
        ? { ok: true, version: result.set.version, previous, changed: result.set.version !== previous }
        : { ok: false, reason: result.reason, errors: result.errors, version: previous };
      if (result.ok) this.#set = result.set;
      for (const listener of this.#listeners) listener(outcome);
      return outcome;
    };
    const next = (this.#reloading ?? Promise.resolve()).then(run, run);
    this.#reloading = next;
    return next;
  }

  /** Watches the folder and reloads after edits settle (editors write in several steps). */
  watch(debounceMs = 150): void {
    if (this.#watcher) return;
    this.#watcher = watch(this.dir, () => {
      clearTimeout(this.#timer);
      this.#timer = setTimeout(() => void this.reload(), debounceMs);
    });
    this.#watcher.on('error', () => this.#watcher?.close());
  }

  close(): void {
    clearTimeout(this.#timer);
    this.#watcher?.close();
    this.#watcher = undefined;
  }
}
