import type { PolicySet } from './compile.js';
import { authorizeTool, type EffectiveLimits, effectiveLimits, isGated } from './evaluate.js';

export interface ManifestView {
  egress: readonly string[];
  /** The tool's reach is whatever the grant allows (no manifest ceiling beyond public addresses). */
  egressFromGrant?: boolean;
  /** The tool may use every secret the agent's policy binds. */
  secretsFromGrant?: boolean;
  limits: EffectiveLimits;
  secrets: readonly string[];
}

export interface Explanation {
  allowed: boolean;
  code: string;
  lines: string[];
}

/** Says, in words an admin can act on, why an agent may or may not call a tool and with what reach. */
export function explainTool(
  set: PolicySet,
  agentId: string,
  tool: string,
  manifest?: ManifestView,
): Explanation {
  const lines = [`policy version ${set.version}`];
  const decision = authorizeTool(set, agentId, tool);
  if (!decision.ok) {
    lines.push(`DENY ${decision.code}: ${decision.reason}`);
    const agent = set.agents.get(agentId);
    if (agent)
      lines.push(
        `agent "${agentId}" (${agent.file}) is granted: ${[...agent.tools.keys()].join(', ') || 'no tools'}`,
      );
    return { allowed: false, code: decision.code, lines };
  }
  const { agent, grant } = decision;
  lines.push(`ALLOW: ${agent.file} grants agent "${agentId}" tool "${tool}"`);
  if (!manifest) lines.push(`warning: no tool "${tool}" is loaded; calls will fail with ERR_TOOL_NOT_FOUND`);
  const grantEgress = grant.egress.map((p) => p.source);
  if (grantEgress.length === 0) lines.push('egress: none (the grant names no egress patterns)');
  else if (manifest?.egressFromGrant) {
    lines.push(
      `egress: a URL must match the grant [${grantEgress.join(', ')}] and resolve to public addresses`,
    );
  } else if (manifest) {
    lines.push(`egress: a URL must match the manifest [${manifest.egress.join(', ') || 'none'}]`);
    lines.push(`        and the grant [${grantEgress.join(', ')}]`);
  } else lines.push(`egress (grant side): [${grantEgress.join(', ')}]`);
  if (manifest) {
    const limits = effectiveLimits(manifest.limits, grant.limits);
    lines.push(
      `limits: timeout ${limits.timeoutMs} ms, memory ${limits.memoryMb} MB, output ${limits.maxOutputBytes} bytes, host calls ${limits.maxHostCalls}`,
    );
    const usable = manifest.secretsFromGrant
      ? [...agent.secrets.keys()]
      : manifest.secrets.filter((name) => agent.secrets.has(name));
    if (usable.length > 0) {
      lines.push(
        `secrets: ${usable.map((n) => `${n} -> [${agent.secrets.get(n)!.hosts.join(', ')}]`).join('; ')}`,
      );
    }
  }
  if (grant.rate) lines.push(`rate: ${grant.rate.count} calls per ${grant.rate.windowMs / 1000}s`);
  if (agent.limits.callsPerMinute) lines.push(`agent rate: ${agent.limits.callsPerMinute} calls per minute`);
  if (agent.limits.concurrent) lines.push(`agent concurrency: ${agent.limits.concurrent} calls in flight`);
  if (isGated(agent, tool) && agent.prescore) {
    lines.push(
      `gate: locked until a prompt scores <= ${agent.prescore.blockAbove} on ${agent.prescore.model}; unlock lasts ${agent.prescore.unlockForMs / 1000}s`,
    );
  }
  lines.push(
    `inspection: arguments ${agent.inspect.arguments}, fetched text ${agent.inspect.output} (model ${agent.inspect.model})`,
  );
  return { allowed: true, code: 'OK', lines };
}
