import { type Decision, deny } from '../errors.js';
import type { CompiledAgent, CompiledToolGrant, PolicySet } from './compile.js';
import type { ToolLimits } from './schema.js';

export type ToolDecision = Decision<{ agent: CompiledAgent; grant: CompiledToolGrant }>;

/** Deny by default: only an explicit grant for this agent and tool allows the call. */
export function authorizeTool(set: PolicySet, agentId: string, tool: string): ToolDecision {
  const agent = set.agents.get(agentId);
  if (!agent) return deny('ERR_POLICY_DENIED', `agent "${agentId}" has no policy (deny by default)`);
  const grant = agent.tools.get(tool);
  if (!grant) return deny('ERR_POLICY_DENIED', `agent "${agentId}" is not granted tool "${tool}"`);
  return { ok: true, agent, grant };
}

export function authorizeModel(
  set: PolicySet,
  agentId: string,
  model: string,
): Decision<{ agent: CompiledAgent }> {
  const agent = set.agents.get(agentId);
  if (!agent) return deny('ERR_POLICY_DENIED', `agent "${agentId}" has no policy (deny by default)`);
  if (!agent.models.has(model))
    return deny('ERR_POLICY_DENIED', `agent "${agentId}" is not granted model "${model}"`);
  return { ok: true, agent };
}

export function grantedTools(set: PolicySet, agentId: string): string[] {
  return [...(set.agents.get(agentId)?.tools.keys() ?? [])];
}

export interface EffectiveLimits {
  timeoutMs: number;
  memoryMb: number;
  maxOutputBytes: number;
  maxHostCalls: number;
}

/** A grant may only tighten what the manifest allows: each limit is the smaller of the two. */
export function effectiveLimits(manifest: EffectiveLimits, grant: Readonly<ToolLimits>): EffectiveLimits {
  const tighter = (a: number, b: number | undefined) => (b === undefined ? a : Math.min(a, b));
  return {
    timeoutMs: tighter(manifest.timeoutMs, grant.timeoutMs),
    memoryMb: tighter(manifest.memoryMb, grant.memoryMb),
    maxOutputBytes: tighter(manifest.maxOutputBytes, grant.maxOutputBytes),
    maxHostCalls: tighter(manifest.maxHostCalls, grant.maxHostCalls),
  };
}

/** Whether the gate locks this tool for this agent until a prompt is pre-scored. */
export function isGated(agent: CompiledAgent, tool: string): boolean {
  if (!agent.prescore) return false;
  return agent.prescore.tools === 'all' || agent.prescore.tools.has(tool);
}
