import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { loadTools } from '../../src/registry/index.js';

const GOOD_CODE = 'export default async function (input) { return { echoed: input.text }; }';

function manifest(name: string, extra: Record<string, unknown> = {}): string {
  return JSON.stringify(
    {
      name,
      description: 'Echo the text back.',
      inputSchema: {
        type: 'object',
        properties: { text: { type: 'string' } },
        required: ['text'],
        additionalProperties: false,
      },
      limits: { timeoutMs: 500, memoryMb: 16, maxOutputBytes: 1024, maxHostCalls: 0 },
      ...extra,
    },
    null,
    2,
  );
}

/** Folder name -> files. */
const FIXTURES: Record<string, Record<string, string>> = {
  echo: { 'tool.json': manifest('echo'), 'index.js': GOOD_CODE },
  bad_json: { 'tool.json': '{\n  "name": "bad_json",\n  "description": "x",,\n}', 'index.js': GOOD_CODE },
  unknown_key: { 'tool.json': manifest('unknown_key', { egres: [] }), 'index.js': GOOD_CODE },
  unknown_limit: {
    'tool.json': manifest('unknown_limit', { limits: { timeoutMs: 500, timeout: 5 } }),
    'index.js': GOOD_CODE,
  },
  bad_egress: {
    'tool.json': manifest('bad_egress', {
      egress: ['https://api.example.com/**', 'ftp://files.example.com/**'],
    }),
    'index.js': GOOD_CODE,
  },
  bad_secret: { 'tool.json': manifest('bad_secret', { secrets: ['lower_case'] }), 'index.js': GOOD_CODE },
  bad_schema: {
    'tool.json': manifest('bad_schema', {
      inputSchema: { type: 'object', properties: { a: { type: 'strin' } } },
    }),
    'index.js': GOOD_CODE,
  },
  name_mismatch: { 'tool.json': manifest('something_else'), 'index.js': GOOD_CODE },
  missing_code: { 'tool.json': manifest('missing_code') },
  bad_default: { 'tool.json': manifest('bad_default'), 'index.js': 'export default 5;' },
  syntax_error: { 'tool.json': manifest('syntax_error'), 'index.js': 'export default async function ( {' },
  no_manifest: { 'index.js': GOOD_CODE },
};

describe('loadTools', () => {
  let dir = '';
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'airlock-tools-'));
    for (const [folder, files] of Object.entries(FIXTURES)) {
      await mkdir(join(dir, folder));
      for (const [file, text] of Object.entries(files)) await writeFile(join(dir, folder, file), text);
    }
    await writeFile(join(dir, 'README.md'), 'not a tool');
  });
  after(() => rm(dir, { recursive: true, force: true }));

  const errorFor = async (folder: string) => {
    const { errors } = await loadTools(dir);
    const error = errors.find((e) => e.path.startsWith(join(dir, folder) + '/'));
    assert.ok(error, `an error for ${folder}`);
    return error;
  };

  test('the good tool loads while every broken one is reported and left out', async () => {
    const { tools, errors } = await loadTools(dir);
    assert.deepEqual([...tools.keys()], ['echo']);
    assert.equal(errors.length, Object.keys(FIXTURES).length - 1);
    const echo = tools.get('echo')!;
    assert.equal(echo.compiled.kind, 'compiled-tool');
    assert.equal(echo.compiled.filename, 'airlock:tools/echo/index.js');
    assert.ok(Object.isFrozen(echo.manifest.limits));
  });

  test('bad JSON is reported with its line and column', async () => {
    const error = await errorFor('bad_json');
    assert.equal(error.path, join(dir, 'bad_json', 'tool.json'));
    assert.match(error.message, /invalid JSON at line 3, column \d+/);
  });

  test('an unknown key is an error naming its JSON path', async () => {
    assert.match((await errorFor('unknown_key')).message, /^\$: unknown key "egres"/);
    assert.match((await errorFor('unknown_limit')).message, /^\$\.limits: unknown key "timeout"/);
  });

  test('a bad egress pattern is reported with its index and the pattern parser reason', async () => {
    const error = await errorFor('bad_egress');
    assert.match(
      error.message,
      /^\$\.egress\[1\]: egress pattern "ftp:\/\/files\.example\.com\/\*\*": scheme must be http or https/,
    );
  });

  test('a bad secret name, input schema or tool name is reported', async () => {
    assert.match((await errorFor('bad_secret')).message, /^\$\.secrets\[0\]: must match/);
    assert.match((await errorFor('bad_schema')).message, /^\$\.inputSchema: /);
    assert.match((await errorFor('name_mismatch')).message, /must equal the folder name "name_mismatch"/);
  });

  test('missing or broken code is reported against index.js', async () => {
    const missing = await errorFor('missing_code');
    assert.equal(missing.path, join(dir, 'missing_code', 'index.js'));
    assert.equal(missing.message, 'missing index.js');
    const badDefault = await errorFor('bad_default');
    assert.equal(badDefault.path, join(dir, 'bad_default', 'index.js'));
    assert.match(badDefault.message, /default export must be a function/);
    assert.match((await errorFor('syntax_error')).message, /SyntaxError/);
    assert.equal((await errorFor('no_manifest')).message, 'missing tool.json');
  });

  test('an unreadable tools directory throws ERR_CONFIG_INVALID', async () => {
    await assert.rejects(loadTools(join(dir, 'nope')), { code: 'ERR_CONFIG_INVALID' });
  });
});

describe('shipped tools', () => {
  test('every tool under tools/ loads without errors', async () => {
    const { tools, errors } = await loadTools('tools');
    assert.deepEqual(errors, []);
    assert.deepEqual([...tools.keys()].sort(), ['http_get', 'json_query', 'run_javascript']);
    for (const loaded of tools.values()) {
      const schema = loaded.manifest.inputSchema as {
        additionalProperties?: boolean;
        properties: Record<string, { description?: string }>;
      };
      assert.equal(schema.additionalProperties, false, `${loaded.manifest.name} closes its input schema`);
      for (const [key, property] of Object.entries(schema.properties)) {
        assert.ok(property.description, `${loaded.manifest.name}.${key} has a description`);
      }
    }
    assert.equal(tools.get('http_get')!.manifest.inspectOutput, true);
    assert.deepEqual(tools.get('json_query')!.manifest.egress, []);
    assert.equal(tools.get('json_query')!.manifest.egressFromGrant, false);
    assert.equal(tools.get('http_get')!.manifest.secretsFromGrant, true);
    assert.equal(tools.get('run_javascript')!.manifest.secretsFromGrant, false);
  });
});
