import assert from 'node:assert/strict';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { digestArgs, verifyAudit } from '../../src/audit/index.js';
import { spawnServe, TEST_POLICY } from '../helpers/server.js';

test('a server SIGKILLed under concurrent load leaves an audit chain that verifies and holds every acknowledged call', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'airlock-crash-'));
  try {
    await mkdir(join(dir, 'policies'));
    await writeFile(join(dir, 'policies', 'test.yaml'), TEST_POLICY);
    const { child, url } = await spawnServe(dir, ['--agent', 'reader']);
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

    const acknowledged: string[] = [];
    const clients = await Promise.all(
      Array.from({ length: 8 }, async () => {
        const client = new Client({ name: 'crash', version: '1' });
        await client.connect(new StreamableHTTPClientTransport(url));
        return client;
      }),
    );
    let stop = false;
    const workers = clients.map(async (client, w) => {
      for (let i = 0; !stop; i++) {
        const args = { json: { worker: w, call: i }, query: '.call' };
        try {
          const result = await client.callTool({ name: 'json_query', arguments: args });
          if (!result.isError) acknowledged.push(digestArgs(args));
        } catch {
          return; // the server is gone
        }
      }
    });
    // Kill mid-load once real traffic has been acknowledged (bounded by time on a slow machine).
    const deadline = Date.now() + 20_000;
    while (acknowledged.length < 60 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    child.kill('SIGKILL');
    stop = true;
    await exited;
    await Promise.allSettled(workers);
    await Promise.allSettled(clients.map((c) => c.close()));

    assert.ok(acknowledged.length > 20, `expected real load, got ${acknowledged.length} acknowledged calls`);
    const auditDir = join(dir, 'var', 'audit');
    const verified = await verifyAudit(auditDir);
    // A torn final line is reported, not hidden; the chain up to it must verify.
    if (!verified.ok) assert.match(verified.reason, /torn/i, JSON.stringify(verified));
    const digests = new Set<string>();
    for (const file of (await readdir(auditDir)).filter((f) => f.endsWith('.jsonl'))) {
      for (const line of (await readFile(join(auditDir, file), 'utf8')).split('\n')) {
        try {
          const record = JSON.parse(line) as { argsDigest?: string; decision?: string };
          if (record.argsDigest && record.decision === 'allow') digests.add(record.argsDigest);
        } catch {
          // torn last line
        }
      }
    }
    const missing = acknowledged.filter((d) => !digests.has(d));
    assert.deepEqual(
      missing,
      [],
      `${missing.length} of ${acknowledged.length} acknowledged calls are not in the audit log`,
    );
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
