import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TokenCache } from '../../src/identity/token-cache.js';

describe('TokenCache', () => {
  it('evicts the least recently used entry when full', () => {
    const cache = new TokenCache<number>(2);
    cache.set('a', 1, 100);
    cache.set('b', 2, 100);
    assert.equal(cache.get('a', 0), 1); // a is now the most recently used
    cache.set('c', 3, 100);
    assert.equal(cache.size, 2);
    assert.equal(cache.get('b', 0), undefined);
    assert.equal(cache.get('a', 0), 1);
    assert.equal(cache.get('c', 0), 3);
  });

  it('drops an entry once the clock reaches its expiry', () => {
    const cache = new TokenCache<number>(10);
    cache.set('t', 1, 50);
    assert.equal(cache.get('t', 49), 1);
    assert.equal(cache.get('t', 50), undefined);
    assert.equal(cache.size, 0);
  });
});
