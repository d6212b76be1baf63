import assert from 'node:assert/strict';
import { test } from 'node:test';
import { benchSandbox } from '../../bench/sandbox.js';

test('the sandbox benchmark runs and reports every median', async () => {
  const result = await benchSandbox({ iterations: 5 });
  assert.deepEqual(Object.keys(result).sort(), [
    'fresh_context_call_us_p50',
    'fresh_context_overhead_ms',
    'in_process_call_us_p50',
    'isolate_cold_start_ms',
    'memory_per_isolate_mb',
    'warm_fresh_context_ms',
  ]);
  for (const value of Object.values(result)) assert.ok(Number.isFinite(value));
  assert.ok(result.fresh_context_call_us_p50 > result.in_process_call_us_p50);
});
