import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createHealth } from '../../src/metrics/index.js';

test('readiness waits for every component and reports which are missing', () => {
  const health = createHealth(['policies', 'tools', 'models']);
  assert.equal(health.ready().ready, false);
  health.mark('policies', true);
  health.mark('tools', true);
  const partial = health.ready();
  assert.equal(partial.ready, false);
  assert.deepEqual(partial.components['models'], { ready: false, detail: 'not loaded yet' });
  health.mark('models', true);
  assert.equal(health.ready().ready, true);
  health.mark('models', false, 'digest mismatch');
  assert.deepEqual(health.ready().components['models'], { ready: false, detail: 'digest mismatch' });
});

test('liveness reports uptime and an unknown component name is refused', () => {
  let clock = 1_000;
  const health = createHealth(['policies'], () => clock);
  clock += 5_000;
  assert.deepEqual(health.live(), { ok: true, uptimeSeconds: 5 });
  assert.throws(() => health.mark('polices', true), /unknown health component/);
});
