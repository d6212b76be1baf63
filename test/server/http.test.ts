import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { McpError } from '@modelcontextprotocol/sdk/types.js';
import { INITIALIZE, postMcp, startTestServer, type TestServer } from '../helpers/server.js';
import { HTTP_AUTH_VECTORS } from '../vectors/http-auth.js';

let server: TestServer;

before(async () => {
  server = await startTestServer();
});
after(async () => {
  await server.close();
});

const toolNames = async (agent: string) =>
  (await (await server.connect(agent)).listTools()).tools.map((t) => t.name).sort();

describe('Streamable HTTP transport', () => {
  test('tools/list shows each agent only the tools its policy grants', async () => {
    assert.deepEqual(await toolNames('coder'), ['json_query', 'run_javascript']);
    assert.deepEqual(await toolNames('reader'), ['json_query']);
    assert.deepEqual(await toolNames('scorer'), ['score_prompt']);
    assert.deepEqual(await toolNames('nobody'), []);
  });

  test('a granted tool runs in the sandbox and returns its result', async () => {
    const client = await server.connect('coder');
    const result = await client.callTool({
      name: 'json_query',
      arguments: { json: { a: [1, 2, 3] }, query: '.a[1]' },
    });
    assert.equal(result.isError, undefined);
    assert.match(JSON.stringify(result.content), /2/);
  });

  test('a tool the agent was not granted is refused with a JSON-RPC error carrying ERR_POLICY_DENIED', async () => {
    const client = await server.connect('reader');
    await assert.rejects(
      client.callTool({ name: 'run_javascript', arguments: { code: 'return 1' } }),
      (error: unknown) =>
        error instanceof McpError && (error.data as { code: string }).code === 'ERR_POLICY_DENIED',
    );
  });

  test('an agent with no policy is refused every tool', async () => {
    const client = await server.connect('stranger');
    await assert.rejects(
      client.callTool({ name: 'json_query', arguments: { json: {}, query: '.' } }),
      (error: unknown) => error instanceof McpError && /ERR_POLICY_DENIED/.test(error.message),
    );
  });

  test('bad tool arguments are refused before the sandbox with ERR_TOOL_INPUT', async () => {
    const client = await server.connect('reader');
    await assert.rejects(
      client.callTool({ name: 'json_query', arguments: { nope: true } }),
      (error: unknown) =>
        error instanceof McpError && (error.data as { code: string }).code === 'ERR_TOOL_INPUT',
    );
  });

  test('the per-tool rate limit refuses the third call in a minute with ERR_RATE_LIMITED', async () => {
    const client = await server.connect('limited');
    const call = () => client.callTool({ name: 'json_query', arguments: { json: [1], query: 'length' } });
    await call();
    await call();
    await assert.rejects(
      call(),
      (error: unknown) => error instanceof McpError && /ERR_RATE_LIMITED/.test(error.message),
    );
  });

  test('built-in tools count against the agent call rate too (score_prompt)', async () => {
    const client = await server.connect('rag-limited');
    const score = () =>
      client.callTool({ name: 'score_prompt', arguments: { text: 'What is the capital of France?' } });
    await score();
    await score();
    await assert.rejects(
      score(),
      (error: unknown) => error instanceof McpError && /ERR_RATE_LIMITED/.test(error.message),
    );
  });
});

describe('authentication (401 cases from test/vectors/http-auth.ts)', () => {
  for (const vector of HTTP_AUTH_VECTORS) {
    test(`refuses ${vector.name} with ${vector.status} ${vector.code}`, async () => {
      const ctx = {
        dataDir: join(server.dir, 'var'),
        audience: server.runtime.resourceUrl,
        issuer: new URL(server.runtime.resourceUrl).origin,
        valid: async (agent: string) => `Bearer ${await server.mint(agent)}`,
      };
      const header = await vector.header(ctx);
      const res = await postMcp(server.url, INITIALIZE, header ? { authorization: header } : {});
      assert.equal(res.status, vector.status, res.text);
      assert.equal((res.json as { code: string }).code, vector.code, res.text);
      assert.match((res.json as { error_description: string }).error_description, vector.reason);
      const challenge = res.headers.get('www-authenticate') ?? '';
      assert.match(challenge, /^Bearer /);
      assert.match(
        challenge,
        /resource_metadata="http:\/\/127\.0\.0\.1:\d+\/\.well-known\/oauth-protected-resource\/mcp"/,
      );
    });
  }

  test('a revoked token id is refused with ERR_AUTH_REVOKED', async () => {
    const token = await server.mint('coder');
    const jti = JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString()).jti as string;
    server.runtime.identity.revoke({ jti });
    const res = await postMcp(server.url, INITIALIZE, { authorization: `Bearer ${token}` });
    assert.equal(res.status, 401);
    assert.equal((res.json as { code: string }).code, 'ERR_AUTH_REVOKED');
  });

  test('a token in the query string is refused; only the Authorization header counts', async () => {
    const token = await server.mint('coder');
    const url = new URL(server.url);
    url.searchParams.set('access_token', token);
    const res = await postMcp(url, INITIALIZE);
    assert.equal(res.status, 400);
  });

  test('RFC 9728 metadata is served at the root and path-specific well-known URLs', async () => {
    for (const path of [
      '/.well-known/oauth-protected-resource',
      '/.well-known/oauth-protected-resource/mcp',
    ]) {
      const res = await fetch(new URL(path, server.url));
      assert.equal(res.status, 200);
      const body = (await res.json()) as Record<string, unknown>;
      assert.equal(body['resource'], server.runtime.resourceUrl);
      assert.deepEqual(body['bearer_methods_supported'], ['header']);
      assert.ok(
        Array.isArray(body['authorization_servers']) &&
          (body['authorization_servers'] as string[]).length > 0,
      );
      assert.ok(Array.isArray(body['scopes_supported']));
    }
  });
});

describe('transport hardening', () => {
  test('a foreign Origin gets 403 (DNS rebinding protection)', async () => {
    const res = await postMcp(server.url, INITIALIZE, {
      authorization: `Bearer ${await server.mint('coder')}`,
      origin: 'https://evil.example',
    });
    assert.equal(res.status, 403);
    assert.match(res.text, /ERR_ORIGIN_FORBIDDEN/);
  });

  test('an unexpected Host header gets 403', async () => {
    // fetch() will not send a forged Host header, so this goes through node:http.
    const { request } = await import('node:http');
    const status = await new Promise<number>((resolve, reject) => {
      const headers = { host: 'rebind.evil.example', 'content-type': 'application/json' };
      const req = request(server.url, { method: 'POST', headers }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      req.end(INITIALIZE);
    });
    assert.equal(status, 403);
  });

  test('the same session id presented with another agent\u2019s token is refused (session hijacking)', async () => {
    const init = await postMcp(server.url, INITIALIZE, {
      authorization: `Bearer ${await server.mint('coder')}`,
    });
    const sessionId = init.headers.get('mcp-session-id');
    assert.ok(sessionId);
    const list = JSON.stringify({ jsonrpc: '2.0', id: 2, method: 'tools/list' });
    const hijack = await postMcp(server.url, list, {
      authorization: `Bearer ${await server.mint('reader')}`,
      'mcp-session-id': sessionId,
      'mcp-protocol-version': '2025-06-18',
    });
    assert.equal(hijack.status, 403);
    assert.match(hijack.text, /ERR_SESSION_MISMATCH/);
  });

  test('malformed JSON, oversized bodies, unknown methods and unknown sessions get clear errors and the server keeps serving', async () => {
    const auth = { authorization: `Bearer ${await server.mint('coder')}` };
    const bad = await postMcp(server.url, '{"jsonrpc": "2.0", "id": 1, "method": ', auth);
    assert.equal(bad.status, 400);
    assert.equal((bad.json as { error: { code: number } }).error.code, -32700);

    const huge = await postMcp(
      server.url,
      JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'x', params: { pad: 'x'.repeat(2 * 1024 * 1024) } }),
      auth,
    );
    assert.equal(huge.status, 413);

    const noSession = await postMcp(
      server.url,
      JSON.stringify({ jsonrpc: '2.0', id: 3, method: 'tools/list' }),
      auth,
    );
    assert.equal(noSession.status, 400);

    const unknown = await postMcp(
      server.url,
      JSON.stringify({ jsonrpc: '2.0', id: 3, method: 'tools/list' }),
      {
        ...auth,
        'mcp-session-id': 'no-such-session',
      },
    );
    assert.equal(unknown.status, 404);

    const init = await postMcp(server.url, INITIALIZE, auth);
    const session = {
      ...auth,
      'mcp-session-id': init.headers.get('mcp-session-id')!,
      'mcp-protocol-version': '2025-06-18',
    };
    const method = await postMcp(
      server.url,
      JSON.stringify({ jsonrpc: '2.0', id: 4, method: 'no/such/method' }),
      session,
    );
    assert.equal((method.json as { error: { code: number } }).error.code, -32601);

    assert.deepEqual(await toolNames('reader'), ['json_query']);
  });
});

describe('policy hot reload', () => {
  test('a malformed policy is refused with file:line:col and the previous set keeps serving', async () => {
    const before = server.runtime.policies.current.version;
    await writeFile(
      join(server.policiesDir, 'broken.yaml'),
      'version: 1\nagents:\n  reader:\n    tools:\n      json_query: { egres: [] }\n',
    );
    const outcome = await server.runtime.policies.reload();
    assert.equal(outcome.ok, false);
    assert.match(outcome.ok ? '' : outcome.reason, /broken\.yaml:5:\d+: .*egres/);
    assert.equal(server.runtime.policies.current.version, before);
    assert.deepEqual(await toolNames('reader'), ['json_query']);
    await writeFile(
      join(server.policiesDir, 'broken.yaml'),
      'version: 1\nagents:\n  newcomer:\n    tools:\n      json_query: {}\n',
    );
    const fixed = await server.runtime.policies.reload();
    assert.equal(fixed.ok, true);
    assert.deepEqual(await toolNames('newcomer'), ['json_query']);
  });

  test('a policy change sends notifications/tools/list_changed to open sessions', async () => {
    const client = await server.connect('reader');
    const changed = new Promise<void>((resolve) => {
      client.fallbackNotificationHandler = async (n) => {
        if (n.method === 'notifications/tools/list_changed') resolve();
      };
    });
    await writeFile(
      join(server.policiesDir, 'extra.yaml'),
      'version: 1\nagents:\n  extra-agent:\n    tools:\n      json_query: {}\n',
    );
    await server.runtime.policies.reload();
    await changed;
  });
});
