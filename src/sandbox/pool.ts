import type IsolatedVM from 'ivm5';
import type { Ivm } from './ivm-loader.js';
import type { PreparedContext } from './prepare.js';
import type { ToolSource } from './types.js';

export interface Lease {
  readonly isolate: IsolatedVM.Isolate;
  readonly memoryMb: number;
  runs: number;
  /** The tool of the last run, compiled ahead into the next context on the guess that it comes again. */
  lastTool: ToolSource | undefined;
  /** The context the next run on this isolate will use, prepared while the isolate was idle. */
  next: Promise<PreparedContext> | undefined;
  /** Whether the heap left after the last run allows another; checked off the caller's path while idle. */
  roomy: Promise<boolean>;
}

/** Share of the heap limit still in use after a run above which the isolate is replaced, not reused. */
const MAX_RESIDUAL_HEAP_SHARE = 0.5;

/**
 * Isolates keyed by memory limit (fixed at creation). One run per isolate at a time, so a runaway tool only
 * ever holds its own isolate; calls beyond `maxIsolates` wait in FIFO order for a slot.
 */
export class IsolatePool {
  private readonly idle = new Map<number, Lease[]>();
  private idleCount = 0;
  private busy = 0;
  private readonly waiting: (() => void)[] = [];
  private closed = false;
  recycled = 0;
  memoryKills = 0;

  constructor(
    private readonly opts: {
      ivm: Ivm;
      poolSize: number;
      maxIsolates: number;
      maxRunsPerIsolate: number;
      onCatastrophicError: (message: string) => void;
      /** Makes a fresh context for one run; started as soon as an isolate is created or goes idle. */
      prepare: (isolate: IsolatedVM.Isolate, tool: ToolSource | undefined) => Promise<PreparedContext>;
    },
  ) {}

  /** `tool` is what the caller will run: a new isolate starts preparing for it at once. */
  async acquire(memoryMb: number, tool?: ToolSource): Promise<Lease> {
    while (this.busy >= this.opts.maxIsolates)
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    this.busy += 1;
    for (let reused = this.takeIdle(memoryMb); reused; reused = this.takeIdle(memoryMb)) {
      if (await reused.roomy) return reused;
      this.recycled += 1;
      this.disposeLease(reused);
    }
    const isolate = new this.opts.ivm.Isolate({
      memoryLimit: memoryMb,
      onCatastrophicError: this.opts.onCatastrophicError,
    });
    const lease: Lease = {
      isolate,
      memoryMb,
      runs: 0,
      lastTool: tool,
      next: undefined,
      roomy: Promise.resolve(true),
    };
    this.prepareNext(lease);
    return lease;
  }

  /** The lease's prepared context, handed out once; a lease without one prepares it now. */
  takeContext(lease: Lease): Promise<PreparedContext> {
    const next = lease.next ?? this.opts.prepare(lease.isolate, lease.lastTool);
    lease.next = undefined;
    return next;
  }

  /** `healthy: false` after any fault (timeout, memory, abort): such isolates are never reused. */
  release(lease: Lease, healthy: boolean): void {
    this.busy -= 1;
    this.waiting.shift()?.();
    lease.runs += 1;
    if (!this.closed && healthy && this.reusable(lease) && this.idleCount < this.opts.poolSize) {
      const list = this.idle.get(lease.memoryMb) ?? [];
      list.push(lease);
      this.idle.set(lease.memoryMb, list);
      this.idleCount += 1;
      // Measured asynchronously: right after a run the isolate is still busy, and waiting for it here
      // (getHeapStatisticsSync) cost the caller about as much as the rest of the call. `acquire` awaits it.
      lease.roomy = this.heapRoomy(lease);
      this.prepareNext(lease);
      return;
    }
    this.recycled += 1;
    this.disposeLease(lease);
  }

  stats(): { isolates: number; busy: number } {
    return { isolates: this.idleCount + this.busy, busy: this.busy };
  }

  /**
   * Disposes idle isolates once their background work (context preparation, heap check) has settled:
   * isolated-vm 5 can abort the process at exit when an isolate is torn down under a pending task.
   */
  async close(): Promise<void> {
    this.closed = true;
    const leases = [...this.idle.values()].flat();
    this.idle.clear();
    this.idleCount = 0;
    await Promise.allSettled(leases.flatMap((lease) => [lease.next, lease.roomy]));
    for (const lease of leases) this.disposeLease(lease);
  }

  private prepareNext(lease: Lease): void {
    // Started at once, next to the heap check: an isolate found too full is disposed with it unused.
    const next = this.opts.prepare(lease.isolate, lease.lastTool);
    // A failure surfaces to the run that takes this context; until then it must not count as unhandled.
    next.catch(() => {});
    lease.next = next;
  }

  /** A prepared context nobody used is released together with its isolate. */
  private disposeLease(lease: Lease): void {
    const next = lease.next;
    lease.next = undefined;
    dispose(lease.isolate);
    next?.then(
      (prepared) => prepared.release(),
      () => {},
    );
  }

  private takeIdle(memoryMb: number): Lease | undefined {
    const list = this.idle.get(memoryMb);
    const lease = list?.pop();
    if (lease) this.idleCount -= 1;
    return lease;
  }

  private reusable(lease: Lease): boolean {
    return !lease.isolate.isDisposed && lease.runs < this.opts.maxRunsPerIsolate;
  }

  private async heapRoomy(lease: Lease): Promise<boolean> {
    try {
      const heap = await lease.isolate.getHeapStatistics();
      const used = heap.used_heap_size + heap.externally_allocated_size;
      return used < lease.memoryMb * 1024 * 1024 * MAX_RESIDUAL_HEAP_SHARE;
    } catch {
      return false;
    }
  }
}

/** Releases an isolated-vm handle (context, module, reference, callback) now, not at garbage collection. */
export function releaseHandle(handle: { release(): void }): void {
  try {
    handle.release();
  } catch {
    // The isolate is gone (disposed, or over its memory limit), which released every handle with it.
  }
}

export function dispose(isolate: IsolatedVM.Isolate): void {
  if (!isolate.isDisposed) {
    try {
      isolate.dispose();
    } catch {
      // Already disposed by isolated-vm itself (memory limit) between the check and the call.
    }
  }
}
