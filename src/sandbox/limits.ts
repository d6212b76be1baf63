import type { SandboxLimits } from './types.js';

/**
 * CPU time excludes awaited host calls, so a tool that mostly waits on the network needs a separate
 * wall-clock bound: three times the CPU budget, and never less than the CPU budget plus two seconds.
 */
export function defaultWallClockMs(timeoutMs: number): number {
  return Math.max(3 * timeoutMs, timeoutMs + 2000);
}

export function wallClockMs(limits: SandboxLimits): number {
  return limits.wallClockMs ?? defaultWallClockMs(limits.timeoutMs);
}
