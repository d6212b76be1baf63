import {
  type CompiledAgent,
  effectiveLimits,
  explainTool,
  isGated,
  type ManifestView,
} from '../../policy/index.js';
import type { Runtime } from '../../runtime/index.js';
import { type ApiResult, fail, ok } from '../api-result.js';
import type { AdminContext } from '../context.js';
import type { Router } from '../router.js';

function manifestView(runtime: Runtime, tool: string): ManifestView | undefined {
  const manifest = runtime.tools.get(tool)?.manifest;
  return manifest
    ? { egress: manifest.egress, limits: manifest.limits, secrets: manifest.secrets }
    : undefined;
}

function listAgents(ctx: AdminContext): ApiResult {
  const set = ctx.runtime.policies.current;
  return ok({
    policyVersion: set.version,
    agents: [...set.agents.values()].map((agent) => ({
      id: agent.id,
      file: agent.file,
      tools: [...agent.tools.keys()],
      models: [...agent.models],
      gated: agent.prescore !== undefined,
    })),
  });
}

/** One row per granted tool, with the reach a call would really get (manifest ∩ grant). */
function toolRows(runtime: Runtime, agent: CompiledAgent) {
  return [...agent.tools.values()].map((grant) => {
    const manifest = runtime.tools.get(grant.tool)?.manifest;
    const grantEgress = grant.egress.map((pattern) => pattern.source);
    // Tools such as http_get take their reach from the grant alone; others are capped by their manifest too.
    const fromGrant = manifest?.egressFromGrant ?? false;
    return {
      tool: grant.tool,
      loaded: manifest !== undefined,
      egress: {
        grant: grantEgress,
        manifest: fromGrant ? null : (manifest?.egress ?? []),
        none:
          grantEgress.length === 0 || (manifest !== undefined && !fromGrant && manifest.egress.length === 0),
      },
      limits: manifest ? effectiveLimits(manifest.limits, grant.limits) : { ...grant.limits },
      rate: grant.rate ? `${grant.rate.count}/${grant.rate.windowMs / 1000}s` : null,
      gated: isGated(agent, grant.tool),
      secrets: manifest?.secretsFromGrant
        ? [...agent.secrets.keys()]
        : (manifest?.secrets ?? []).filter((name) => agent.secrets.has(name)),
    };
  });
}

/** Secret NAMES and the hosts they are bound to; never values, never the environment variable read. */
function grants(ctx: AdminContext): ApiResult {
  const id = ctx.params['id'] ?? '';
  const set = ctx.runtime.policies.current;
  const agent = set.agents.get(id);
  if (!agent) return fail('ERR_NOT_FOUND', `agent "${id}" has no policy (deny by default: no tools)`);
  return ok({
    agent: agent.id,
    file: agent.file,
    policyVersion: set.version,
    tools: toolRows(ctx.runtime, agent),
    models: [...agent.models],
    prescore: agent.prescore
      ? {
          model: agent.prescore.model,
          blockAbove: agent.prescore.blockAbove,
          unlockForMs: agent.prescore.unlockForMs,
          tools: agent.prescore.tools === 'all' ? 'all' : [...agent.prescore.tools],
        }
      : null,
    inspect: agent.inspect,
    limits: agent.limits,
    secrets: [...agent.secrets].map(([name, secret]) => ({ name, hosts: secret.hosts })),
  });
}

function explain(ctx: AdminContext): ApiResult {
  const agent = ctx.query.get('agent');
  const tool = ctx.query.get('tool');
  if (!agent || !tool) return fail('ERR_BAD_REQUEST', 'expected ?agent=<id>&tool=<name>');
  const set = ctx.runtime.policies.current;
  return ok({ agent, tool, ...explainTool(set, agent, tool, manifestView(ctx.runtime, tool)) });
}

export function agentRoutes(router: Router): void {
  router
    .on('GET', '/api/agents', listAgents)
    .on('GET', '/api/agents/:id/grants', grants)
    .on('GET', '/api/explain', explain);
}
