import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders, type RequestListener } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import {
  createEgressGuard,
  type EgressContext,
  type EgressGuardOptions,
  type LookupFn,
  parseUrlPattern,
  type UrlPattern,
} from '../../src/egress/index.js';
import { AirlockError } from '../../src/errors.js';

interface Hit {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

interface TestServer {
  origin: string;
  port: number;
  hits: Hit[];
  close(): Promise<void>;
}

/** A real HTTP server on a loopback address, port 0, recording every request it receives. */
async function startServer(host: string, handler: RequestListener): Promise<TestServer> {
  const hits: Hit[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (c: string) => {
      body += c;
    });
    req.on('end', () => {
      hits.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
      handler(req, res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://${host}:${port}`,
    port,
    hits,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function pattern(text: string): UrlPattern {
  const d = parseUrlPattern(text);
  if (!d.ok) throw new Error(d.reason);
  return d.pattern;
}

function context(patterns: string[], extra: Partial<EgressContext> = {}): EgressContext {
  return { allowlist: [patterns.map(pattern)], secrets: {}, ...extra };
}

/** Tests never send traffic off the machine: the guard's last hook refuses any non-loopback address. */
const connected: string[] = [];
function loopbackOnly(target: { address: string }): void {
  connected.push(target.address);
  if (!target.address.startsWith('127.')) throw new Error(`test refuses to dial ${target.address}`);
}

function guard(opts: EgressGuardOptions = {}) {
  return createEgressGuard({ beforeConnect: loopbackOnly, ...opts });
}

async function rejectsWith(promise: Promise<unknown>, code: string, reason?: RegExp): Promise<AirlockError> {
  try {
    await promise;
  } catch (err) {
    assert.ok(err instanceof AirlockError, `expected AirlockError, got ${String(err)}`);
    assert.equal(err.code, code, err.message);
    if (reason !== undefined) assert.match(err.message, reason);
    return err;
  }
  assert.fail(`expected ${code}`);
}

const SECRET = 'sk-live-0123456789abcdef';

describe('egress guard against real loopback servers', () => {
  let api: TestServer;
  let other: TestServer;
  let internal: TestServer;

  before(async () => {
    // 127.0.0.2 is loopback too: a second host name for the cross-host secret and redirect tests.
    other = await startServer('127.0.0.2', (req, res) => {
      res.end(`other saw authorization=${req.headers.authorization ?? 'none'}`);
    });
    internal = await startServer('127.0.0.1', (_req, res) => res.end('internal secret data'));
    api = await startServer('127.0.0.1', (req, res) => {
      const url = new URL(req.url ?? '/', 'http://x');
      const to = url.searchParams.get('to');
      if (url.pathname === '/echo') {
        res.setHeader('x-seen-auth', req.headers.authorization ?? 'none');
        res.end(`auth=${req.headers.authorization ?? 'none'} host=${req.headers.host}`);
      } else if (url.pathname === '/redirect' && to !== null) {
        res.writeHead(Number(url.searchParams.get('status') ?? 302), { location: to }).end();
      } else if (url.pathname.startsWith('/loop/')) {
        const n = Number(url.pathname.slice('/loop/'.length));
        res.writeHead(302, { location: `/loop/${n + 1}` }).end();
      } else if (url.pathname === '/big') {
        res.end('x'.repeat(5000));
      } else if (url.pathname === '/chunked') {
        for (let i = 0; i < 50; i++) res.write('y'.repeat(100));
        res.end();
      } else if (url.pathname === '/hang') {
        // Never answers; the guard's deadline must fire.
      } else {
        res.end(`hello ${req.method} ${url.pathname}`);
      }
    });
  });

  after(async () => {
    await Promise.all([api.close(), other.close(), internal.close()]);
  });

  it('fetches from a server whose exact IP literal and port the pattern names, and reports the host', async () => {
    const g = guard();
    const hosts: string[] = [];
    try {
      const res = await g.fetch(
        { url: `${api.origin}/hello?x=1` },
        context([`${api.origin}/**`], { onHost: (h) => hosts.push(h) }),
      );
      assert.equal(res.status, 200);
      assert.equal(res.body, 'hello GET /hello');
      assert.equal(res.url, `${api.origin}/hello?x=1`);
      assert.equal(res.truncated, false);
      assert.equal(res.bytes, 16);
      assert.deepEqual(hosts, ['127.0.0.1']);
    } finally {
      await g.close();
    }
  });

  it('blocks the same server reached as localhost: the name resolves to loopback and is not a named literal', async () => {
    const g = guard();
    const before = api.hits.length;
    try {
      await rejectsWith(
        g.fetch({ url: `http://localhost:${api.port}/hello` }, context([`http://localhost:${api.port}/**`])),
        'ERR_EGRESS_BLOCKED',
        /localhost resolved to a blocked address: address (127\.0\.0\.1|::1) is loopback/,
      );
      assert.equal(api.hits.length, before);
    } finally {
      await g.close();
    }
  });

  it('blocks a port the pattern does not name, and odd spellings of the named literal', async () => {
    const g = guard();
    const before = api.hits.length;
    try {
      const ctx = context([`${api.origin}/**`]);
      await rejectsWith(
        g.fetch({ url: `${other.origin}/` }, ctx),
        'ERR_EGRESS_BLOCKED',
        /not in the egress allowlist/,
      );
      for (const host of ['2130706433', '0x7f.1', '127.1', '0177.0.0.1', '[::ffff:127.0.0.1]']) {
        await rejectsWith(
          g.fetch({ url: `http://${host}:${api.port}/` }, ctx),
          'ERR_EGRESS_BLOCKED',
          /non-canonical/,
        );
      }
      assert.equal(api.hits.length, before);
    } finally {
      await g.close();
    }
  });

  it('blocks a name when any resolved address is private (DNS rebinding with mixed answers)', async () => {
    const lookup: LookupFn = async () => [
      { address: '93.184.215.14', family: 4 },
      { address: '127.0.0.1', family: 4 },
    ];
    const g = guard({ lookup });
    const before = api.hits.length;
    try {
      await rejectsWith(
        g.fetch({ url: `http://rebind.test:${api.port}/` }, context([`http://rebind.test:${api.port}/**`])),
        'ERR_EGRESS_BLOCKED',
        /rebind\.test resolved to a blocked address: address 127\.0\.0\.1 is loopback/,
      );
      assert.equal(api.hits.length, before);
    } finally {
      await g.close();
    }
  });

  it('blocks wildcard-DNS names that embed the metadata address', async () => {
    const lookup: LookupFn = async () => [{ address: '169.254.169.254', family: 4 }];
    const g = guard({ lookup });
    try {
      await rejectsWith(
        g.fetch(
          { url: 'https://169.254.169.254.nip.io/latest/meta-data/' },
          context(['https://*.nip.io/**']),
        ),
        'ERR_EGRESS_BLOCKED',
        /cloud-metadata/,
      );
    } finally {
      await g.close();
    }
  });

  it('pins the connection to the checked address: a second DNS answer of loopback is never used', async () => {
    let calls = 0;
    const lookup: LookupFn = async () => {
      calls++;
      return [{ address: calls === 1 ? '93.184.215.14' : '127.0.0.1', family: 4 }];
    };
    const g = guard({ lookup });
    const before = api.hits.length;
    connected.length = 0;
    try {
      const ctx = context([`http://rebind.test:${api.port}/**`]);
      // The checked public address is what the socket would dial; the test hook refuses it (no real traffic).
      await rejectsWith(
        g.fetch({ url: `http://rebind.test:${api.port}/` }, ctx),
        'ERR_EGRESS_FAILED',
        /refuses to dial 93\.184\.215\.14/,
      );
      assert.equal(calls, 1, 'undici did not resolve the name again');
      assert.deepEqual(connected, ['93.184.215.14']);
      // The next fetch resolves afresh and sees loopback: blocked, never dialled.
      await rejectsWith(
        g.fetch({ url: `http://rebind.test:${api.port}/` }, ctx),
        'ERR_EGRESS_BLOCKED',
        /loopback/,
      );
      assert.deepEqual(connected, ['93.184.215.14']);
      assert.equal(api.hits.length, before);
    } finally {
      await g.close();
    }
  });

  it('follows an allowed redirect and re-checks each hop', async () => {
    const g = guard();
    const hosts: string[] = [];
    try {
      const res = await g.fetch(
        { url: `${api.origin}/redirect?to=${encodeURIComponent(`${other.origin}/landed`)}` },
        context([`${api.origin}/**`, `${other.origin}/**`], { onHost: (h) => hosts.push(h) }),
      );
      assert.equal(res.status, 200);
      assert.equal(res.url, `${other.origin}/landed`);
      assert.deepEqual(hosts, ['127.0.0.1', '127.0.0.2']);
    } finally {
      await g.close();
    }
  });

  it('blocks a redirect to a blocked address: not allowlisted, metadata, or a name resolving to loopback', async () => {
    const lookup: LookupFn = async () => [{ address: '127.0.0.1', family: 4 }];
    const g = guard({ lookup });
    const ctx = context([`${api.origin}/**`, `http://internal.test:${internal.port}/**`]);
    const before = internal.hits.length;
    try {
      for (const target of [
        `${internal.origin}/`,
        'http://169.254.169.254/latest/meta-data/iam/security-credentials/',
        `http://0x7f.1:${internal.port}/`,
      ]) {
        await rejectsWith(
          g.fetch({ url: `${api.origin}/redirect?to=${encodeURIComponent(target)}` }, ctx),
          'ERR_EGRESS_BLOCKED',
          /^redirect target blocked: /,
        );
      }
      await rejectsWith(
        g.fetch({ url: `${api.origin}/redirect?status=307&to=http://internal.test:${internal.port}/` }, ctx),
        'ERR_EGRESS_BLOCKED',
        /redirect target blocked: host internal\.test resolved to a blocked address: address 127\.0\.0\.1 is loopback/,
      );
      assert.equal(internal.hits.length, before);
    } finally {
      await g.close();
    }
  });

  it('stops after maxRedirects hops', async () => {
    const g = guard({ maxRedirects: 3 });
    const before = api.hits.length;
    try {
      await rejectsWith(
        g.fetch({ url: `${api.origin}/loop/0` }, context([`${api.origin}/**`])),
        'ERR_EGRESS_BLOCKED',
        /too many redirects \(limit 3\)/,
      );
      assert.deepEqual(
        api.hits.slice(before).map((h) => h.url),
        ['/loop/0', '/loop/1', '/loop/2', '/loop/3'],
      );
    } finally {
      await g.close();
    }
  });

  it('turns POST into GET without a body on 303, keeps both on 307', async () => {
    const g = guard();
    const ctx = context([`${api.origin}/**`]);
    try {
      const r303 = await g.fetch(
        { url: `${api.origin}/redirect?status=303&to=/after`, method: 'POST', body: 'payload' },
        ctx,
      );
      assert.equal(r303.body, 'hello GET /after');
      const r307 = await g.fetch(
        { url: `${api.origin}/redirect?status=307&to=/after`, method: 'POST', body: 'payload' },
        ctx,
      );
      assert.equal(r307.body, 'hello POST /after');
      assert.equal(api.hits.at(-1)?.body, 'payload');
    } finally {
      await g.close();
    }
  });

  it('truncates a response at maxResponseBytes, with Content-Length or chunked', async () => {
    const g = guard({ maxResponseBytes: 1000 });
    const ctx = context([`${api.origin}/**`]);
    try {
      for (const path of ['/big', '/chunked']) {
        const res = await g.fetch({ url: `${api.origin}${path}` }, ctx);
        assert.equal(res.truncated, true, path);
        assert.equal(res.bytes, 1000, path);
        assert.equal(res.body.length, 1000, path);
      }
      const small = await g.fetch({ url: `${api.origin}/hello` }, ctx);
      assert.equal(small.truncated, false);
    } finally {
      await g.close();
    }
  });

  it('fails with ERR_EGRESS_FAILED when the server does not answer before the deadline', async () => {
    const g = guard({ timeoutMs: 300 });
    try {
      await rejectsWith(
        g.fetch({ url: `${api.origin}/hang` }, context([`${api.origin}/**`])),
        'ERR_EGRESS_FAILED',
        /timed out after 300 ms/,
      );
    } finally {
      await g.close();
    }
  });

  it('adds the secret only for its bound host and redacts an echoed value', async () => {
    const g = guard();
    const ctx = context([`${api.origin}/**`, `${other.origin}/**`], {
      secrets: { API_TOKEN: { value: SECRET, hosts: ['127.0.0.1'] } },
    });
    try {
      const res = await g.fetch({ url: `${api.origin}/echo`, secret: 'API_TOKEN' }, ctx);
      assert.equal(api.hits.at(-1)?.headers.authorization, `Bearer ${SECRET}`);
      assert.equal(res.body, `auth=Bearer [REDACTED] host=127.0.0.1:${api.port}`);
      assert.equal(res.headers['x-seen-auth'], 'Bearer [REDACTED]');
      assert.ok(!JSON.stringify(res).includes(SECRET));

      const before = other.hits.length;
      const err = await rejectsWith(
        g.fetch({ url: `${other.origin}/`, secret: 'API_TOKEN' }, ctx),
        'ERR_SECRET_UNAVAILABLE',
        /secret API_TOKEN is not bound to host 127\.0\.0\.2/,
      );
      assert.ok(!err.message.includes(SECRET));
      assert.equal(other.hits.length, before, 'nothing was sent to the unbound host');
    } finally {
      await g.close();
    }
  });

  it('uses a custom header when the binding names one', async () => {
    const g = guard();
    const ctx = context([`${api.origin}/**`], {
      secrets: { KEY: { value: SECRET, hosts: ['127.0.0.1'], header: 'X-Api-Key' } },
    });
    try {
      await g.fetch({ url: `${api.origin}/hello`, secret: 'KEY' }, ctx);
      assert.equal(api.hits.at(-1)?.headers['x-api-key'], SECRET);
      assert.equal(api.hits.at(-1)?.headers.authorization, undefined);
    } finally {
      await g.close();
    }
  });

  it('strips the secret and tool credentials on a redirect to another host', async () => {
    const g = guard();
    const ctx = context([`${api.origin}/**`, `${other.origin}/**`], {
      secrets: { API_TOKEN: { value: SECRET, hosts: ['127.0.0.1'] } },
    });
    try {
      const res = await g.fetch(
        {
          url: `${api.origin}/redirect?to=${encodeURIComponent(`${other.origin}/steal`)}`,
          secret: 'API_TOKEN',
          headers: { Cookie: 'session=1' },
        },
        ctx,
      );
      assert.equal(res.body, 'other saw authorization=none');
      const hit = other.hits.at(-1);
      assert.equal(hit?.url, '/steal');
      assert.equal(hit?.headers.authorization, undefined);
      assert.equal(hit?.headers.cookie, undefined);
      assert.equal(api.hits.at(-1)?.headers.authorization, `Bearer ${SECRET}`);
      assert.equal(api.hits.at(-1)?.headers.cookie, 'session=1');

      const own = await g.fetch(
        {
          url: `${api.origin}/redirect?to=${encodeURIComponent(`${other.origin}/steal`)}`,
          headers: { Authorization: 'Bearer tool-own' },
        },
        ctx,
      );
      assert.equal(own.body, 'other saw authorization=none');
    } finally {
      await g.close();
    }
  });

  it('refuses an unknown or unset secret with ERR_SECRET_UNAVAILABLE before any connection', async () => {
    const g = guard();
    const ctx = context([`${api.origin}/**`], { secrets: { EMPTY: { value: '', hosts: ['127.0.0.1'] } } });
    const before = api.hits.length;
    try {
      await rejectsWith(
        g.fetch({ url: `${api.origin}/`, secret: 'NOPE' }, ctx),
        'ERR_SECRET_UNAVAILABLE',
        /NOPE/,
      );
      await rejectsWith(
        g.fetch({ url: `${api.origin}/`, secret: 'EMPTY' }, ctx),
        'ERR_SECRET_UNAVAILABLE',
        /unset/,
      );
      await rejectsWith(
        g.fetch({ url: `${api.origin}/`, secret: 'toString' }, ctx),
        'ERR_SECRET_UNAVAILABLE',
        /not bound/,
      );
      assert.equal(api.hits.length, before);
    } finally {
      await g.close();
    }
  });

  it('keeps the secret out of connection error messages', async () => {
    const closed = await startServer('127.0.0.1', (_req, res) => res.end());
    await closed.close();
    const g = guard();
    const ctx = context([`${closed.origin}/**`], { secrets: { T: { value: SECRET, hosts: ['127.0.0.1'] } } });
    try {
      const err = await rejectsWith(
        g.fetch({ url: `${closed.origin}/`, secret: 'T' }, ctx),
        'ERR_EGRESS_FAILED',
      );
      assert.ok(!err.message.includes(SECRET));
      assert.ok(!JSON.stringify(err.details ?? {}).includes(SECRET));
    } finally {
      await g.close();
    }
  });

  it('drops hop-by-hop and Host headers, refuses header injection, odd methods and oversized bodies', async () => {
    const g = guard({ maxRequestBytes: 100 });
    const ctx = context([`${api.origin}/**`]);
    try {
      await g.fetch(
        {
          url: `${api.origin}/h`,
          headers: { Host: 'evil.test', 'Proxy-Authorization': 'x', Connection: 'close', 'X-Ok': '1' },
        },
        ctx,
      );
      const hit = api.hits.at(-1);
      assert.equal(hit?.headers.host, `127.0.0.1:${api.port}`);
      assert.equal(hit?.headers['proxy-authorization'], undefined);
      assert.equal(hit?.headers['x-ok'], '1');
      await rejectsWith(
        g.fetch({ url: `${api.origin}/`, headers: { 'X-A': 'v\r\nHost: evil.test' } }, ctx),
        'ERR_EGRESS_BLOCKED',
        /malformed/,
      );
      await rejectsWith(
        g.fetch({ url: `${api.origin}/`, method: 'CONNECT' }, ctx),
        'ERR_EGRESS_BLOCKED',
        /CONNECT/,
      );
      await rejectsWith(
        g.fetch({ url: `${api.origin}/`, method: 'TRACE' }, ctx),
        'ERR_EGRESS_BLOCKED',
        /TRACE/,
      );
      await rejectsWith(
        g.fetch({ url: `${api.origin}/`, method: 'POST', body: 'z'.repeat(101) }, ctx),
        'ERR_EGRESS_BLOCKED',
        /body exceeds 100 bytes/,
      );
    } finally {
      await g.close();
    }
  });

  it('blocks everything when the allowlist is empty or a list is empty (manifest ∩ grant)', async () => {
    const g = guard();
    try {
      const url = `${api.origin}/`;
      await rejectsWith(g.fetch({ url }, { allowlist: [], secrets: {} }), 'ERR_EGRESS_BLOCKED', /no egress/);
      await rejectsWith(
        g.fetch({ url }, { allowlist: [[pattern(`${api.origin}/**`)], []], secrets: {} }),
        'ERR_EGRESS_BLOCKED',
        /not in the egress allowlist/,
      );
    } finally {
      await g.close();
    }
  });

  it('honours the caller abort signal and refuses work after close()', async () => {
    const g = guard();
    const ctx = context([`${api.origin}/**`], { signal: AbortSignal.abort() });
    await rejectsWith(g.fetch({ url: `${api.origin}/hang` }, ctx), 'ERR_EGRESS_FAILED', /aborted/);
    await g.close();
    await rejectsWith(
      g.fetch({ url: `${api.origin}/` }, context([`${api.origin}/**`])),
      'ERR_EGRESS_FAILED',
      /closed/,
    );
  });

  const hasOpenssl = spawnSync('openssl', ['version']).status === 0;
  it('verifies TLS certificates: a self-signed server on a named literal is refused', {
    skip: !hasOpenssl,
  }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'airlock-egress-tls-'));
    const [key, cert] = [join(dir, 'key.pem'), join(dir, 'cert.pem')];
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'ec',
        '-pkeyopt',
        'ec_paramgen_curve:prime256v1',
        '-nodes',
        '-days',
        '1',
      ].concat([
        '-keyout',
        key,
        '-out',
        cert,
        '-subj',
        '/CN=127.0.0.1',
        '-addext',
        'subjectAltName=IP:127.0.0.1',
      ]),
      { stdio: 'ignore' },
    );
    const server = createTlsServer({ key: readFileSync(key), cert: readFileSync(cert) }, (_req, res) =>
      res.end('tls'),
    );
    rmSync(dir, { recursive: true, force: true });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const g = guard();
    try {
      await rejectsWith(
        g.fetch({ url: `https://127.0.0.1:${port}/` }, context([`https://127.0.0.1:${port}/**`])),
        'ERR_EGRESS_FAILED',
        /self-signed certificate/,
      );
    } finally {
      await g.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});
