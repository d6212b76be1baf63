/** The fixed, named lifecycle of every tool call, in order. A denial stops the run before `execute`. */
export const STAGES = ['authenticate', 'authorize', 'gate', 'execute', 'inspect', 'audit'] as const;
export type StageName = (typeof STAGES)[number];

export class StageTimer {
  readonly timings: Partial<Record<StageName, number>> = {};
  #start = performance.now();

  constructor(private readonly observe: (stage: StageName, seconds: number) => void) {}

  /** Closes the current stage and starts the next one. */
  mark(stage: StageName): void {
    const now = performance.now();
    const ms = now - this.#start;
    this.timings[stage] = ms;
    this.observe(stage, ms / 1000);
    this.#start = now;
  }
}
