import { type Decision, deny } from '../errors.js';
import { type CompiledAgent, isGated } from '../policy/index.js';
import {
  collectStrings,
  decideArguments,
  decideOutput,
  decidePrescore,
  type OutputAction,
  type Scored,
} from './decide.js';
import type { UnlockStore } from './unlocks.js';

export {
  collectStrings,
  decideArguments,
  decideOutput,
  decidePrescore,
  type OutputAction,
  type Scored,
} from './decide.js';
export { UnlockStore } from './unlocks.js';

/** What the gate needs from src/scoring (kept structural so the gate can be tested on any scorer). */
export interface Scorer {
  /** `kind` "document" also scores each paragraph alone (src/scoring/views.ts); default "prompt". */
  score(texts: readonly string[], opts?: { model?: string; kind?: 'prompt' | 'document' }): Promise<Scored[]>;
}

export interface PrescoreOutcome {
  decision: Decision<{ unlock: true }>;
  scored: Scored;
  unlockedUntil: number | undefined;
}

/**
 * The gate stage: session unlocks by pre-score, injection scoring of tool arguments, and indirect
 * injection scoring of fetched text. Decisions come from the pure functions in decide.ts.
 */
export class Gate {
  constructor(
    private readonly scorer: Scorer | undefined,
    readonly unlocks: UnlockStore,
  ) {}

  isLocked(agent: CompiledAgent, session: string, tool: string): boolean {
    return isGated(agent, tool) && !this.unlocks.isUnlocked(session, agent.id);
  }

  checkLock(agent: CompiledAgent, session: string, tool: string): Decision {
    if (!this.isLocked(agent, session, tool)) return { ok: true };
    return deny(
      'ERR_GATE_LOCKED',
      `tool "${tool}" is locked until a prompt is pre-scored (prescore) in this session`,
    );
  }

  /** Scores a prompt and unlocks (or relocks) the agent's gated tools in this session. */
  async prescore(agent: CompiledAgent, session: string, prompt: string): Promise<PrescoreOutcome> {
    const config = agent.prescore;
    if (!config) throw new Error('prescore called for an agent without a prescore policy');
    const scored = await this.#scoreOne(prompt, config.model);
    const decision = decidePrescore(scored, config.blockAbove);
    if (decision.ok) {
      return { decision, scored, unlockedUntil: this.unlocks.unlock(session, agent.id, config.unlockForMs) };
    }
    this.unlocks.relock(session, agent.id);
    return { decision, scored, unlockedUntil: undefined };
  }

  async checkArguments(
    agent: CompiledAgent,
    args: unknown,
  ): Promise<Decision<{ max: (Scored & { path: string }) | undefined }>> {
    if (agent.inspect.arguments === 'off' || !this.scorer) return { ok: true, max: undefined };
    const strings = collectStrings(args);
    if (strings.length === 0) return { ok: true, max: undefined };
    const scores = await this.scorer.score(
      strings.map((s) => s.text),
      { model: agent.inspect.model, kind: 'prompt' },
    );
    return decideArguments(
      scores.map((s, i) => ({ ...s, path: strings[i]!.path })),
      agent.inspect.blockAbove,
    );
  }

  async inspectOutput(
    agent: CompiledAgent,
    text: string,
  ): Promise<{ action: OutputAction; scored: Scored | undefined }> {
    if (agent.inspect.output === 'off' || !this.scorer || text.trim().length === 0) {
      return { action: { action: 'pass' }, scored: undefined };
    }
    // Fetched text is a document: an injection planted as one of its paragraphs is scored alone too.
    const scored = await this.#scoreOne(text, agent.inspect.model, 'document');
    return { action: decideOutput(scored, agent.inspect.output, agent.inspect.blockAbove), scored };
  }

  async #scoreOne(text: string, model: string, kind: 'prompt' | 'document' = 'prompt'): Promise<Scored> {
    if (!this.scorer) throw new Error('no scoring service configured');
    const [scored] = await this.scorer.score([text], { model, kind });
    if (!scored) throw new Error('scoring service returned no score');
    return scored;
  }
}
