// Measures bearer verification: a cold verify (signature + claims) per distinct token, a cache hit for a
// repeated token, and minting. Run: node --import tsx bench/identity.ts
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createIdentityService } from '../src/identity/index.js';

export async function benchIdentity(iterations = 2000): Promise<Record<string, number>> {
  const dataDir = await mkdtemp(join(tmpdir(), 'airlock-bench-identity-'));
  try {
    const service = await createIdentityService({ dataDir, audience: 'http://127.0.0.1:3700/mcp' });
    const mintStart = performance.now();
    const tokens: string[] = [];
    for (let i = 0; i < iterations; i++) tokens.push(await service.mint({ agent: `agent-${i}` }));
    const mintUs = ((performance.now() - mintStart) * 1000) / iterations;

    const coldStart = performance.now();
    for (const token of tokens) {
      if (!(await service.verify(`Bearer ${token}`)).ok) throw new Error('bench token refused');
    }
    const coldUs = ((performance.now() - coldStart) * 1000) / iterations;

    const header = `Bearer ${tokens[0]}`;
    const hitStart = performance.now();
    for (let i = 0; i < iterations * 10; i++) await service.verify(header);
    const hitUs = ((performance.now() - hitStart) * 1000) / (iterations * 10);

    const forged = `Bearer ${tokens[1]!.slice(0, -4)}AAAA`;
    const badStart = performance.now();
    for (let i = 0; i < iterations; i++) await service.verify(forged);
    const badUs = ((performance.now() - badStart) * 1000) / iterations;
    service.close();
    return {
      mint_us: round(mintUs),
      verify_cold_eddsa_us: round(coldUs),
      verify_cached_us: round(hitUs),
      verify_bad_signature_us: round(badUs),
    };
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
}

const round = (n: number) => Math.round(n * 10) / 10;

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(JSON.stringify(await benchIdentity(), null, 2));
}
