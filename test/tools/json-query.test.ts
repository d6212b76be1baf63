import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { LoadedTool } from '../../src/registry/index.js';
import { createSandbox } from '../../src/sandbox/index.js';
import { callTool, shippedTool } from './shipped.js';

const DOC = {
  items: [
    { id: 1, name: 'apple', price: 3, tags: ['fruit'], stock: { count: 5 } },
    { id: 2, name: 'bread', price: 12, tags: ['bakery', 'fresh'], stock: null },
    { id: 3, name: 'cherry', price: 8, tags: ['fruit'], stock: { count: 0 } },
  ],
  owner: { name: 'Ada', 'e-mail': 'ada@example.com' },
};

const CASES: [query: string, results: unknown[]][] = [
  ['.', [DOC]],
  ['.owner.name', ['Ada']],
  ['.owner."e-mail"', ['ada@example.com']],
  ['.owner["e-mail"]', ['ada@example.com']],
  ['.items[0].name', ['apple']],
  ['.items[-1].id', [3]],
  ['.items[] | .id', [1, 2, 3]],
  ['.items | length', [3]],
  ['.items[1:] | length', [2]],
  ['[.items[] | .price] | sort', [[3, 8, 12]]],
  ['.items[] | select(.price < 10) | .name', ['apple', 'cherry']],
  ['.items[] | select(.name == "bread") | .tags[]', ['bakery', 'fresh']],
  ['.items[] | select(.stock) | .id', [1, 3]],
  ['.items[] | select(.stock.count != 0) | .id', [1, 2]],
  ['.items[0] | pick(id, name)', [{ id: 1, name: 'apple' }]],
  ['.owner | keys', [['name', 'e-mail']]],
  ['[.items[] | .tags[]] | unique', [['fruit', 'bakery', 'fresh']]],
  ['[.items[] | .tags] | flatten | length', [4]],
  ['.missing.deeper', [null]],
  ['.items | first | .name', ['apple']],
  ['.owner.name | type', ['string']],
];

describe('json_query', () => {
  const sandbox = createSandbox({ poolSize: 1 });
  let tool: LoadedTool;
  before(async () => {
    tool = await shippedTool('json_query');
  });
  after(() => sandbox.close());

  for (const [query, results] of CASES) {
    test(`${query} gives ${JSON.stringify(results)}`, async () => {
      const result = await callTool({ sandbox, tool, input: { json: DOC, query } });
      assert.deepEqual(result.ok && result.value, { results, count: results.length });
    });
  }

  test('a string holding JSON text is parsed first', async () => {
    const result = await callTool({ sandbox, tool, input: { json: '{"a":[1,2]}', query: '.a[1]' } });
    assert.deepEqual(result.ok && result.value, { results: [2], count: 1 });
  });

  for (const [query, message] of [
    ['.items[', /query syntax/],
    ['.items | explode', /unknown function "explode"/],
    ['.owner.name[0]', /cannot index string/],
    ['constructor', /unknown function "constructor"/],
  ] as const) {
    test(`"${query}" fails with a clear message and no evaluation`, async () => {
      const result = await callTool({ sandbox, tool, input: { json: DOC, query } });
      assert.equal(!result.ok && result.code, 'ERR_TOOL_FAILED');
      assert.match(!result.ok ? result.reason : '', message);
    });
  }

  test('input without a query is refused before the sandbox', async () => {
    const result = await callTool({ sandbox, tool, input: { json: {} } });
    assert.equal(!result.ok && result.code, 'ERR_TOOL_INPUT');
  });
});
