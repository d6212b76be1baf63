import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { tokenVectors } from '../vectors/tokens.js';
import { type Lab, startLab } from './lab.js';

describe('identity replays the forged-token table (test/vectors/tokens.ts)', () => {
  let lab: Lab;
  before(async () => {
    lab = await startLab();
  });
  after(async () => {
    await lab.close();
  });

  it('every row cites a source', () => {
    for (const row of tokenVectors) assert.ok(row.source.length > 5, row.name);
  });

  for (const row of tokenVectors) {
    it(`${row.expect === 'ok' ? 'accepts' : `refuses (${row.expect})`}: ${row.name}`, async () => {
      const header = row.authorization(lab);
      const result = await lab.service.verify(header);
      if (row.expect === 'ok') {
        assert.equal(result.ok, true, result.ok ? '' : `${result.code}: ${result.reason}`);
        return;
      }
      assert.equal(result.ok, false, 'forged token was accepted');
      if (result.ok) return;
      assert.equal(result.code, row.expect, result.reason);
      // Reasons are short and never echo the token.
      assert.ok(result.reason.length < 100, result.reason);
      if (header !== undefined) {
        for (const part of header.split(/[\s.]+/).filter((p) => p.length > 16)) {
          assert.ok(!result.reason.includes(part), 'reason echoes token contents');
        }
      }
    });
  }
});
