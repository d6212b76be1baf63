import { readFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import { type AuditLog, openAuditLog } from '../audit/index.js';
import { type AirlockConfig, isLoopbackHost, resourceUrl } from '../config/index.js';
import { createEgressGuard, type EgressGuard } from '../egress/index.js';
import { AirlockError } from '../errors.js';
import { writeFileAtomic } from '../files/atomic.js';
import { Gate, UnlockStore } from '../gate/index.js';
import { createIdentityService, type IdentityService } from '../identity/index.js';
import { log } from '../log.js';
import { createHealth, type Health, metrics, renderMetrics } from '../metrics/index.js';
import { Pipeline, type PipelineObserver } from '../pipeline/index.js';
import { PolicyStore } from '../policy/index.js';
import { type LoadedTool, loadTools } from '../registry/index.js';
import { createSandbox, type Sandbox } from '../sandbox/index.js';
import { createScoringService, type ScoringService } from '../scoring/index.js';
import { AirlockHttpListener } from '../server/http.js';
import { sendJson } from '../server/http-util.js';
import { watchModelChannels } from './watch-models.js';

/** Everything a running Airlock is made of, built from a frozen config in dependency order. */
export interface Runtime {
  config: AirlockConfig;
  identity: IdentityService;
  policies: PolicyStore;
  tools: ReadonlyMap<string, LoadedTool>;
  sandbox: Sandbox;
  egress: EgressGuard;
  scoring: ScoringService | undefined;
  audit: AuditLog;
  gate: Gate;
  pipeline: Pipeline;
  health: Health;
  http: AirlockHttpListener | undefined;
  /** Where the agent endpoint and token audience live. */
  resourceUrl: string;
  /** Notify sessions whose visible tools may have changed. */
  toolsChanged(filter?: { session?: string; agent?: string }): void;
  onToolsChanged(listener: (filter: { session?: string; agent?: string }) => void): void;
  /** Revokes an agent or token id at once and keeps the revocation across restarts. */
  revoke(what: { agent?: string; jti?: string }): Promise<void>;
  close(): Promise<void>;
}

const REVOCATIONS_FILE = 'revocations.json';

/** Revocations made at run time live in the data dir beside the issuer key; config ones are merged in. */
async function loadRevocations(dataDir: string): Promise<{ jti: string[]; agents: string[] }> {
  const file = join(dataDir, REVOCATIONS_FILE);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { jti: [], agents: [] };
    throw error;
  }
  const parsed = JSON.parse(text) as { jti?: unknown; agents?: unknown };
  const strings = (v: unknown) =>
    Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
  if (!Array.isArray(parsed.jti) || !Array.isArray(parsed.agents)) {
    throw new AirlockError('ERR_CONFIG_INVALID', `${file}: expected {"jti": [...], "agents": [...]}`);
  }
  return { jti: strings(parsed.jti), agents: strings(parsed.agents) };
}

const GATE_METRIC = {
  locked: 'deny',
  injection: 'deny',
  blocked: 'deny',
  unlocked: 'unlock',
  flagged: 'flag',
  withheld: 'withhold',
} as const;

function observer(): PipelineObserver {
  return {
    stage: (stage, seconds) => metrics.stage(stage, seconds),
    call: (tool, agent, outcome, seconds) => metrics.call({ tool, agent, outcome: outcome as 'ok', seconds }),
    authFailure: (code) => metrics.authFailure(code as 'ERR_AUTH_INVALID'),
    gate: (decision) => metrics.gateDecision(GATE_METRIC[decision as keyof typeof GATE_METRIC] ?? 'deny'),
    sandboxFailure: (code) => {
      if (code === 'ERR_SANDBOX_TIMEOUT') metrics.sandboxTimeout();
      else if (code === 'ERR_SANDBOX_MEMORY') metrics.sandboxMemoryKill();
      else if (code === 'ERR_EGRESS_BLOCKED') metrics.egressBlocked('tool');
    },
  };
}

/**
 * Starts Airlock: loads policies, tools and models (refusing to start on invalid ones), opens the
 * audit log, and — in HTTP mode — binds the agent listener so the resource URL names the real port.
 */
export async function startRuntime(config: AirlockConfig, mode: 'http' | 'stdio'): Promise<Runtime> {
  if (mode === 'http' && config.devAgent && !isLoopbackHost(config.http.listen.host)) {
    throw new AirlockError(
      'ERR_CONFIG_INVALID',
      `--agent (no-token development mode) is refused on non-loopback listener ${config.http.listen.host}`,
    );
  }
  const health = createHealth(['policies', 'tools', 'models', 'audit']);
  const closers: (() => Promise<void> | void)[] = [];
  const closeAll = async () => {
    for (const close of closers.reverse())
      await Promise.resolve(close()).catch((error) => log.warn({ err: error }, 'close failed'));
  };
  try {
    const policies = await PolicyStore.open(config.paths.policies);
    closers.push(() => policies.close());
    health.mark('policies', true, `version ${policies.current.version}`);

    const loaded = await loadTools(config.paths.tools);
    for (const error of loaded.errors) log.error({ path: error.path }, `tool left out: ${error.message}`);
    health.mark('tools', true, `${loaded.tools.size} loaded, ${loaded.errors.length} refused`);

    const scoring = await createScoringService({
      modelsDir: config.paths.models,
      maxBatch: config.scoring.maxBatch,
      maxQueue: config.scoring.maxQueue,
    });
    closers.push(() => scoring.close());
    const markModels = () =>
      health.mark(
        'models',
        true,
        scoring
          .models()
          .map((m) => `${m.name}@${m.active}`)
          .join(', ') || 'none',
      );
    markModels();

    const audit = await openAuditLog({
      dir: join(config.paths.data, 'audit'),
      durable: config.audit.durable,
      maxFileBytes: config.audit.maxFileBytes,
    });
    closers.push(() => audit.close());
    health.mark('audit', true);

    const sandbox = createSandbox({ poolSize: config.sandbox.poolSize });
    closers.push(() => sandbox.close());
    const egress = createEgressGuard();
    closers.push(() => egress.close());

    let http: AirlockHttpListener | undefined;
    let resource = resourceUrl(config);
    if (mode === 'http') {
      http = new AirlockHttpListener({ ...config.http.listen, ...config.http, devAgent: config.devAgent });
      const bound = await http.listen();
      resource = resourceUrl(config, bound.port);
    }
    const identity = await createIdentityService({
      dataDir: config.paths.data,
      audience: resource,
      issuers: config.issuers,
      maxTokenLifetimeS: config.auth.maxTokenLifetimeS,
      clockToleranceS: config.auth.clockToleranceS,
      revoked: config.revoked,
    });
    closers.push(() => identity.close());
    const persisted = await loadRevocations(config.paths.data);
    identity.setRevoked({
      jti: [...new Set([...config.revoked.jti, ...persisted.jti])],
      agents: [...new Set([...config.revoked.agents, ...persisted.agents])],
    });

    const listeners = new Set<(filter: { session?: string; agent?: string }) => void>();
    const toolsChanged = (filter: { session?: string; agent?: string } = {}) => {
      http?.notifyToolsChanged(filter);
      for (const listener of listeners) listener(filter);
    };
    const gate = new Gate(scoring, new UnlockStore((session, agent) => toolsChanged({ session, agent })));
    closers.push(() => gate.unlocks.clear());
    const pipeline = new Pipeline({
      identity,
      policies,
      tools: loaded.tools,
      sandbox,
      egress,
      scoring,
      gate,
      audit,
      observer: observer(),
      requiredScopes: config.auth.requiredScopes,
    });

    policies.onReload((outcome) => {
      metrics.policyReload(outcome.ok ? 'ok' : 'error');
      if (outcome.ok && outcome.changed) {
        log.info({ version: outcome.version, previous: outcome.previous }, 'policy set reloaded');
        toolsChanged();
      } else if (!outcome.ok) {
        log.error(
          { errors: outcome.errors, serving: outcome.version },
          'policy set refused; previous set keeps serving',
        );
      }
      // A reload that found the same bytes (e.g. the watcher after an admin write) changes nothing.
      if (outcome.ok && !outcome.changed) return;
      void pipeline.recordEvent({
        event: 'policy_reload',
        decision: outcome.ok ? 'allow' : 'deny',
        code: outcome.ok ? 'OK' : 'ERR_POLICY_INVALID',
        ...(outcome.ok ? {} : { reason: outcome.reason }),
        policyVersion: outcome.version,
      });
    });
    policies.watch();
    const unwatchModels = watchModelChannels({
      modelsDir: config.paths.models,
      scoring,
      onChange: (name, outcome) => {
        const info = scoring.models().find((m) => m.name === name);
        markModels();
        void pipeline.recordEvent({
          event: 'model_change',
          decision: outcome.ok ? 'allow' : 'deny',
          code: outcome.ok ? 'OK' : 'ERR_MODEL_INVALID',
          ...(outcome.ok ? {} : { reason: outcome.reason }),
          ...(info ? { extra: { model: name, active: info.active, candidate: info.candidate ?? null } } : {}),
        });
      },
    });
    closers.push(unwatchModels);

    let sessions = 0;
    http?.attach({
      pipeline,
      resourceUrl: resource,
      authorizationServers: () => identity.issuerUrls(),
      routes: healthRoutes(health),
      onSessionsChanged: (count) => {
        for (; sessions < count; sessions++) metrics.sessionOpened();
        for (; sessions > count; sessions--) metrics.sessionClosed();
      },
    });

    let closed = false;
    return {
      config,
      identity,
      policies,
      tools: loaded.tools,
      sandbox,
      egress,
      scoring,
      audit,
      gate,
      pipeline,
      health,
      http,
      resourceUrl: resource,
      toolsChanged,
      onToolsChanged: (listener) => listeners.add(listener),
      async revoke(what) {
        identity.revoke(what);
        await writeFileAtomic(
          join(config.paths.data, REVOCATIONS_FILE),
          `${JSON.stringify(identity.revokedList(), null, 2)}\n`,
        );
      },
      async close() {
        if (closed) return;
        closed = true;
        if (http) await http.close(() => pipeline.drain());
        else await pipeline.drain();
        await closeAll();
      },
    };
  } catch (error) {
    await closeAll();
    throw error;
  }
}

export function healthRoutes(
  health: Health,
): Record<string, (req: IncomingMessage, res: ServerResponse) => void | Promise<void>> {
  return {
    '/healthz': (_req, res) => sendJson(res, 200, health.live()),
    '/readyz': (_req, res) => {
      const report = health.ready();
      sendJson(res, report.ready ? 200 : 503, report);
    },
  };
}

export async function metricsRoute(_req: IncomingMessage, res: ServerResponse): Promise<void> {
  const { contentType, body } = await renderMetrics();
  res.writeHead(200, { 'content-type': contentType });
  res.end(body);
}
