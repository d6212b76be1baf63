import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';

/** Airlock's own registry (not prom-client's global one), so embedding Airlock cannot clash with a host app. */
export const registry = new Registry();
collectDefaultMetrics({ register: registry });

const LATENCY_BUCKETS = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];
const FSYNC_BUCKETS = [0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1];
const SCORE_BUCKETS = [0.05, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 1];
const registers = [registry];

export const callsTotal = new Counter({
  name: 'airlock_calls_total',
  help: 'Tool calls by tool, agent and outcome (ok or an error code).',
  labelNames: ['tool', 'agent', 'outcome'] as const,
  registers,
});
export const stageSeconds = new Histogram({
  name: 'airlock_stage_seconds',
  help: 'Time spent in each stage of the request path.',
  labelNames: ['stage'] as const,
  buckets: LATENCY_BUCKETS,
  registers,
});
export const callSeconds = new Histogram({
  name: 'airlock_call_seconds',
  help: 'Whole tool call latency by tool.',
  labelNames: ['tool'] as const,
  buckets: LATENCY_BUCKETS,
  registers,
});
export const sandboxTimeoutsTotal = new Counter({
  name: 'airlock_sandbox_timeouts_total',
  help: 'Tool runs stopped by the CPU timeout or the wall-clock deadline.',
  registers,
});
export const sandboxMemoryKillsTotal = new Counter({
  name: 'airlock_sandbox_memory_kills_total',
  help: 'Isolates disposed for exceeding their memory limit.',
  registers,
});
export const egressBlockedTotal = new Counter({
  name: 'airlock_egress_blocked_total',
  help: 'Outgoing requests refused by the egress guard, by reason.',
  labelNames: ['reason'] as const,
  registers,
});
export const scores = new Histogram({
  name: 'airlock_scores',
  help: 'Prompt-injection scores by model.',
  labelNames: ['model'] as const,
  buckets: SCORE_BUCKETS,
  registers,
});
export const gateDecisionsTotal = new Counter({
  name: 'airlock_gate_decisions_total',
  help: 'Gate decisions by kind.',
  labelNames: ['decision'] as const,
  registers,
});
export const policyReloadsTotal = new Counter({
  name: 'airlock_policy_reloads_total',
  help: 'Policy reloads by result.',
  labelNames: ['result'] as const,
  registers,
});
export const activeSessions = new Gauge({
  name: 'airlock_active_sessions',
  help: 'Open MCP sessions.',
  registers,
});
export const authFailuresTotal = new Counter({
  name: 'airlock_auth_failures_total',
  help: 'Refused authentications by error code.',
  labelNames: ['code'] as const,
  registers,
});
export const auditRecordsTotal = new Counter({
  name: 'airlock_audit_records_total',
  help: 'Audit records made durable.',
  registers,
});
export const auditFsyncSeconds = new Histogram({
  name: 'airlock_audit_fsync_seconds',
  help: 'Time per audit group-commit fsync.',
  buckets: FSYNC_BUCKETS,
  registers,
});
