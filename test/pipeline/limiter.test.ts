import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Limiter } from '../../src/pipeline/limiter.js';

test('takeRate allows `count` calls per window and refuses the next with ERR_RATE_LIMITED', () => {
  let now = 1_000_000;
  const limiter = new Limiter(() => now);
  assert.equal(limiter.takeRate('k', 2, 60_000).ok, true);
  assert.equal(limiter.takeRate('k', 2, 60_000).ok, true);
  const refused = limiter.takeRate('k', 2, 60_000);
  assert.equal(refused.ok ? '' : refused.code, 'ERR_RATE_LIMITED');
  now += 60_001;
  assert.equal(limiter.takeRate('k', 2, 60_000).ok, true);
});

test('acquire caps concurrent calls and release frees the slot exactly once', () => {
  const limiter = new Limiter();
  const a = limiter.acquire('agent', 1);
  assert.ok(a.ok);
  const b = limiter.acquire('agent', 1);
  assert.equal(b.ok ? '' : b.code, 'ERR_CONCURRENCY_LIMITED');
  a.release();
  a.release();
  assert.equal(limiter.inFlight('agent'), 0);
  assert.equal(limiter.acquire('agent', 1).ok, true);
});
