import type IsolatedVM from 'ivm5';
import type { Ivm } from './ivm-loader.js';

export interface Lease {
  readonly isolate: IsolatedVM.Isolate;
  readonly memoryMb: number;
  runs: number;
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
    },
  ) {}

  async acquire(memoryMb: number): Promise<Lease> {
    while (this.busy >= this.opts.maxIsolates)
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    this.busy += 1;
    const reused = this.takeIdle(memoryMb);
    if (reused) return reused;
    const isolate = new this.opts.ivm.Isolate({
      memoryLimit: memoryMb,
      onCatastrophicError: this.opts.onCatastrophicError,
    });
    return { isolate, memoryMb, runs: 0 };
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
      return;
    }
    this.recycled += 1;
    dispose(lease.isolate);
  }

  stats(): { isolates: number; busy: number } {
    return { isolates: this.idleCount + this.busy, busy: this.busy };
  }

  close(): void {
    this.closed = true;
    for (const list of this.idle.values()) for (const lease of list) dispose(lease.isolate);
    this.idle.clear();
    this.idleCount = 0;
  }

  private takeIdle(memoryMb: number): Lease | undefined {
    const list = this.idle.get(memoryMb);
    const lease = list?.pop();
    if (lease) this.idleCount -= 1;
    return lease;
  }

  private reusable(lease: Lease): boolean {
    if (lease.isolate.isDisposed || lease.runs >= this.opts.maxRunsPerIsolate) return false;
    try {
      const heap = lease.isolate.getHeapStatisticsSync();
      const used = heap.used_heap_size + heap.externally_allocated_size;
      return used < lease.memoryMb * 1024 * 1024 * MAX_RESIDUAL_HEAP_SHARE;
    } catch {
      return false;
    }
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
