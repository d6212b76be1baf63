import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { INITIALIZE, postMcp, startTestServer } from '../helpers/server.js';

describe('config-driven transport modes', () => {
  test('http.jsonResponse: true answers POSTs with application/json instead of an SSE stream', async () => {
    const server = await startTestServer({ configYaml: 'http: { jsonResponse: true }\n' });
    try {
      const res = await postMcp(server.url, INITIALIZE, {
        authorization: `Bearer ${await server.mint('reader')}`,
      });
      assert.equal(res.status, 200);
      assert.match(res.headers.get('content-type') ?? '', /^application\/json/);
      assert.equal(
        (res.json as { result: { serverInfo: { name: string } } }).result.serverInfo.name,
        'airlock',
      );
      const client = await server.connect('reader');
      assert.deepEqual(
        (await client.listTools()).tools.map((t) => t.name),
        ['json_query'],
      );
    } finally {
      await server.close();
    }
  });

  test('auth.requiredScopes refuses a token without the scope with 403 insufficient_scope', async () => {
    const server = await startTestServer({ configYaml: 'auth: { requiredScopes: ["airlock:agent"] }\n' });
    try {
      const plain = await server.mint('reader');
      const refused = await postMcp(server.url, INITIALIZE, { authorization: `Bearer ${plain}` });
      assert.equal(refused.status, 403);
      assert.match(refused.headers.get('www-authenticate') ?? '', /error="insufficient_scope"/);
      assert.equal((refused.json as { code: string }).code, 'ERR_AUTH_SCOPE');
      const scoped = await server.runtime.identity.mint({ agent: 'reader', scopes: ['airlock:agent'] });
      assert.equal(
        (await postMcp(server.url, INITIALIZE, { authorization: `Bearer ${scoped}` })).status,
        200,
      );
    } finally {
      await server.close();
    }
  });

  test('an invalid config file is refused with file:line:col before anything starts', async () => {
    await assert.rejects(
      startTestServer({ configYaml: 'http:\n  listn: "127.0.0.1:1"\n' }),
      /airlock\.yaml:2:3: http\.listn/,
    );
  });
});
