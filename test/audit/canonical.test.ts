import assert from 'node:assert/strict';
import { test } from 'node:test';
import { canonicalJson, digestArgs } from '../../src/audit/index.js';

const RFC8785 = 'RFC 8785 (JSON Canonicalization Scheme)';
const CASES: { name: string; source: string; input: unknown; expected: string }[] = [
  {
    name: 'sorts keys by UTF-16 code units, not by code points or locale',
    source: `${RFC8785} section 3.2.3`,
    input: JSON.parse(
      '{"\\u20ac":"Euro Sign","\\r":"Carriage Return","\\ufb33":"Dalet","1":"One","\\ud83d\\ude00":"Emoji","\\u0080":"Control","\\u00f6":"o umlaut"}',
    ),
    expected:
      '{"\\r":"Carriage Return","1":"One","\u0080":"Control","\u00f6":"o umlaut","\u20ac":"Euro Sign","\ud83d\ude00":"Emoji","\ufb33":"Dalet"}',
  },
  {
    name: 'writes numbers in their shortest ECMAScript form',
    source: `${RFC8785} section 3.2.2.3`,
    input: [4.5, 0.002, 1e30, 1e-27, -0, 333333333.3333333],
    expected: '[4.5,0.002,1e+30,1e-27,0,333333333.3333333]',
  },
  {
    name: 'drops whitespace and sorts nested objects',
    source: RFC8785,
    input: { b: [1, { z: true, a: null }], a: 'x' },
    expected: '{"a":"x","b":[1,{"a":null,"z":true}]}',
  },
  {
    name: 'omits undefined members and writes undefined array items as null, like JSON.stringify',
    source: 'ECMA-262 JSON.stringify (SerializeJSONObject / SerializeJSONArray)',
    input: { a: undefined, b: [undefined, 1] },
    expected: '{"b":[null,1]}',
  },
];

for (const row of CASES) {
  test(`canonicalJson ${row.name}`, () => {
    assert.equal(canonicalJson(row.input), row.expected);
  });
}

test('digestArgs gives the same digest whatever the key order', () => {
  assert.equal(digestArgs({ a: 1, b: { c: 2, d: 3 } }), digestArgs({ b: { d: 3, c: 2 }, a: 1 }));
  assert.notEqual(digestArgs({ a: 1 }), digestArgs({ a: '1' }));
  assert.match(digestArgs({ a: 1 }), /^[0-9a-f]{64}$/);
});

test('canonicalJson refuses circular structures and BigInt', () => {
  const loop: Record<string, unknown> = {};
  loop['self'] = loop;
  assert.throws(() => canonicalJson(loop), /circular/);
  assert.throws(() => canonicalJson({ n: 1n }), /BigInt/);
});
