// Audit appends per second with durability on (write + fdatasync per group-commit batch) and off (write
// only), same run, same concurrency. Run: node --import tsx bench/audit.ts [iterations] [concurrency]
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { openAuditLog } from '../src/audit/index.js';

export interface AuditBench {
  appends_per_s_durable: number;
  appends_per_s_nondurable: number;
  /** durable / non-durable: what durability costs at this concurrency. */
  ratio: number;
  /** fsyncs the durable run needed for `iterations` appends (group commit keeps this far below). */
  fsyncs: number;
  records_per_fsync: number;
}

export async function benchAudit(opts: { iterations: number; concurrency: number }): Promise<AuditBench> {
  const durable = await measure(opts, true);
  const nondurable = await measure(opts, false);
  return {
    appends_per_s_durable: Math.round(durable.perSecond),
    appends_per_s_nondurable: Math.round(nondurable.perSecond),
    ratio: Number((durable.perSecond / nondurable.perSecond).toFixed(3)),
    fsyncs: durable.fsyncs,
    records_per_fsync: Number((opts.iterations / Math.max(durable.fsyncs, 1)).toFixed(1)),
  };
}

async function measure(
  opts: { iterations: number; concurrency: number },
  durable: boolean,
): Promise<{ perSecond: number; fsyncs: number }> {
  const dir = await mkdtemp(join(tmpdir(), 'airlock-bench-audit-'));
  try {
    const log = await openAuditLog({ dir, durable });
    let next = 0;
    const started = process.hrtime.bigint();
    // Each caller waits for its record to be acknowledged before its next call, like a tool call does.
    await Promise.all(
      Array.from({ length: opts.concurrency }, async () => {
        while (next < opts.iterations) {
          const index = next++;
          await log.append({
            event: 'tool_call',
            decision: 'allow',
            code: 'OK',
            agent: `agent-${index % 8}`,
            tool: 'http_get',
            jti: `jti-${index}`,
            session: 'bench',
            args: {
              url: `https://api.example.com/v1/items/${index}`,
              headers: { accept: 'application/json' },
            },
            policyVersion: 'bench',
            latencyMs: 1,
          });
        }
      }),
    );
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const { fsyncs } = log.stats();
    await log.close();
    return { perSecond: opts.iterations / seconds, fsyncs };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const iterations = Number(process.argv[2] ?? 20_000);
  const concurrency = Number(process.argv[3] ?? 64);
  for (const c of [1, concurrency]) {
    console.log(
      JSON.stringify({ iterations, concurrency: c, ...(await benchAudit({ iterations, concurrency: c })) }),
    );
  }
}
