/**
 * The scoring service: per model an active runner (answers) and an optional candidate (shadow), a bounded
 * queue micro-batched into one session.run per flush, blue/green promote/rollback/reload that swap
 * runners atomically while in-flight runs finish on the runner they started with.
 */
import { AirlockError, isAirlockError } from '../errors.js';
import { log } from '../log.js';
import {
  type Channels,
  DEFAULT_MODEL,
  listModelNames,
  listVersions,
  promoteChannels,
  readChannels,
  rollbackChannels,
  writeChannels,
} from './artifact.js';
import { ModelRunner } from './runner.js';
import type { TextKind } from './views.js';

/** Longest stretch of back-to-back scoring in microtasks before the service yields to the event loop. */
const YIELD_AFTER_MS = 1;

export interface ScoreResult {
  score: number;
  label: 'injection' | 'benign';
  /** The bar this text was held to: the threshold for a prompt, a document's rises with its units (runner.ts). */
  threshold: number;
  model: string;
  version: string;
}

export interface ModelInfo {
  name: string;
  active: string;
  candidate?: string;
  versions: string[];
  threshold: number;
  documentThreshold: number;
}

export interface ShadowStats {
  name: string;
  candidate: string;
  compared: number;
  agreed: number;
  meanAbsDelta: number;
  maxAbsDelta: number;
}

export interface ShadowComparison {
  name: string;
  active: string;
  candidate: string;
  activeScore: number;
  candidateScore: number;
  agreed: boolean;
}

export interface ScoringServiceOptions {
  modelsDir: string;
  /** Most tensor rows (text windows) per session.run. */
  maxBatch?: number;
  /** Most text windows waiting; beyond it score() is refused with ERR_SCORING_OVERLOADED. */
  maxQueue?: number;
  onShadow?: (s: ShadowComparison) => void;
}

export interface ScoreOptions {
  model?: string;
  /** Default "prompt". */
  kind?: TextKind;
}

export interface ScoringService {
  /** `kind` "document" (fetched or retrieved text) also scores each paragraph alone (see views.ts). */
  score(texts: readonly string[], opts?: ScoreOptions): Promise<ScoreResult[]>;
  models(): ModelInfo[];
  promote(name: string, version?: string): Promise<ModelInfo>;
  rollback(name: string, version?: string): Promise<ModelInfo>;
  reload(name?: string): Promise<void>;
  shadowStats(): ShadowStats[];
  close(): Promise<void>;
}

interface Job {
  texts: readonly string[];
  /** Views of each text, made once when the job is queued (see views.ts). */
  views: readonly (readonly string[])[];
  kind: TextKind;
  rows: number;
  resolve: (r: ScoreResult[]) => void;
  reject: (e: unknown) => void;
}

interface Shadow {
  candidate: string;
  compared: number;
  agreed: number;
  sumAbsDelta: number;
  maxAbsDelta: number;
}

class ModelSlot {
  readonly name: string;
  active: ModelRunner;
  candidate: ModelRunner | undefined;
  channels: Channels;
  queue: Job[] = [];
  queuedRows = 0;
  running = false;
  scheduled = false;
  /** The slot's flush as a task for queueMicrotask/setImmediate, made once. */
  flushTask: (() => void) | undefined;
  shadow: Shadow | undefined;
  /** Serialises channel changes so two promotes cannot interleave. */
  changing: Promise<unknown> = Promise.resolve();

  constructor(name: string, channels: Channels, active: ModelRunner, candidate: ModelRunner | undefined) {
    this.name = name;
    this.channels = channels;
    this.active = active;
    this.candidate = candidate;
    this.shadow = candidate ? freshShadow(candidate.version) : undefined;
  }
}

function freshShadow(candidate: string): Shadow {
  return { candidate, compared: 0, agreed: 0, sumAbsDelta: 0, maxAbsDelta: 0 };
}

async function loadRunners(
  modelsDir: string,
  name: string,
  channels: Channels,
  reuse: readonly (ModelRunner | undefined)[],
): Promise<{ active: ModelRunner; candidate: ModelRunner | undefined; created: ModelRunner[] }> {
  const created: ModelRunner[] = [];
  const get = async (version: string): Promise<ModelRunner> => {
    const existing = reuse.find((r) => r?.version === version);
    if (existing) return existing;
    const runner = await ModelRunner.load(modelsDir, name, version);
    created.push(runner);
    return runner;
  };
  try {
    const active = await get(channels.active);
    const candidate = channels.candidate ? await get(channels.candidate) : undefined;
    return { active, candidate, created };
  } catch (err) {
    await Promise.all(created.map((r) => r.release()));
    throw err;
  }
}

class Service implements ScoringService {
  private readonly slots = new Map<string, ModelSlot>();
  private readonly modelsDir: string;
  private readonly maxBatch: number;
  private readonly maxQueue: number;
  private readonly onShadow: ((s: ShadowComparison) => void) | undefined;
  private closed = false;
  /** When the event loop last had a turn, and whether a marker for the next turn is already queued. */
  /** When scoring started without an event-loop turn in between (reset by the first call after a turn). */
  private busySince = 0;
  private turnPending = false;

  constructor(opts: ScoringServiceOptions) {
    this.modelsDir = opts.modelsDir;
    this.maxBatch = opts.maxBatch ?? 64;
    this.maxQueue = opts.maxQueue ?? 4096;
    this.onShadow = opts.onShadow;
  }

  async start(): Promise<void> {
    for (const name of listModelNames(this.modelsDir)) {
      const channels = readChannels(this.modelsDir, name);
      const { active, candidate } = await loadRunners(this.modelsDir, name, channels, []);
      this.slots.set(name, new ModelSlot(name, channels, active, candidate));
    }
  }

  score(texts: readonly string[], opts?: ScoreOptions): Promise<ScoreResult[]> {
    const name = opts?.model ?? DEFAULT_MODEL;
    if (this.closed)
      return Promise.reject(new AirlockError('ERR_SHUTTING_DOWN', 'the scoring service is closed'));
    const slot = this.slots.get(name);
    if (!slot)
      return Promise.reject(new AirlockError('ERR_SCORING_UNAVAILABLE', `model ${name} is not loaded`));
    if (texts.length === 0) return Promise.resolve([]);
    const kind = opts?.kind ?? 'prompt';
    const views = texts.map((t) => slot.active.viewsOf(t, kind));
    let rows = 0;
    for (let i = 0; i < texts.length; i++) rows += slot.active.rowsFor(texts[i]!, views[i]);
    if (slot.queuedRows + rows > this.maxQueue) {
      return Promise.reject(
        new AirlockError(
          'ERR_SCORING_OVERLOADED',
          `scoring queue for ${name} is full (${this.maxQueue} windows)`,
        ),
      );
    }
    return new Promise<ScoreResult[]>((resolve, reject) => {
      slot.queue.push({ texts, views, kind, rows, resolve, reject });
      slot.queuedRows += rows;
      this.schedule(slot);
    });
  }

  /**
   * Calls made in the same tick share one run, flushed in a microtask: a single caller gets its answer
   * without waiting for an event-loop turn. Scoring back to back (a caller that awaits score() in a loop
   * never leaves the microtask queue) switches to setImmediate once the event loop has not had a turn
   * for YIELD_AFTER_MS, so timers and I/O are never starved.
   */
  private schedule(slot: ModelSlot): void {
    if (slot.running || slot.scheduled) return;
    slot.scheduled = true;
    slot.flushTask ??= () => {
      slot.scheduled = false;
      this.flush(slot);
    };
    // The first call after an event-loop turn starts the busy stretch and is always flushed in a
    // microtask, so an idle server (a request now and then) never waits behind the poll phase. It is not
    // timed: a process descheduled between reading the clock twice would otherwise yield it.
    if (!this.turnPending) {
      this.turnPending = true;
      this.busySince = performance.now();
      setImmediate(this.markTurn);
      queueMicrotask(slot.flushTask);
    } else if (performance.now() - this.busySince < YIELD_AFTER_MS) queueMicrotask(slot.flushTask);
    else setImmediate(slot.flushTask);
  }

  private readonly markTurn = () => {
    this.turnPending = false;
  };

  private flush(slot: ModelSlot): void {
    if (slot.running || slot.queue.length === 0) return;
    slot.running = true;
    const jobs: Job[] = [];
    let rows = 0;
    while (slot.queue.length > 0 && (jobs.length === 0 || rows + slot.queue[0]!.rows <= this.maxBatch)) {
      const job = slot.queue.shift()!;
      jobs.push(job);
      rows += job.rows;
    }
    slot.queuedRows -= rows;
    const texts = jobs.length === 1 ? jobs[0]!.texts : jobs.flatMap((j) => j.texts);
    const views = jobs.length === 1 ? jobs[0]!.views : jobs.flatMap((j) => j.views);
    // Captured now: a promote before the shadow run does not move this batch to another session.
    const active = slot.active;
    const candidate = slot.candidate;
    let scores: number[];
    try {
      scores = active.score(texts, views);
    } catch (err) {
      for (const job of jobs) job.reject(err);
      this.finish(slot);
      return;
    }
    let at = 0;
    for (const job of jobs) {
      const results = new Array<ScoreResult>(job.texts.length);
      for (let i = 0; i < results.length; i++) {
        const score = scores[at++]!;
        const threshold = active.barFor(job.texts[i]!, job.views[i]!, job.kind);
        results[i] = {
          score,
          label: score >= threshold ? 'injection' : 'benign',
          threshold,
          model: slot.name,
          version: active.version,
        };
      }
      job.resolve(results);
    }
    if (!candidate) {
      this.finish(slot);
      return;
    }
    const kinds = jobs.flatMap((j) => j.texts.map(() => j.kind));
    // The shadow run waits for a turn so that callers get their answers first.
    setImmediate(() => {
      this.runShadow(slot, active, candidate, { texts, views, kinds }, scores);
      this.finish(slot);
    });
  }

  private finish(slot: ModelSlot): void {
    slot.running = false;
    if (slot.queue.length > 0) this.schedule(slot);
  }

  private runShadow(
    slot: ModelSlot,
    active: ModelRunner,
    candidate: ModelRunner,
    batch: { texts: readonly string[]; views: readonly (readonly string[])[]; kinds: readonly TextKind[] },
    activeScores: number[],
  ): void {
    let candidateScores: number[];
    try {
      candidateScores = candidate.score(batch.texts, batch.views);
    } catch (err) {
      // The shadow never affects answers; a released or failing candidate only loses this comparison.
      if (!isAirlockError(err)) log.warn({ err, model: slot.name }, 'shadow scoring failed');
      return;
    }
    const stats = slot.shadow;
    if (!stats || stats.candidate !== candidate.version) return;
    activeScores.forEach((a, i) => {
      const c = candidateScores[i]!;
      const kind = batch.kinds[i]!;
      const [text, views] = [batch.texts[i]!, batch.views[i]!];
      const agreed = a >= active.barFor(text, views, kind) === c >= candidate.barFor(text, views, kind);
      const delta = Math.abs(a - c);
      stats.compared++;
      if (agreed) stats.agreed++;
      stats.sumAbsDelta += delta;
      if (delta > stats.maxAbsDelta) stats.maxAbsDelta = delta;
      this.onShadow?.({
        name: slot.name,
        active: active.version,
        candidate: candidate.version,
        activeScore: a,
        candidateScore: c,
        agreed,
      });
    });
  }

  models(): ModelInfo[] {
    return [...this.slots.values()].map((slot) => this.info(slot));
  }

  private info(slot: ModelSlot): ModelInfo {
    return {
      name: slot.name,
      active: slot.active.version,
      ...(slot.candidate ? { candidate: slot.candidate.version } : {}),
      versions: listVersions(this.modelsDir, slot.name),
      threshold: slot.active.threshold,
      documentThreshold: slot.active.documentThreshold,
    };
  }

  private slotOf(name: string): ModelSlot {
    const slot = this.slots.get(name);
    if (!slot) throw new AirlockError('ERR_SCORING_UNAVAILABLE', `model ${name} is not loaded`);
    return slot;
  }

  /** Runs channel changes for one model one at a time. */
  private serial<T>(slot: ModelSlot, change: () => Promise<T>): Promise<T> {
    const next = slot.changing.then(change, change);
    slot.changing = next.catch(() => undefined);
    return next;
  }

  /** Loads what `channels` names (refusing a bad version), swaps, then releases runners no longer used. */
  private async apply(slot: ModelSlot, channels: Channels, persist: boolean): Promise<void> {
    const loaded = await loadRunners(this.modelsDir, slot.name, channels, [slot.active, slot.candidate]);
    if (persist) await writeChannels(this.modelsDir, slot.name, channels);
    const old = [slot.active, slot.candidate];
    slot.channels = channels;
    slot.active = loaded.active;
    slot.candidate = loaded.candidate;
    if (loaded.candidate?.version !== slot.shadow?.candidate) {
      slot.shadow = loaded.candidate ? freshShadow(loaded.candidate.version) : undefined;
    }
    const keep = new Set([loaded.active, loaded.candidate]);
    await Promise.all(old.filter((r): r is ModelRunner => !!r && !keep.has(r)).map((r) => r.release()));
  }

  promote(name: string, version?: string): Promise<ModelInfo> {
    return this.changeChannels(name, (channels, versions) => promoteChannels(channels, versions, version));
  }

  rollback(name: string, version?: string): Promise<ModelInfo> {
    return this.changeChannels(name, (channels, versions) => rollbackChannels(channels, versions, version));
  }

  private changeChannels(
    name: string,
    change: (channels: Channels, versions: string[]) => Channels | string,
  ): Promise<ModelInfo> {
    const slot = this.slotOf(name);
    return this.serial(slot, async () => {
      const next = change(slot.channels, listVersions(this.modelsDir, name));
      if (typeof next === 'string') throw new AirlockError('ERR_CONFIG_INVALID', `${name}: ${next}`);
      await this.apply(slot, next, true);
      log.info({ model: name, active: next.active, candidate: next.candidate }, 'model channels changed');
      return this.info(slot);
    });
  }

  async reload(name?: string): Promise<void> {
    const names = name ? [name] : listModelNames(this.modelsDir);
    for (const n of names) {
      const slot = this.slots.get(n);
      if (!slot) {
        const channels = readChannels(this.modelsDir, n);
        const { active, candidate } = await loadRunners(this.modelsDir, n, channels, []);
        this.slots.set(n, new ModelSlot(n, channels, active, candidate));
        continue;
      }
      await this.serial(slot, () => this.apply(slot, readChannels(this.modelsDir, n), false));
    }
  }

  shadowStats(): ShadowStats[] {
    const out: ShadowStats[] = [];
    for (const slot of this.slots.values()) {
      const s = slot.shadow;
      if (!s) continue;
      out.push({
        name: slot.name,
        candidate: s.candidate,
        compared: s.compared,
        agreed: s.agreed,
        meanAbsDelta: s.compared ? s.sumAbsDelta / s.compared : 0,
        maxAbsDelta: s.maxAbsDelta,
      });
    }
    return out;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    for (const slot of this.slots.values()) {
      for (const job of slot.queue.splice(0)) {
        job.reject(new AirlockError('ERR_SHUTTING_DOWN', 'the scoring service is closed'));
      }
      slot.queuedRows = 0;
      await slot.changing;
      await Promise.all([slot.active.release(), slot.candidate?.release()]);
    }
    this.slots.clear();
  }
}

/** Loads every model under modelsDir that has a channels.json; a bad one rejects with ERR_MODEL_INVALID. */
export async function createScoringService(opts: ScoringServiceOptions): Promise<ScoringService> {
  const service = new Service(opts);
  try {
    await service.start();
  } catch (err) {
    await service.close();
    throw err;
  }
  return service;
}
