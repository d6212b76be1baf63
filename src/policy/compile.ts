import { createHash } from 'node:crypto';
import { parseDuration, parseRate } from '../config/index.js';
import { parseUrlPattern, type UrlPattern } from '../egress/url-pattern.js';
import type { AgentPolicy, PolicyFile, ToolLimits } from './schema.js';

export interface CompiledToolGrant {
  readonly tool: string;
  /** The agent's side of the egress intersection; empty means no network at all. */
  readonly egress: readonly UrlPattern[];
  readonly limits: Readonly<ToolLimits>;
  readonly rate: { readonly count: number; readonly windowMs: number } | undefined;
}

export interface CompiledSecret {
  readonly env: string;
  readonly hosts: readonly string[];
  readonly header: string | undefined;
}

export interface CompiledAgent {
  readonly id: string;
  readonly file: string;
  readonly tools: ReadonlyMap<string, CompiledToolGrant>;
  readonly models: ReadonlySet<string>;
  readonly prescore:
    | {
        readonly model: string;
        readonly blockAbove: number;
        readonly unlockForMs: number;
        readonly tools: ReadonlySet<string> | 'all';
      }
    | undefined;
  readonly inspect: {
    readonly model: string;
    readonly arguments: 'block' | 'off';
    readonly output: 'flag' | 'withhold' | 'off';
    readonly blockAbove: number | undefined;
  };
  readonly secrets: ReadonlyMap<string, CompiledSecret>;
  readonly limits: { readonly callsPerMinute: number | undefined; readonly concurrent: number | undefined };
}

export interface PolicySource {
  readonly file: string;
  readonly text: string;
  readonly parsed: PolicyFile;
}

/** A validated, compiled policy set; immutable, swapped whole on reload. */
export interface PolicySet {
  /** Content digest of every file (name and bytes): recorded in each audit record. */
  readonly version: string;
  readonly agents: ReadonlyMap<string, CompiledAgent>;
  readonly files: readonly { readonly file: string; readonly digest: string }[];
}

export const DEFAULT_INSPECT_MODEL = 'prompt-injection';

export function digestText(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

export function policyVersion(sources: readonly { file: string; text: string }[]): string {
  const hash = createHash('sha256');
  for (const source of [...sources].sort((a, b) => a.file.localeCompare(b.file))) {
    hash.update(source.file).update('\0').update(source.text).update('\0');
  }
  return hash.digest('hex').slice(0, 16);
}

function mustParse<T extends { ok: boolean }>(decision: T, what: string): Extract<T, { ok: true }> {
  // Sources were schema-validated before compile, so a failure here is a programming error.
  if (!decision.ok) throw new Error(`policy compile: ${what} passed validation but does not parse`);
  return decision as Extract<T, { ok: true }>;
}

function compileAgent(id: string, file: string, policy: AgentPolicy): CompiledAgent {
  const tools = new Map<string, CompiledToolGrant>();
  for (const [tool, grant] of Object.entries(policy.tools ?? {})) {
    tools.set(tool, {
      tool,
      egress: (grant?.egress ?? []).map((p) => mustParse(parseUrlPattern(p), p).pattern),
      limits: Object.freeze({ ...grant?.limits }),
      rate: grant?.rate
        ? (({ count, windowMs }) => ({ count, windowMs }))(mustParse(parseRate(grant.rate), grant.rate))
        : undefined,
    });
  }
  const prescore = policy.prescore
    ? {
        model: policy.prescore.model,
        blockAbove: policy.prescore.blockAbove,
        unlockForMs: mustParse(parseDuration(policy.prescore.unlockFor), policy.prescore.unlockFor).ms,
        tools: policy.prescore.tools ? new Set(policy.prescore.tools) : ('all' as const),
      }
    : undefined;
  const secrets = new Map<string, CompiledSecret>();
  for (const [name, secret] of Object.entries(policy.secrets ?? {})) {
    secrets.set(name, { env: secret.name, hosts: [...secret.hosts], header: secret.header });
  }
  return {
    id,
    file,
    tools,
    models: new Set(policy.models ?? []),
    prescore,
    inspect: {
      model: policy.inspect?.model ?? prescore?.model ?? DEFAULT_INSPECT_MODEL,
      arguments: policy.inspect?.arguments ?? 'block',
      output: policy.inspect?.output ?? 'flag',
      blockAbove: policy.inspect?.blockAbove,
    },
    secrets,
    limits: { callsPerMinute: policy.limits?.callsPerMinute, concurrent: policy.limits?.concurrent },
  };
}

export type CompileResult =
  | { ok: true; set: PolicySet }
  | { ok: false; code: 'ERR_POLICY_INVALID'; reason: string; errors: string[] };

/** Compiles validated sources into lookup tables. An agent defined in two files is an error, not a merge. */
export function compilePolicySet(sources: readonly PolicySource[]): CompileResult {
  const agents = new Map<string, CompiledAgent>();
  const errors: string[] = [];
  for (const source of sources) {
    for (const [id, policy] of Object.entries(source.parsed.agents ?? {})) {
      const existing = agents.get(id);
      if (existing) {
        errors.push(`${source.file}: agent "${id}" is already defined in ${existing.file}`);
        continue;
      }
      agents.set(id, compileAgent(id, source.file, policy));
    }
  }
  if (errors.length > 0) return { ok: false, code: 'ERR_POLICY_INVALID', reason: errors[0]!, errors };
  return {
    ok: true,
    set: {
      version: policyVersion(sources),
      agents,
      files: sources.map((s) => ({ file: s.file, digest: digestText(s.text) })),
    },
  };
}
