import type { ErrorCode } from '../errors.js';
import { BoundedLabel } from './labels.js';
import * as m from './registry.js';

export type { Health, ReadyReport } from './health.js';
export { createHealth } from './health.js';

export type Stage = 'authenticate' | 'authorize' | 'gate' | 'execute' | 'inspect' | 'audit';
export type CallOutcome = 'ok' | ErrorCode;
export type GateDecision = 'allow' | 'deny' | 'unlock' | 'flag' | 'withhold';
export type ReloadResult = 'ok' | 'error';

/** Client-chosen names are capped so a flood of new agents or bogus tool names cannot explode the series. */
const agents = new BoundedLabel(200);
const tools = new BoundedLabel(200);
const models = new BoundedLabel(50);
const egressReasons = new BoundedLabel(50);

/** Typed handles for every Airlock metric; prom-client stays inside src/metrics. */
export const metrics = {
  call(labels: { tool: string; agent: string; outcome: CallOutcome; seconds?: number }): void {
    const tool = tools.value(labels.tool);
    m.callsTotal.inc({ tool, agent: agents.value(labels.agent), outcome: labels.outcome });
    if (labels.seconds !== undefined) m.callSeconds.observe({ tool }, labels.seconds);
  },
  stage(stage: Stage, seconds: number): void {
    m.stageSeconds.observe({ stage }, seconds);
  },
  /** Starts a stage timer; call the result when the stage ends. */
  startStage(stage: Stage): () => void {
    return m.stageSeconds.startTimer({ stage }) as () => void;
  },
  sandboxTimeout(): void {
    m.sandboxTimeoutsTotal.inc();
  },
  sandboxMemoryKill(): void {
    m.sandboxMemoryKillsTotal.inc();
  },
  egressBlocked(reason: string): void {
    m.egressBlockedTotal.inc({ reason: egressReasons.value(reason) });
  },
  score(model: string, score: number): void {
    m.scores.observe({ model: models.value(model) }, score);
  },
  gateDecision(decision: GateDecision): void {
    m.gateDecisionsTotal.inc({ decision });
  },
  policyReload(result: ReloadResult): void {
    m.policyReloadsTotal.inc({ result });
  },
  sessionOpened(): void {
    m.activeSessions.inc();
  },
  sessionClosed(): void {
    m.activeSessions.dec();
  },
  authFailure(code: ErrorCode): void {
    m.authFailuresTotal.inc({ code });
  },
  auditRecords(count: number): void {
    m.auditRecordsTotal.inc(count);
  },
  auditFsync(seconds: number): void {
    m.auditFsyncSeconds.observe(seconds);
  },
};

/** The Prometheus text exposition of every metric, for the /metrics endpoint. */
export async function renderMetrics(): Promise<{ contentType: string; body: string }> {
  return { contentType: m.registry.contentType, body: await m.registry.metrics() };
}
