import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { addressClass, checkAddress, parseIpv4Spelling } from '../../src/egress/index.js';

interface AddressVector {
  input: string;
  expect: 'blocked' | 'allowed';
  class?: string;
  source: string;
  note?: string;
}

const vectors = JSON.parse(
  readFileSync(new URL('../vectors/ssrf-addresses.json', import.meta.url), 'utf8'),
) as AddressVector[];

describe('checkAddress() against the SSRF address vectors', () => {
  it('every vector cites a source', () => {
    for (const v of vectors) assert.ok(v.source.length > 5, `${v.input} has no source`);
  });

  for (const v of vectors) {
    it(`${v.expect === 'blocked' ? 'blocks' : 'allows'} ${v.input}${v.class ? ` (${v.class})` : ''}`, () => {
      const decision = checkAddress(v.input);
      if (v.expect === 'allowed') {
        assert.equal(decision.ok, true, JSON.stringify(decision));
        return;
      }
      assert.equal(decision.ok, false);
      if (decision.ok) return;
      assert.equal(decision.code, 'ERR_EGRESS_BLOCKED');
      if (v.class === 'not-an-address') assert.match(decision.reason, /is not an IP address/);
      else {
        assert.equal(addressClass(v.input), v.class);
        assert.ok(decision.reason.includes(` is ${v.class}`), decision.reason);
      }
    });
  }
});

describe('parseIpv4Spelling()', () => {
  it('reads every legacy spelling of 127.0.0.1 as the same number', () => {
    for (const s of [
      '127.0.0.1',
      '127.1',
      '127.0.1',
      '0x7f.1',
      '0x7f000001',
      '017700000001',
      '2130706433',
      '0177.0.0.1',
    ]) {
      assert.equal(parseIpv4Spelling(s), 0x7f000001n, s);
    }
  });

  it('rejects out-of-range parts and non-numbers', () => {
    for (const s of ['256.0.0.1', '1.2.3.4.5', '08.0.0.1', '4294967296', 'example.com', '', '1..1']) {
      assert.equal(parseIpv4Spelling(s), null, s);
    }
  });
});
