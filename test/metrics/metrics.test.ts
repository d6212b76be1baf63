import assert from 'node:assert/strict';
import { test } from 'node:test';
import { openAuditLog } from '../../src/audit/index.js';
import { metrics, renderMetrics } from '../../src/metrics/index.js';
import { tempDir, toolCall } from '../audit/helpers.js';

/** The value of one sample line of the exposition, e.g. `airlock_calls_total{...} 3`. */
function sample(body: string, prefix: string): number | undefined {
  const line = body.split('\n').find((item) => item.startsWith(prefix));
  return line === undefined ? undefined : Number(line.slice(line.lastIndexOf(' ') + 1));
}

test('renderMetrics exposes counted calls, stages, sandbox, egress, gate, policy, sessions and auth', async () => {
  metrics.call({ tool: 'http_get', agent: 'support-bot', outcome: 'ok', seconds: 0.012 });
  metrics.call({ tool: 'http_get', agent: 'support-bot', outcome: 'ok', seconds: 0.02 });
  metrics.call({ tool: 'http_get', agent: 'support-bot', outcome: 'ERR_POLICY_DENIED' });
  metrics.stage('execute', 0.004);
  metrics.startStage('authorize')();
  metrics.sandboxTimeout();
  metrics.sandboxMemoryKill();
  metrics.egressBlocked('private-address');
  metrics.score('prompt-injection', 0.93);
  metrics.gateDecision('deny');
  metrics.policyReload('ok');
  metrics.policyReload('error');
  metrics.sessionOpened();
  metrics.sessionOpened();
  metrics.sessionClosed();
  metrics.authFailure('ERR_AUTH_EXPIRED');

  const { contentType, body } = await renderMetrics();
  assert.match(contentType, /^text\/plain/);
  assert.equal(sample(body, 'airlock_calls_total{tool="http_get",agent="support-bot",outcome="ok"}'), 2);
  assert.equal(
    sample(body, 'airlock_calls_total{tool="http_get",agent="support-bot",outcome="ERR_POLICY_DENIED"}'),
    1,
  );
  assert.equal(sample(body, 'airlock_call_seconds_count{tool="http_get"}'), 2);
  assert.equal(sample(body, 'airlock_stage_seconds_count{stage="execute"}'), 1);
  assert.equal(sample(body, 'airlock_stage_seconds_count{stage="authorize"}'), 1);
  assert.equal(sample(body, 'airlock_sandbox_timeouts_total'), 1);
  assert.equal(sample(body, 'airlock_sandbox_memory_kills_total'), 1);
  assert.equal(sample(body, 'airlock_egress_blocked_total{reason="private-address"}'), 1);
  assert.equal(sample(body, 'airlock_scores_bucket{le="0.9",model="prompt-injection"}'), 0);
  assert.equal(sample(body, 'airlock_scores_bucket{le="0.95",model="prompt-injection"}'), 1);
  assert.equal(sample(body, 'airlock_gate_decisions_total{decision="deny"}'), 1);
  assert.equal(sample(body, 'airlock_policy_reloads_total{result="error"}'), 1);
  assert.equal(sample(body, 'airlock_active_sessions'), 1);
  assert.equal(sample(body, 'airlock_auth_failures_total{code="ERR_AUTH_EXPIRED"}'), 1);
  assert.ok(body.includes('process_cpu_user_seconds_total'), 'default process metrics are included');
});

test('audit appends count records and fsyncs in the metrics', async (t) => {
  const before = await renderMetrics();
  const records = sample(before.body, 'airlock_audit_records_total') ?? 0;
  const fsyncs = sample(before.body, 'airlock_audit_fsync_seconds_count') ?? 0;
  const dir = await tempDir(t);
  const log = await openAuditLog({ dir });
  await Promise.all(Array.from({ length: 25 }, (_, index) => log.append(toolCall(index))));
  const used = log.stats().fsyncs;
  await log.close();
  const after = await renderMetrics();
  assert.equal(sample(after.body, 'airlock_audit_records_total'), records + 25);
  assert.equal(sample(after.body, 'airlock_audit_fsync_seconds_count'), fsyncs + used);
});

test('agent label values are capped so client-chosen names cannot explode the series', async () => {
  for (let index = 0; index < 260; index += 1) {
    metrics.call({ tool: 'json_query', agent: `flood-${index}`, outcome: 'ok' });
  }
  const { body } = await renderMetrics();
  const series = body.split('\n').filter((line) => line.startsWith('airlock_calls_total{tool="json_query"'));
  assert.ok(series.length <= 201, `expected at most 200 agents + other, got ${series.length}`);
  assert.ok(
    (sample(body, 'airlock_calls_total{tool="json_query",agent="other",outcome="ok"}') ?? 0) >= 60,
    'the overflow lands in agent="other"',
  );
});
