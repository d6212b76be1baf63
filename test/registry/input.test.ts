import assert from 'node:assert/strict';
import { test } from 'node:test';
import { compileInputSchema, parseManifest } from '../../src/registry/index.js';

const schema = {
  type: 'object',
  properties: {
    url: { type: 'string', format: 'uri' },
    maxBytes: { type: 'integer', minimum: 1, default: 100 },
    headers: { type: 'object', additionalProperties: { type: 'string' } },
    items: { type: 'array', items: { type: 'object', properties: { id: { type: 'integer' } } } },
  },
  required: ['url'],
  additionalProperties: false,
};

function validator() {
  const compiled = compileInputSchema(schema);
  assert.ok(compiled.ok);
  return compiled.validate;
}

test('valid input passes with defaults filled in on a copy', () => {
  const input = { url: 'https://example.com/' };
  const result = validator()(input);
  assert.deepEqual(result.ok && result.value, { url: 'https://example.com/', maxBytes: 100 });
  assert.deepEqual(input, { url: 'https://example.com/' });
});

for (const [name, input, message] of [
  ['a missing required key', {}, 'input.url: is required'],
  ['an unknown key', { url: 'https://e.com/', extra: 1 }, 'input.extra: is not an allowed property'],
  ['a bad format', { url: 'not a url' }, 'input.url: must match format "uri"'],
  [
    'a wrong nested type',
    { url: 'https://e.com/', headers: { Accept: 5 } },
    'input.headers.Accept: must be string',
  ],
  [
    'a wrong type inside an array',
    { url: 'https://e.com/', items: [{ id: 1 }, { id: 'x' }] },
    'input.items[1].id: must be integer',
  ],
] as const) {
  test(`input with ${name} fails with ERR_TOOL_INPUT naming the JSON path`, () => {
    const result = validator()(input);
    assert.equal(!result.ok && result.code, 'ERR_TOOL_INPUT');
    assert.equal(!result.ok && result.reason, message);
  });
}

test('an input schema with an unknown format or keyword is refused', () => {
  assert.equal(
    compileInputSchema({ type: 'object', properties: { a: { type: 'string', format: 'zip' } } }).ok,
    false,
  );
  assert.equal(compileInputSchema({ type: 'object', propertys: {} }).ok, false);
});

test('omitted limits get the tight defaults', () => {
  const parsed = parseManifest(
    JSON.stringify({ name: 't', description: 'd', inputSchema: { type: 'object' }, limits: {} }),
  );
  assert.ok(parsed.ok);
  assert.deepEqual(parsed.manifest.limits, {
    timeoutMs: 1000,
    memoryMb: 32,
    maxOutputBytes: 65536,
    maxHostCalls: 16,
  });
  assert.deepEqual(parsed.manifest.egress, []);
  assert.equal(parsed.manifest.egressFromGrant, false);
  assert.deepEqual(parsed.manifest.secrets, []);
  assert.equal(parsed.manifest.secretsFromGrant, false);
});

test('a manifest whose input schema is not an object schema is refused', () => {
  const parsed = parseManifest(
    JSON.stringify({ name: 't', description: 'd', inputSchema: { type: 'string' }, limits: {} }),
  );
  assert.equal(!parsed.ok && parsed.reason, '$.inputSchema: must be a JSON Schema with "type": "object"');
});
