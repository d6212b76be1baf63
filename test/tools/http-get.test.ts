import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { createEgressGuard, parseUrlPattern } from '../../src/egress/index.js';
import type { LoadedTool } from '../../src/registry/index.js';
import { createSandbox, type HostApi } from '../../src/sandbox/index.js';
import { callTool, shippedTool } from './shipped.js';

const PAGE = `<!doctype html>
<html><head><title>Shop &amp; Co</title><style>body { color: red }</style>
<script>window.secret = "do not show";</script></head>
<body>
  <nav><a href="/">Home</a> | <a href="/about">About</a></nav>
  <h1>Today&#39;s&nbsp;offers</h1>
  <p>Fresh <a href="/bread">bread</a> &lt;daily&gt; &#x2014; only &euro;2.</p>
  <!-- a comment -->
  <ul><li>Apples</li><li>Cherries</li></ul>
  <table><tr><td>Price</td><td>2</td></tr></table>
</body></html>`;

describe('http_get through the egress guard', () => {
  const sandbox = createSandbox({ poolSize: 1 });
  const guard = createEgressGuard({ timeoutMs: 5000 });
  let server: Server;
  let base = '';
  let tool: LoadedTool;
  let host: HostApi;

  before(async () => {
    tool = await shippedTool('http_get');
    server = createServer((req, res) => {
      if (req.url === '/page') {
        res.setHeader('content-type', 'text/html; charset=utf-8');
        res.end(PAGE);
      } else if (req.url === '/data') {
        res.setHeader('content-type', 'application/json');
        res.end(JSON.stringify({ items: [1, 2, 3] }));
      } else if (req.url === '/long') {
        res.setHeader('content-type', 'text/plain');
        res.end('é'.repeat(1000));
      } else {
        res.statusCode = 404;
        res.end('not found');
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const pattern = parseUrlPattern(`${base}/**`);
    assert.ok(pattern.ok);
    host = {
      fetch: (req) => guard.fetch(req, { allowlist: [[pattern.pattern]], secrets: {} }),
      log() {},
      progress() {},
    };
  });
  after(async () => {
    await sandbox.close();
    await guard.close();
    await new Promise((resolve) => server.close(resolve));
  });

  test('HTML is reduced to readable text', async () => {
    const result = await callTool({ sandbox, tool, host, input: { url: `${base}/page` } });
    assert.ok(result.ok, JSON.stringify(result));
    const value = result.value as { status: number; contentType: string; text: string; truncated: boolean };
    assert.equal(value.status, 200);
    assert.equal(value.contentType, 'text/html; charset=utf-8');
    assert.equal(value.truncated, false);
    assert.equal(
      value.text,
      "Shop & Co\n\nToday's offers\n\nFresh bread <daily> — only €2.\n\n- Apples\n- Cherries\n\nPrice 2",
    );
  });

  test('JSON comes back as sent', async () => {
    const result = await callTool({ sandbox, tool, host, input: { url: `${base}/data` } });
    assert.deepEqual(result.ok && result.value, {
      status: 200,
      url: `${base}/data`,
      contentType: 'application/json',
      text: '{"items":[1,2,3]}',
      truncated: false,
    });
  });

  test('maxBytes cuts the text at a character boundary and sets truncated', async () => {
    const result = await callTool({ sandbox, tool, host, input: { url: `${base}/long`, maxBytes: 101 } });
    const value = result.ok ? (result.value as { text: string; truncated: boolean }) : undefined;
    assert.equal(value?.text, 'é'.repeat(50));
    assert.equal(value?.truncated, true);
  });

  test('a URL outside the allowlist fails with ERR_EGRESS_BLOCKED', async () => {
    const result = await callTool({
      sandbox,
      tool,
      host,
      input: { url: 'http://169.254.169.254/latest/meta-data/' },
    });
    assert.equal(!result.ok && result.code, 'ERR_EGRESS_BLOCKED');
  });

  test('a non-http URL is refused before the sandbox', async () => {
    const result = await callTool({ sandbox, tool, host, input: { url: 'file:///etc/passwd' } });
    assert.equal(!result.ok && result.code, 'ERR_TOOL_INPUT');
  });
});
