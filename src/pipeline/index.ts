import type { AuditEntry, AuditLog } from '../audit/index.js';
import { readEnv } from '../config/index.js';
import {
  type EgressAllowlist,
  type EgressGuard,
  parseUrlPattern,
  type SecretBinding,
  type UrlPattern,
} from '../egress/index.js';
import { AirlockError, type ErrorCode, isAirlockError } from '../errors.js';
import type { Gate, Scored } from '../gate/index.js';
import type { AgentIdentity, IdentityService, VerifyResult } from '../identity/index.js';
import {
  authorizeModel,
  authorizeTool,
  type CompiledAgent,
  type CompiledToolGrant,
  DEFAULT_INSPECT_MODEL,
  effectiveLimits,
  grantedTools,
  type PolicyStore,
} from '../policy/index.js';
import type { LoadedTool } from '../registry/index.js';
import type { HostApi, Sandbox } from '../sandbox/index.js';
import {
  PRESCORE,
  PRESCORE_TOOL,
  PrescoreInput,
  SCORE_PROMPT,
  SCORE_PROMPT_TOOL,
  ScorePromptInput,
  type ToolDescriptor,
} from './builtins.js';
import { Limiter } from './limiter.js';
import { type StageName, StageTimer } from './stages.js';

export { PRESCORE, SCORE_PROMPT, type ToolDescriptor } from './builtins.js';
export { Limiter } from './limiter.js';
export { STAGES, type StageName } from './stages.js';

export interface ScoreResult extends Scored {
  label: 'injection' | 'benign';
}

export interface ScoringPort {
  score(
    texts: readonly string[],
    opts?: { model?: string; kind?: 'prompt' | 'document' },
  ): Promise<ScoreResult[]>;
}

/** Counters the pipeline reports; src/server wires them to Prometheus. */
export interface PipelineObserver {
  stage(stage: StageName, seconds: number): void;
  call(tool: string, agent: string, outcome: string, seconds: number): void;
  authFailure(code: string): void;
  gate(decision: string): void;
  sandboxFailure(code: ErrorCode): void;
}

export interface PipelineDeps {
  identity: IdentityService;
  policies: PolicyStore;
  tools: ReadonlyMap<string, LoadedTool>;
  sandbox: Sandbox;
  egress: EgressGuard;
  scoring: ScoringPort | undefined;
  gate: Gate;
  audit: AuditLog;
  limiter?: Limiter;
  observer?: PipelineObserver;
  requiredScopes?: readonly string[];
}

export interface ToolCall {
  identity: AgentIdentity;
  session: string;
  tool: string;
  args: unknown;
  progress?: (done: number, total?: number) => void;
  signal?: AbortSignal;
}

/**
 * `denied` outcomes stop before execute and cross the wire as JSON-RPC errors;
 * `failed` outcomes happened while the tool ran and come back as `isError` tool results.
 */
export type CallOutcome =
  | { ok: true; value: unknown; meta?: Record<string, unknown> }
  | { ok: false; kind: 'denied' | 'failed'; code: ErrorCode; reason: string; stage: StageName };

type AuthResult = VerifyResult | { ok: false; code: 'ERR_AUTH_SCOPE'; reason: string };

const NOOP_OBSERVER: PipelineObserver = {
  stage: () => {},
  call: () => {},
  authFailure: () => {},
  gate: () => {},
  sandboxFailure: () => {},
};

/**
 * Runs every tool call through authenticate -> authorize -> gate -> execute -> inspect -> audit.
 * Knows nothing of MCP or HTTP: src/server adapts requests to it and outcomes to the wire.
 */
export class Pipeline {
  readonly limiter: Limiter;
  readonly observer: PipelineObserver;
  #draining = false;
  #inFlight = new Set<Promise<unknown>>();
  #manifestPatterns = new WeakMap<LoadedTool, UrlPattern[]>();

  constructor(readonly deps: PipelineDeps) {
    this.limiter = deps.limiter ?? new Limiter();
    this.observer = deps.observer ?? NOOP_OBSERVER;
  }

  get policyVersion(): string {
    return this.deps.policies.current.version;
  }

  /** Stage 1. Verifies a bearer token; failures are audited and never reach the MCP layer. */
  async authenticate(authorization: string | undefined, where: string): Promise<AuthResult> {
    const started = performance.now();
    const verified = await this.deps.identity.verify(authorization);
    let result: AuthResult = verified;
    if (verified.ok) {
      const missing = (this.deps.requiredScopes ?? []).filter((s) => !verified.identity.scopes.includes(s));
      if (missing.length > 0)
        result = { ok: false, code: 'ERR_AUTH_SCOPE', reason: `missing scope ${missing.join(' ')}` };
    }
    this.observer.stage('authenticate', (performance.now() - started) / 1000);
    if (!result.ok) {
      this.observer.authFailure(result.code);
      await this.#audit({
        event: 'auth',
        decision: 'deny',
        code: result.code,
        reason: `${where}: ${result.reason}`,
        agent: verified.ok ? verified.identity.agent : undefined,
        jti: verified.ok ? verified.identity.jti : undefined,
      });
    }
    return result;
  }

  /** Tools this agent may call right now in this session: granted, loaded, and not gate-locked. */
  listTools(identity: AgentIdentity, session: string): ToolDescriptor[] {
    const set = this.deps.policies.current;
    const agent = set.agents.get(identity.agent);
    if (!agent) return [];
    const out: ToolDescriptor[] = [];
    if (agent.prescore) out.push(PRESCORE_TOOL);
    if (agent.models.size > 0) out.push(SCORE_PROMPT_TOOL);
    for (const name of grantedTools(set, identity.agent)) {
      const tool = this.deps.tools.get(name);
      if (!tool || this.deps.gate.isLocked(agent, session, name)) continue;
      const { manifest } = tool;
      out.push({
        name: manifest.name,
        ...(manifest.title ? { title: manifest.title } : {}),
        description: manifest.description,
        inputSchema: manifest.inputSchema as Record<string, unknown>,
        ...(manifest.outputSchema ? { outputSchema: manifest.outputSchema as Record<string, unknown> } : {}),
        ...(manifest.annotations ? { annotations: manifest.annotations as Record<string, unknown> } : {}),
      });
    }
    return out;
  }

  /** Refuses new calls and waits for those in flight (graceful shutdown). */
  async drain(): Promise<void> {
    this.#draining = true;
    while (this.#inFlight.size > 0) await Promise.allSettled([...this.#inFlight]);
  }

  callTool(call: ToolCall): Promise<CallOutcome> {
    if (this.#draining) {
      return Promise.resolve({
        ok: false,
        kind: 'denied',
        code: 'ERR_SHUTTING_DOWN',
        reason: 'the server is shutting down',
        stage: 'authorize',
      });
    }
    const run = this.#run(call);
    this.#inFlight.add(run);
    void run.finally(() => this.#inFlight.delete(run));
    return run;
  }

  async #run(call: ToolCall): Promise<CallOutcome> {
    const started = performance.now();
    const timer = new StageTimer((stage, s) => this.observer.stage(stage, s));
    const set = this.deps.policies.current;
    const { identity } = call;
    const base: AuditEntry = {
      event: 'tool_call',
      decision: 'allow',
      agent: identity.agent,
      jti: identity.jti,
      session: call.session,
      tool: call.tool,
      args: call.args,
      secrets: this.secretValues(identity.agent),
      policyVersion: set.version,
    };
    const finish = async (outcome: CallOutcome, extra: Partial<AuditEntry> = {}): Promise<CallOutcome> => {
      const latencyMs = performance.now() - started;
      const entry: AuditEntry = {
        ...base,
        ...extra,
        decision: outcome.ok ? 'allow' : outcome.kind === 'denied' ? 'deny' : 'error',
        code: outcome.ok ? 'OK' : outcome.code,
        reason: outcome.ok ? undefined : outcome.reason,
        latencyMs: Math.round(latencyMs * 1000) / 1000,
      };
      try {
        await this.deps.audit.append(entry);
      } catch (error) {
        // The result must not be returned when its audit record is not durable.
        this.observer.call(call.tool, identity.agent, 'ERR_AUDIT_WRITE', latencyMs / 1000);
        return {
          ok: false,
          kind: 'failed',
          code: 'ERR_AUDIT_WRITE',
          reason: `audit record not durable: ${(error as Error).message}`,
          stage: 'audit',
        };
      }
      timer.mark('audit');
      this.observer.call(call.tool, identity.agent, outcome.ok ? 'ok' : outcome.code, latencyMs / 1000);
      return outcome;
    };
    const denied = (code: ErrorCode, reason: string, stage: StageName): CallOutcome => ({
      ok: false,
      kind: 'denied',
      code,
      reason,
      stage,
    });

    // authorize
    if (identity.expiresAt * 1000 <= Date.now()) {
      // stdio sessions keep one token for the whole connection: it stops working when it expires.
      return finish(denied('ERR_AUTH_EXPIRED', 'the token of this session has expired', 'authorize'));
    }
    if (this.deps.identity.isRevoked({ jti: identity.jti, agent: identity.agent })) {
      return finish(
        denied('ERR_AUTH_REVOKED', `agent "${identity.agent}" or its token was revoked`, 'authorize'),
      );
    }
    if (call.tool === SCORE_PROMPT || call.tool === PRESCORE)
      return this.#builtin(call, set.agents.get(identity.agent), finish, timer);
    const decision = authorizeTool(set, identity.agent, call.tool);
    if (!decision.ok) return finish(denied(decision.code, decision.reason, 'authorize'));
    const { agent, grant } = decision;
    const tool = this.deps.tools.get(call.tool);
    if (!tool) return finish(denied('ERR_TOOL_NOT_FOUND', `no tool "${call.tool}" is loaded`, 'authorize'));
    const rate = this.#checkRates(agent, grant);
    if (!rate.ok) return finish(denied(rate.code, rate.reason, 'authorize'));
    const slot = this.limiter.acquire(`agent:${agent.id}`, agent.limits.concurrent);
    if (!slot.ok) return finish(denied(slot.code, slot.reason, 'authorize'));
    try {
      const input = tool.validateInput(call.args);
      if (!input.ok) return await finish(denied('ERR_TOOL_INPUT', input.reason, 'authorize'));
      timer.mark('authorize');

      // gate
      const lock = this.deps.gate.checkLock(agent, call.session, call.tool);
      if (!lock.ok) {
        this.observer.gate('locked');
        return await finish(denied(lock.code, lock.reason, 'gate'));
      }
      const argCheck = await this.deps.gate.checkArguments(agent, input.value);
      const argModel = argCheck.ok ? argCheck.max : undefined;
      if (!argCheck.ok) {
        this.observer.gate('injection');
        return await finish(denied(argCheck.code, argCheck.reason, 'gate'));
      }
      timer.mark('gate');

      // execute
      const hosts = new Set<string>();
      const secrets = this.#secretsFor(agent, tool);
      const host: HostApi = {
        fetch: (req) =>
          this.deps.egress.fetch(req, {
            allowlist: this.#allowlist(tool, grant),
            secrets,
            onHost: (h) => hosts.add(h),
            ...(call.signal ? { signal: call.signal } : {}),
          }),
        log: () => {},
        progress: (done, total) => call.progress?.(done, total),
      };
      const run = await this.deps.sandbox.run({
        tool: tool.compiled,
        input: input.value,
        limits: effectiveLimits(tool.manifest.limits, grant.limits),
        host,
        ...(call.signal ? { signal: call.signal } : {}),
      });
      timer.mark('execute');
      const model = argModel
        ? { name: argModel.model, version: argModel.version, score: argModel.score }
        : undefined;
      const egressHosts = [...hosts];
      if (!run.ok) {
        this.observer.sandboxFailure(run.code);
        return await finish(
          { ok: false, kind: 'failed', code: run.code, reason: run.reason, stage: 'execute' },
          { egressHosts, ...(model ? { model } : {}) },
        );
      }

      // inspect: text brought in from the network may carry an indirect injection
      let meta: Record<string, unknown> | undefined;
      let inspected = model;
      if (tool.manifest.inspectOutput) {
        const text = outputText(run.value);
        const { action, scored } = await this.deps.gate.inspectOutput(agent, text);
        if (scored) {
          inspected = { name: scored.model, version: scored.version, score: scored.score };
          meta = {
            'airlock/injection': {
              score: scored.score,
              threshold: scored.threshold,
              model: scored.model,
              version: scored.version,
              flagged: action.action !== 'pass',
            },
          };
        }
        if (action.action === 'withhold') {
          this.observer.gate('withheld');
          timer.mark('inspect');
          return await finish(
            { ok: false, kind: 'failed', code: 'ERR_GATE_WITHHELD', reason: action.reason, stage: 'inspect' },
            { egressHosts, ...(inspected ? { model: inspected } : {}) },
          );
        }
        if (action.action === 'flag') this.observer.gate('flagged');
      }
      timer.mark('inspect');
      const bytes = Buffer.byteLength(
        typeof run.value === 'string' ? run.value : (JSON.stringify(run.value) ?? ''),
      );
      return await finish(
        { ok: true, value: run.value, ...(meta ? { meta } : {}) },
        { egressHosts, bytes, ...(inspected ? { model: inspected } : {}) },
      );
    } catch (error) {
      const code: ErrorCode = isAirlockError(error) ? error.code : 'ERR_INTERNAL';
      return await finish({
        ok: false,
        kind: 'failed',
        code,
        reason: (error as Error).message,
        stage: 'execute',
      });
    } finally {
      slot.release();
    }
  }

  async #builtin(
    call: ToolCall,
    agent: CompiledAgent | undefined,
    finish: (outcome: CallOutcome, extra?: Partial<AuditEntry>) => Promise<CallOutcome>,
    timer: StageTimer,
  ): Promise<CallOutcome> {
    const denied = (code: ErrorCode, reason: string): CallOutcome => ({
      ok: false,
      kind: 'denied',
      code,
      reason,
      stage: 'authorize',
    });
    if (!agent)
      return finish(
        denied('ERR_POLICY_DENIED', `agent "${call.identity.agent}" has no policy (deny by default)`),
      );
    // Built-ins count against the agent's own call rate like any tool (a RAG assistant is rate limited too).
    const rate = this.#checkRates(agent, undefined);
    if (!rate.ok) return finish(denied(rate.code, rate.reason));
    const scoring = this.deps.scoring;
    if (call.tool === PRESCORE) {
      if (!agent.prescore)
        return finish(denied('ERR_POLICY_DENIED', `agent "${agent.id}" has no prescore policy`));
      const input = PrescoreInput.safeParse(call.args);
      if (!input.success)
        return finish(
          denied(
            'ERR_TOOL_INPUT',
            input.error.issues.map((i) => `${i.path.join('.') || '$'}: ${i.message}`).join('; '),
          ),
        );
      timer.mark('authorize');
      if (!scoring) return finish(denied('ERR_SCORING_UNAVAILABLE', 'no scoring models are loaded'));
      let outcome: Awaited<ReturnType<Gate['prescore']>>;
      try {
        outcome = await this.deps.gate.prescore(agent, call.session, input.data.prompt);
      } catch (error) {
        const code: ErrorCode = isAirlockError(error) ? error.code : 'ERR_INTERNAL';
        return finish({ ok: false, kind: 'failed', code, reason: (error as Error).message, stage: 'gate' });
      }
      timer.mark('gate');
      this.observer.gate(outcome.decision.ok ? 'unlocked' : 'blocked');
      const value = {
        unlocked: outcome.decision.ok,
        score: outcome.scored.score,
        blockAbove: agent.prescore.blockAbove,
        model: outcome.scored.model,
        version: outcome.scored.version,
        ...(outcome.unlockedUntil ? { unlockedUntil: new Date(outcome.unlockedUntil).toISOString() } : {}),
        ...(outcome.decision.ok ? {} : { reason: outcome.decision.reason }),
      };
      const model = {
        name: outcome.scored.model,
        version: outcome.scored.version,
        score: outcome.scored.score,
      };
      // A prompt above the threshold is a denial in the audit trail, but a normal answer to the agent.
      const audited: Partial<AuditEntry> = { event: 'prescore', model };
      if (!outcome.decision.ok) {
        const recorded = await finish(denied(outcome.decision.code, outcome.decision.reason), audited);
        return recorded.ok || recorded.code !== 'ERR_AUDIT_WRITE' ? { ok: true, value } : recorded;
      }
      return finish({ ok: true, value }, audited);
    }
    const input = ScorePromptInput.safeParse(call.args);
    if (!input.success)
      return finish(
        denied(
          'ERR_TOOL_INPUT',
          input.error.issues.map((i) => `${i.path.join('.') || '$'}: ${i.message}`).join('; '),
        ),
      );
    const model = input.data.model ?? DEFAULT_INSPECT_MODEL;
    const allowed = authorizeModel(this.deps.policies.current, agent.id, model);
    if (!allowed.ok) return finish(denied(allowed.code, allowed.reason));
    timer.mark('authorize');
    if (!scoring) return finish(denied('ERR_SCORING_UNAVAILABLE', 'no scoring models are loaded'));
    try {
      const results = await scoring.score(input.data.texts ?? [input.data.text ?? ''], {
        model,
        kind: input.data.kind ?? 'prompt',
      });
      timer.mark('execute');
      const max = results.reduce((a, b) => (b.score > a.score ? b : a));
      return finish(
        { ok: true, value: { results } },
        { event: 'score', model: { name: max.model, version: max.version, score: max.score } },
      );
    } catch (error) {
      const code: ErrorCode = isAirlockError(error) ? error.code : 'ERR_INTERNAL';
      return finish({ ok: false, kind: 'failed', code, reason: (error as Error).message, stage: 'execute' });
    }
  }

  #checkRates(agent: CompiledAgent, grant: CompiledToolGrant | undefined) {
    if (agent.limits.callsPerMinute) {
      const taken = this.limiter.takeRate(`agent:${agent.id}`, agent.limits.callsPerMinute, 60_000);
      if (!taken.ok) return taken;
    }
    if (grant?.rate)
      return this.limiter.takeRate(
        `agent:${agent.id}/tool:${grant.tool}`,
        grant.rate.count,
        grant.rate.windowMs,
      );
    return { ok: true as const };
  }

  /** Effective egress = tool manifest ∩ agent grant; a grant without egress patterns gives no network. */
  #allowlist(tool: LoadedTool, grant: CompiledToolGrant): EgressAllowlist {
    let manifest = this.#manifestPatterns.get(tool);
    if (!manifest) {
      manifest = tool.manifest.egress.map((text) => {
        const parsed = parseUrlPattern(text);
        if (!parsed.ok)
          throw new AirlockError('ERR_MANIFEST_INVALID', `${tool.manifest.name}: ${parsed.reason}`);
        return parsed.pattern;
      });
      this.#manifestPatterns.set(tool, manifest);
    }
    // A tool whose reach is "whatever the grant allows" (http_get) has no manifest ceiling to intersect;
    // the guard still refuses private and special addresses for it.
    return tool.manifest.egressFromGrant ? [grant.egress] : [manifest, grant.egress];
  }

  /**
   * Secret values are read on the host for the secrets the policy binds and the manifest may use
   * (all bound ones for a `secretsFromGrant` tool). An unset variable is passed as "" so the guard
   * can say "unset" rather than "not bound".
   */
  #secretsFor(agent: CompiledAgent, tool: LoadedTool): Record<string, SecretBinding> {
    const out: Record<string, SecretBinding> = {};
    const names = tool.manifest.secretsFromGrant ? [...agent.secrets.keys()] : tool.manifest.secrets;
    for (const name of names) {
      const binding = agent.secrets.get(name);
      if (!binding) continue;
      out[name] = {
        value: readEnv(binding.env) ?? '',
        hosts: binding.hosts,
        ...(binding.header ? { header: binding.header } : {}),
      };
    }
    return out;
  }

  /** Secret values of an agent, so the audit log can scrub them from previews. */
  secretValues(agentId: string): string[] {
    const agent = this.deps.policies.current.agents.get(agentId);
    if (!agent) return [];
    return [...agent.secrets.values()].map((s) => readEnv(s.env)).filter((v): v is string => Boolean(v));
  }

  async #audit(entry: AuditEntry): Promise<void> {
    try {
      await this.deps.audit.append(entry);
    } catch {
      // Authentication failures are answered regardless; the audit module reports its own write errors.
    }
  }

  /** Records a non-call event (policy reload, session open/close) in the audit trail. */
  recordEvent(entry: AuditEntry): Promise<void> {
    return this.#audit({ policyVersion: this.policyVersion, ...entry });
  }
}

function outputText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object' && typeof (value as { text?: unknown }).text === 'string') {
    return (value as { text: string }).text;
  }
  return JSON.stringify(value) ?? '';
}
