// Measures the egress guard: the pure checks (URL against an allowlist, address class) and a full guarded
// fetch against a loopback server next to a bare undici request to the same server. Medians.
// Run: node --import tsx bench/egress.ts
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Pool } from 'undici';
import {
  checkAddress,
  checkUrl,
  createEgressGuard,
  parseUrlPattern,
  type UrlPattern,
} from '../src/egress/index.js';

export async function benchEgress(iterations = 2000): Promise<Record<string, number>> {
  const server = createServer((_req, res) => res.end('ok'));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  const guard = createEgressGuard();
  const bare = new Pool(origin, { connections: 1 });
  try {
    const patterns = [`${origin}/**`, 'https://api.example.com/v1/**', 'https://*.example.com/**'].map(
      compile,
    );
    const allowlist = [patterns, patterns];
    const checkUrlUs = await median(iterations, async () => {
      if (!checkUrl('https://a.example.com/v1/items?id=7', allowlist).ok) throw new Error('refused');
    });
    const checkAddressUs = await median(iterations, async () => {
      if (checkAddress('::ffff:127.0.0.1').ok) throw new Error('allowed');
    });
    const ctx = { allowlist, secrets: {} };
    const guardedUs = await median(iterations, async () => {
      await guard.fetch({ url: `${origin}/x` }, ctx);
    });
    const bareUs = await median(iterations, async () => {
      const res = await bare.request({ path: '/x', method: 'GET' });
      await res.body.text();
    });
    return {
      check_url_us: checkUrlUs,
      check_address_us: checkAddressUs,
      guarded_fetch_loopback_us: guardedUs,
      bare_undici_request_loopback_us: bareUs,
    };
  } finally {
    await guard.close();
    await bare.close();
    server.closeAllConnections();
    server.close();
  }
}

function compile(text: string): UrlPattern {
  const d = parseUrlPattern(text);
  if (!d.ok) throw new Error(d.reason);
  return d.pattern;
}

async function median(iterations: number, fn: () => Promise<void>): Promise<number> {
  for (let i = 0; i < Math.min(200, iterations); i++) await fn();
  const samples: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const start = performance.now();
    await fn();
    samples.push((performance.now() - start) * 1000);
  }
  samples.sort((a, b) => a - b);
  return Math.round(samples[Math.floor(samples.length / 2)]! * 10) / 10;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(JSON.stringify(await benchEgress(), null, 2));
}
