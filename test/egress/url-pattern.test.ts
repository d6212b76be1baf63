import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { checkUrl, type EgressAllowlist, parseUrlPattern, type UrlPattern } from '../../src/egress/index.js';

interface UrlVector {
  url: string;
  allowlist: string[][];
  expect: 'allowed' | 'blocked';
  reason?: string;
  source: string;
}
interface PatternVector {
  pattern: string;
  valid: boolean;
  reason?: string;
  source: string;
}

const load = <T>(name: string) =>
  JSON.parse(readFileSync(new URL(`../vectors/${name}`, import.meta.url), 'utf8')) as T;
const urlVectors = load<UrlVector[]>('ssrf-urls.json');
const patternVectors = load<PatternVector[]>('ssrf-patterns.json');

function pattern(text: string): UrlPattern {
  const d = parseUrlPattern(text);
  if (!d.ok) throw new Error(d.reason);
  return d.pattern;
}
const allowlist = (lists: string[][]): EgressAllowlist => lists.map((l) => l.map(pattern));

describe('checkUrl() against the SSRF URL vectors', () => {
  for (const v of urlVectors) {
    it(`${v.expect === 'allowed' ? 'allows' : 'blocks'} ${JSON.stringify(v.url)} for ${JSON.stringify(v.allowlist)}`, () => {
      assert.ok(v.source.length > 5, 'vector cites a source');
      const d = checkUrl(v.url, allowlist(v.allowlist));
      if (v.expect === 'allowed') {
        assert.equal(d.ok, true, JSON.stringify(d));
        return;
      }
      assert.equal(d.ok, false, `expected ${v.url} to be blocked`);
      if (d.ok) return;
      assert.equal(d.code, 'ERR_EGRESS_BLOCKED');
      if (v.reason !== undefined)
        assert.ok(d.reason.includes(v.reason), `reason "${d.reason}" lacks "${v.reason}"`);
    });
  }

  it('returns the normalised URL without fragment and the pinned target of an IP literal', () => {
    const d = checkUrl('http://127.0.0.1:8080/x?q=1#frag', allowlist([['http://127.0.0.1:8080/**']]));
    assert.ok(d.ok);
    assert.equal(d.url.href, 'http://127.0.0.1:8080/x?q=1');
    assert.deepEqual(d.target, { host: '127.0.0.1', port: 8080, address: '127.0.0.1' });
  });

  it('drops the trailing dot of a host name so the Host header is the plain name', () => {
    const d = checkUrl('https://API.example.com./v1/x', allowlist([['https://api.example.com/v1/**']]));
    assert.ok(d.ok);
    assert.equal(d.url.host, 'api.example.com');
    assert.equal(d.target.address, undefined);
  });
});

describe('parseUrlPattern() against the pattern vectors', () => {
  for (const v of patternVectors) {
    it(`${v.valid ? 'accepts' : 'refuses'} ${JSON.stringify(v.pattern)}`, () => {
      assert.ok(v.source.length > 5, 'vector cites a source');
      const d = parseUrlPattern(v.pattern);
      assert.equal(d.ok, v.valid, JSON.stringify(d));
      if (d.ok || v.reason === undefined) return;
      assert.equal(d.code, 'ERR_POLICY_INVALID');
      assert.ok(d.reason.includes(v.reason), `reason "${d.reason}" lacks "${v.reason}"`);
    });
  }

  it('compiles host, port and path segments', () => {
    assert.deepEqual(
      { ...pattern('https://*.Example.com:8443/v1/*/x%7ey/**') },
      {
        source: 'https://*.Example.com:8443/v1/*/x%7ey/**',
        scheme: 'https:',
        host: 'example.com',
        wildcard: true,
        port: 8443,
        path: ['v1', '*', 'x%7Ey', '**'],
      },
    );
  });
});
