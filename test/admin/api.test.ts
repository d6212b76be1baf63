import assert from 'node:assert/strict';
import { readdir } from 'node:fs/promises';
import { after, before, describe, test } from 'node:test';
import { type AdminTestServer, startAdminServer } from './helpers.js';

const READER_BLOCK = '  reader:\n    tools:\n      json_query: {}\n';

/** Asserts that a refusal left the live policy alone: same bytes on disk, same compiled set version. */
async function assertUnchanged(server: AdminTestServer, bytes: string, setVersion: string): Promise<void> {
  assert.equal(await server.policyBytes(), bytes, 'the live policy file is unchanged');
  assert.equal(server.runtime.policies.current.version, setVersion, 'the live policy set is unchanged');
}

async function live(server: AdminTestServer) {
  const res = await server.api('GET', '/api/policies/test');
  assert.equal(res.status, 200);
  return {
    text: res.body.text as string,
    version: res.body.version as string,
    set: server.runtime.policies.current.version,
  };
}

describe('admin API', () => {
  let server: AdminTestServer;
  before(async () => {
    server = await startAdminServer();
  });
  after(async () => {
    await server.close();
  });

  test('a request without a token is 401 with a Bearer challenge, and the live policy is unchanged', async () => {
    const before = await live(server);
    const res = await server.api('PUT', '/api/policies/test', {
      token: null,
      body: { text: 'version: 1\n' },
      headers: { 'if-match': before.version },
    });
    assert.equal(res.status, 401);
    assert.equal(res.body.error.code, 'ERR_AUTH_MISSING');
    assert.match(res.headers.get('www-authenticate') ?? '', /^Bearer realm="airlock-admin"/);
    await assertUnchanged(server, before.text, before.set);
  });

  test('an agent token without the admin scope is 403 on every route, and nothing changes', async () => {
    const before = await live(server);
    const agentToken = await server.mint('coder');
    const calls: [string, string, unknown?][] = [
      ['GET', '/api/policies'],
      ['GET', '/api/policies/test'],
      ['PUT', '/api/policies/test', { text: before.text.replace(READER_BLOCK, '') }],
      ['POST', '/api/policies/validate', { text: 'version: 1\n' }],
      ['GET', '/api/policies/test/history'],
      ['POST', '/api/policies/test/rollback', { version: before.version }],
      ['GET', '/api/agents'],
      ['GET', '/api/agents/coder/grants'],
      ['GET', '/api/explain?agent=coder&tool=json_query'],
      ['GET', '/api/audit'],
      ['GET', '/api/models'],
      ['POST', '/api/models/prompt-injection/promote', {}],
      ['GET', '/api/sessions'],
      ['POST', '/api/revoke', { agent: 'reader' }],
    ];
    for (const [method, path, body] of calls) {
      const res = await server.api(method, path, {
        token: agentToken,
        body,
        headers: { 'if-match': before.version },
      });
      assert.equal(res.status, 403, `${method} ${path}`);
      assert.equal(res.body.error.code, 'ERR_AUTH_SCOPE', `${method} ${path}`);
      assert.match(res.headers.get('www-authenticate') ?? '', /insufficient_scope/);
    }
    assert.equal(server.runtime.identity.isRevoked({ agent: 'reader' }), false);
    await assertUnchanged(server, before.text, before.set);
  });

  test('a revoked admin token is 401 ERR_AUTH_REVOKED', async () => {
    const token = await server.runtime.identity.mint({ agent: 'mallory-admin', admin: true, ttlS: 300 });
    assert.equal((await server.api('GET', '/api/whoami', { token })).status, 200);
    server.runtime.identity.revoke({ agent: 'mallory-admin' });
    const res = await server.api('GET', '/api/whoami', { token });
    assert.equal(res.status, 401);
    assert.equal(res.body.error.code, 'ERR_AUTH_REVOKED');
  });

  test('a forged token is 401 ERR_AUTH_INVALID', async () => {
    const before = await live(server);
    const [header, payload] = server.adminToken.split('.');
    const forged = `${header}.${payload}.${'A'.repeat(86)}`;
    const res = await server.api('PUT', '/api/policies/test', {
      token: forged,
      body: { text: 'version: 1\n' },
      headers: { 'if-match': before.version },
    });
    assert.equal(res.status, 401);
    assert.equal(res.body.error.code, 'ERR_AUTH_INVALID');
    await assertUnchanged(server, before.text, before.set);
  });

  test('GET /api/policies lists files with their version and agents', async () => {
    const res = await server.api('GET', '/api/policies');
    assert.equal(res.status, 200);
    assert.equal(res.body.setVersion, server.runtime.policies.current.version);
    const [file] = res.body.policies;
    assert.equal(file.name, 'test');
    assert.equal(file.file, 'test.yaml');
    assert.match(file.version, /^[0-9a-f]{16}$/);
    assert.ok(file.agents.includes('coder'));
  });

  test('GET /api/policies/:name returns the bytes, version and ETag; unknown is 404, a path is 400', async () => {
    const res = await server.api('GET', '/api/policies/test');
    assert.equal(res.body.text, await server.policyBytes());
    assert.equal(res.headers.get('etag'), `"${res.body.version}"`);
    const missing = await server.api('GET', '/api/policies/nope');
    assert.equal(missing.status, 404);
    assert.equal(missing.body.error.code, 'ERR_NOT_FOUND');
    for (const name of ['..%2Ftest', '.hidden', 'a%2Fb', 'x%00']) {
      const bad = await server.api('GET', `/api/policies/${name}`);
      assert.equal(bad.status, 400, name);
      assert.equal(bad.body.error.code, 'ERR_BAD_REQUEST');
    }
  });

  test('validate reports errors with line and column plus a diff, and writes nothing', async () => {
    const before = await live(server);
    const draft = before.text.replace(
      READER_BLOCK,
      `${READER_BLOCK}      run_javascript: { limits: { timeoutMz: 5 } }\n`,
    );
    const line = draft.split('\n').findIndex((l) => l.includes('timeoutMz')) + 1;
    const res = await server.api('POST', '/api/policies/validate', { body: { name: 'test', text: draft } });
    assert.equal(res.status, 200);
    assert.equal(res.body.ok, false);
    assert.equal(res.body.live, before.version);
    assert.deepEqual(
      res.body.errors.map((e: { file: string; line: number; column: number }) => [e.file, e.line, e.column]),
      [['test.yaml', line, draft.split('\n')[line - 1]!.indexOf('timeoutMz') + 1]],
    );
    assert.match(res.body.errors[0].message, /timeoutMz/);
    assert.match(res.body.diff, /^\+ {6}run_javascript: \{ limits: \{ timeoutMz: 5 \} \}$/m);
    const good = await server.api('POST', '/api/policies/validate', {
      body: { name: 'test', text: before.text },
    });
    assert.deepEqual([good.body.ok, good.body.errors, good.body.diff], [true, [], '']);
    const yamlError = await server.api('POST', '/api/policies/validate', {
      body: { text: 'version: 1\nagents: [\n' },
    });
    assert.equal(yamlError.body.ok, false);
    assert.ok(yamlError.body.errors[0].line >= 2);
    await assertUnchanged(server, before.text, before.set);
  });

  test('PUT with a stale If-Match is 412 ERR_ADMIN_CONFLICT and the live policy is unchanged', async () => {
    const before = await live(server);
    const res = await server.api('PUT', '/api/policies/test', {
      body: { text: before.text.replace(READER_BLOCK, '') },
      headers: { 'if-match': '0123456789abcdef' },
    });
    assert.equal(res.status, 412);
    assert.equal(res.body.error.code, 'ERR_ADMIN_CONFLICT');
    assert.equal(res.body.error.details.current, before.version);
    await assertUnchanged(server, before.text, before.set);
  });

  test('PUT without If-Match (or If-None-Match) is 428 and writes nothing', async () => {
    const before = await live(server);
    const res = await server.api('PUT', '/api/policies/test', {
      body: { text: before.text.replace(READER_BLOCK, '') },
    });
    assert.equal(res.status, 428);
    assert.equal(res.body.error.code, 'ERR_ADMIN_CONFLICT');
    await assertUnchanged(server, before.text, before.set);
  });

  test('PUT of an invalid draft is 422 with line:column errors and the live policy is unchanged', async () => {
    const before = await live(server);
    const draft = before.text.replace('  coder:\n', '  coder:\n    tols: {}\n');
    const res = await server.api('PUT', '/api/policies/test', {
      body: { text: draft },
      headers: { 'if-match': before.version },
    });
    assert.equal(res.status, 422);
    assert.equal(res.body.error.code, 'ERR_POLICY_INVALID');
    assert.match(res.body.error.message, /^test\.yaml:4:5: /);
    assert.deepEqual(
      res.body.error.details.errors.map((e: { line: number; column: number }) => [e.line, e.column]),
      [[4, 5]],
    );
    await assertUnchanged(server, before.text, before.set);
    const audit = await server.runtime.audit.query({ event: 'admin_change', decision: 'deny', limit: 1 });
    assert.equal(audit.records[0]?.code, 'ERR_POLICY_INVALID');
    assert.equal(audit.records[0]?.admin, 'alice-admin');
  });

  test('PUT with the current If-Match writes, reloads the set, and audits the admin and the diff', async () => {
    const before = await live(server);
    const draft = before.text.replace(READER_BLOCK, `${READER_BLOCK}      run_javascript: {}\n`);
    const res = await server.api('PUT', '/api/policies/test', {
      body: { text: draft, message: 'reader may run code' },
      headers: { 'if-match': `"${before.version}"` },
    });
    assert.equal(res.status, 200);
    assert.equal(res.body.previous, before.version);
    assert.equal(res.body.reload.ok, true);
    assert.equal(res.body.reload.version, server.runtime.policies.current.version);
    assert.notEqual(res.body.reload.version, before.set);
    assert.equal(await server.policyBytes(), draft);
    assert.equal(res.headers.get('etag'), `"${res.body.version}"`);
    assert.ok(server.runtime.policies.current.agents.get('reader')?.tools.has('run_javascript'));
    const entries = await readdir(server.policiesDir);
    assert.deepEqual(entries, ['test.yaml'], 'no temp file is left behind');
    const audit = await server.runtime.audit.query({ event: 'admin_change', decision: 'allow', limit: 1 });
    const record = audit.records[0]!;
    assert.equal(record.admin, 'alice-admin');
    assert.match(record.diff ?? '', /^\+ {6}run_javascript: \{\}$/m);
    assert.match(record.diff ?? '', /^--- a\/test\.yaml\n\+\+\+ b\/test\.yaml\n@@ /);
  });

  test('If-Match: * writes over any live version but never creates a file', async () => {
    const before = await live(server);
    const absent = await server.api('PUT', '/api/policies/ghost', {
      body: { text: 'version: 1\n' },
      headers: { 'if-match': '*' },
    });
    assert.equal(absent.status, 412);
    const same = await server.api('PUT', '/api/policies/test', {
      body: { text: before.text },
      headers: { 'if-match': '*' },
    });
    assert.equal(same.status, 200);
    assert.deepEqual(await readdir(server.policiesDir), ['test.yaml']);
  });

  test('PUT takes raw YAML too; an unchanged body writes nothing new', async () => {
    const before = await live(server);
    const res = await server.api('PUT', '/api/policies/test', {
      raw: before.text,
      headers: { 'if-match': before.version, 'content-type': 'application/yaml' },
    });
    assert.equal(res.status, 200);
    assert.equal(res.body.unchanged, true);
    assert.equal(res.body.version, before.version);
  });

  test('a draft defining an agent that another file defines is refused at the draft line', async () => {
    const created = await server.api('PUT', '/api/policies/team', {
      body: { text: 'version: 1\nagents:\n  # comment\n  coder:\n    tools: {}\n' },
      headers: { 'if-none-match': '*' },
    });
    assert.equal(created.status, 422);
    assert.deepEqual(
      created.body.error.details.errors.map((e: { file: string; line: number }) => [e.file, e.line]),
      [['team.yaml', 4]],
    );
    assert.match(created.body.error.details.errors[0].message, /coder/);
    assert.deepEqual(await readdir(server.policiesDir), ['test.yaml']);
  });

  test('a new file needs If-None-Match: * and answers 201; creating it again is 412', async () => {
    const text = 'version: 1\nagents:\n  ops-bot:\n    tools:\n      json_query: {}\n';
    const res = await server.api('PUT', '/api/policies/team', {
      body: { text },
      headers: { 'if-none-match': '*' },
    });
    assert.equal(res.status, 201);
    assert.equal(res.body.created, true);
    assert.ok(server.runtime.policies.current.agents.has('ops-bot'));
    const again = await server.api('PUT', '/api/policies/team', {
      body: { text },
      headers: { 'if-none-match': '*' },
    });
    assert.equal(again.status, 412);
    const list = await server.api('GET', '/api/policies');
    assert.deepEqual(
      list.body.policies.map((p: { name: string }) => p.name),
      ['team', 'test'],
    );
  });

  test('history lists versions newest first; rollback restores the bytes as a new, audited version', async () => {
    const history = await server.api('GET', '/api/policies/test/history');
    assert.equal(history.status, 200);
    const versions = history.body.versions as {
      version: string;
      action: string;
      admin: string;
      message: string;
    }[];
    assert.equal(history.body.current, versions[0]!.version);
    assert.equal(versions.at(-1)!.action, 'baseline');
    assert.equal(versions[0]!.message, 'reader may run code');
    const baseline = versions.at(-1)!.version;

    const stored = await server.api('GET', `/api/policies/test/versions/${baseline}`);
    assert.equal(stored.status, 200);

    const stale = await server.api('POST', '/api/policies/test/rollback', {
      body: { version: baseline },
      headers: { 'if-match': '0000000000000000' },
    });
    assert.equal(stale.status, 412);

    const res = await server.api('POST', '/api/policies/test/rollback', { body: { version: baseline } });
    assert.equal(res.status, 200);
    assert.equal(res.body.version, baseline);
    assert.equal(await server.policyBytes(), stored.body.text);
    assert.equal(server.runtime.policies.current.agents.get('reader')?.tools.has('run_javascript'), false);

    const after = await server.api('GET', '/api/policies/test/history');
    assert.equal(after.body.versions[0].action, 'rollback');
    assert.equal(after.body.versions[0].restored, baseline);
    const audit = await server.runtime.audit.query({ event: 'admin_change', decision: 'allow', limit: 1 });
    assert.match(audit.records[0]?.reason ?? '', /^rollback test\.yaml/);
    assert.match(audit.records[0]?.diff ?? '', /^- {6}run_javascript: \{\}$/m);

    const unknown = await server.api('POST', '/api/policies/test/rollback', {
      body: { version: 'ffffffffffffffff' },
    });
    assert.equal(unknown.status, 404);
    const noHistory = await server.api('GET', '/api/policies/nothing/history');
    assert.equal(noHistory.status, 404);
  });

  test('grants show tools with effective limits, egress, gate and secret names only', async () => {
    const res = await server.api('GET', '/api/agents/coder/grants');
    assert.equal(res.status, 200);
    const run = res.body.tools.find((t: { tool: string }) => t.tool === 'run_javascript');
    assert.equal(run.limits.timeoutMs, 3000);
    assert.equal(run.egress.none, true);
    assert.equal(run.gated, false);
    const gated = await server.api('GET', '/api/agents/gated/grants');
    assert.equal(gated.body.tools[0].gated, true);
    assert.equal(gated.body.prescore.blockAbove, 0.5);
    const agents = await server.api('GET', '/api/agents');
    assert.ok(agents.body.agents.some((a: { id: string }) => a.id === 'limited'));
    const unknown = await server.api('GET', '/api/agents/nobody/grants');
    assert.equal(unknown.status, 404);
  });

  test('explain says why an agent may or may not call a tool', async () => {
    const yes = await server.api('GET', '/api/explain?agent=coder&tool=run_javascript');
    assert.equal(yes.body.allowed, true);
    assert.ok(yes.body.lines.some((l: string) => l.startsWith('ALLOW')));
    const no = await server.api('GET', '/api/explain?agent=reader&tool=run_javascript');
    assert.equal(no.body.allowed, false);
    assert.equal(no.body.code, 'ERR_POLICY_DENIED');
    const bad = await server.api('GET', '/api/explain?agent=reader');
    assert.equal(bad.status, 400);
  });

  test('audit queries filter and page newest first; bad filters are 400', async () => {
    const first = await server.api('GET', '/api/audit?event=admin_change&limit=2');
    assert.equal(first.status, 200);
    assert.equal(first.body.records.length, 2);
    assert.ok(first.body.records[0].seq > first.body.records[1].seq);
    assert.ok(first.body.next);
    const second = await server.api('GET', `/api/audit?event=admin_change&limit=2&cursor=${first.body.next}`);
    assert.ok(second.body.records[0].seq < first.body.records[1].seq);
    const denies = await server.api('GET', '/api/audit?decision=deny&limit=1000');
    assert.ok(denies.body.records.every((r: { decision: string }) => r.decision === 'deny'));
    const since = await server.api(
      'GET',
      `/api/audit?since=${encodeURIComponent(new Date(Date.now() + 60_000).toISOString())}`,
    );
    assert.deepEqual(since.body.records, []);
    for (const query of ['decision=maybe', 'limit=abc', 'since=yesterday', 'cursor=x']) {
      const res = await server.api('GET', `/api/audit?${query}`);
      assert.equal(res.status, 400, query);
      assert.equal(res.body.error.code, 'ERR_BAD_REQUEST');
    }
  });

  test('models list channels; promoting an unknown model is 404', async () => {
    const res = await server.api('GET', '/api/models');
    assert.equal(res.status, 200);
    assert.ok(Array.isArray(res.body.models));
    assert.ok(res.body.models.length > 0);
    for (const m of res.body.models) assert.ok(m.documentThreshold >= m.threshold, JSON.stringify(m));
    const missing = await server.api('POST', '/api/models/no-such-model/promote', { body: {} });
    assert.equal(missing.status, 404);
    const badVersion = await server.api('POST', '/api/models/no-such-model/rollback', {
      body: { version: 3 },
    });
    assert.equal(badVersion.status, 400);
  });

  test('sessions show live MCP sessions; revoking an agent refuses its next request at once, audited', async () => {
    const client = await server.connect('limited');
    await client.listTools();
    const sessions = await server.api('GET', '/api/sessions');
    const mine = sessions.body.sessions.find((s: { agent: string }) => s.agent === 'limited');
    assert.ok(mine, 'the session is listed');
    assert.equal(mine.unlockedUntil, null);
    assert.equal(mine.gated, false);

    const bad = await server.api('POST', '/api/revoke', { body: { agent: 'limited', jti: 'x' } });
    assert.equal(bad.status, 400);
    const res = await server.api('POST', '/api/revoke', { body: { agent: 'limited' } });
    assert.equal(res.status, 200);
    assert.ok(res.body.list.agents.includes('limited'));
    await assert.rejects(client.listTools());
    const audit = await server.runtime.audit.query({ event: 'admin_change', limit: 1 });
    assert.deepEqual(audit.records[0]?.extra, { revoke: { agent: 'limited' } });
    assert.equal(audit.records[0]?.admin, 'alice-admin');

    const jti = await server.api('POST', '/api/revoke', { body: { jti: 'token-123' } });
    assert.deepEqual(jti.body.list.jti, ['token-123']);
  });

  test('every answer carries strict security headers; the console is served without a token', async () => {
    const page = await fetch(`${server.admin.url}/`);
    assert.equal(page.status, 200);
    assert.match(page.headers.get('content-type') ?? '', /^text\/html/);
    const html = await page.text();
    assert.doesNotMatch(html, /<script>|<script [^>]*>[^<]/, 'no inline script');
    assert.doesNotMatch(html, /https?:\/\//, 'no CDN or remote asset');
    for (const res of [
      page,
      await fetch(`${server.admin.url}/api/policies`),
      await fetch(`${server.admin.url}/assets/app.js`),
    ]) {
      assert.match(res.headers.get('content-security-policy') ?? '', /default-src 'self'/);
      assert.match(res.headers.get('content-security-policy') ?? '', /frame-ancestors 'none'/);
      assert.equal(res.headers.get('x-frame-options'), 'DENY');
      assert.equal(res.headers.get('x-content-type-options'), 'nosniff');
      assert.equal(res.headers.get('referrer-policy'), 'no-referrer');
    }
    assert.equal((await fetch(`${server.admin.url}/assets/../listener.ts`)).status, 404);
    assert.equal((await fetch(`${server.admin.url}/assets/nope.js`)).status, 404);
  });

  test('a foreign Origin or Host is refused before anything happens', async () => {
    const before = await live(server);
    const foreign = await server.api('PUT', '/api/policies/test', {
      body: { text: before.text.replace(READER_BLOCK, '') },
      headers: { 'if-match': before.version, origin: 'https://evil.example' },
    });
    assert.equal(foreign.status, 403);
    assert.equal(foreign.body.error.code, 'ERR_ORIGIN_FORBIDDEN');
    const port = new URL(server.admin.url).port;
    const sameOrigin = await server.api('POST', '/api/policies/validate', {
      body: { text: before.text },
      headers: { origin: `http://127.0.0.1:${port}` },
    });
    assert.equal(sameOrigin.status, 200);
    await assertUnchanged(server, before.text, before.set);
  });

  test('probes need no token; unknown routes are 404, wrong methods 405, oversized bodies 400', async () => {
    assert.equal((await fetch(`${server.admin.url}/healthz`)).status, 200);
    assert.ok([200, 503].includes((await fetch(`${server.admin.url}/readyz`)).status));
    const metrics = await fetch(`${server.admin.url}/metrics`);
    assert.equal(metrics.status, 200);
    assert.match(await metrics.text(), /# (HELP|TYPE) /);
    assert.equal((await server.api('GET', '/api/nothing')).status, 404);
    const wrong = await server.api('DELETE', '/api/policies/test');
    assert.equal(wrong.status, 405);
    assert.match(wrong.headers.get('allow') ?? '', /PUT/);
    const big = await server.api('POST', '/api/policies/validate', { raw: 'x'.repeat(600 * 1024) });
    assert.equal(big.status, 400);
    const notJson = await server.api('POST', '/api/policies/validate', { raw: '{oops' });
    assert.equal(notJson.status, 400);
  });
});
