import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { createSandbox } from '../../src/sandbox/index.js';
import { SANDBOX_ESCAPES } from '../vectors/sandbox-escapes.js';
import { BASE_LIMITS, fakeHost, tool } from './fake-host.js';

describe('sandbox escape vectors', () => {
  const sandbox = createSandbox({ poolSize: 2 });
  after(() => sandbox.close());

  for (const vector of SANDBOX_ESCAPES) {
    test(`${vector.id}: ${vector.attack}`, async () => {
      assert.ok(vector.source.length > 0);
      const { host } = fakeHost();
      const result = await sandbox.run({
        tool: tool(vector.code),
        input: { probe: true },
        limits: { ...BASE_LIMITS, ...vector.limits },
        host,
      });
      if ('value' in vector.expect) {
        assert.deepEqual(result.ok ? result.value : `${result.code}: ${result.reason}`, vector.expect.value);
      } else {
        assert.equal(result.ok ? `ok: ${JSON.stringify(result.value)}` : result.code, vector.expect.code);
      }
    });
  }

  test('the server process is still healthy after every vector', async () => {
    const { host } = fakeHost();
    const result = await sandbox.run({
      tool: tool('export default async (i) => i.n + 1'),
      input: { n: 1 },
      limits: BASE_LIMITS,
      host,
    });
    assert.deepEqual(result.ok && result.value, 2);
  });
});
