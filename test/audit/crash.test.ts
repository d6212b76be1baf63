import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { dirname, join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { openAuditLog, queryAudit, verifyAudit } from '../../src/audit/index.js';
import { tempDir } from './helpers.js';

const FIXTURE = join(dirname(fileURLToPath(import.meta.url)), 'fixtures', 'append-load.ts');
const ROUNDS = 3;

/** Runs the load until `acks` records were acknowledged (plus a random extra moment), then SIGKILLs it. */
async function killUnderLoad(dir: string, acks: number): Promise<Map<number, string>> {
  const child = spawn(process.execPath, ['--import', 'tsx', FIXTURE, dir, '16', '32768'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const acked = new Map<number, string>();
  let rest = '';
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const exited = once(child, 'exit');
  const reached = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`load did not reach ${acks} acks: ${stderr}`)), 60_000);
    child.stdout.on('data', (chunk: Buffer) => {
      rest += chunk.toString();
      const lines = rest.split('\n');
      rest = lines.pop() ?? '';
      for (const line of lines) {
        const [seq, jti] = line.split(' ');
        acked.set(Number(seq), jti!);
      }
      if (acked.size >= acks) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once('exit', (code) => reject(new Error(`load exited early (${code}): ${stderr}`)));
  });
  try {
    await reached;
    await new Promise((resolve) => setTimeout(resolve, Math.floor(Math.random() * 30)));
  } finally {
    child.kill('SIGKILL');
    await exited;
  }
  // Lines read after the kill were acknowledged before it.
  for (const line of rest.split('\n').filter(Boolean)) {
    const [seq, jti] = line.split(' ');
    if (jti) acked.set(Number(seq), jti);
  }
  return acked;
}

test('SIGKILL under concurrent load leaves a chain that verifies with every acknowledged record', async (t) => {
  const dir = await tempDir(t);
  const acked = new Map<number, string>();
  for (let round = 0; round < ROUNDS; round += 1) {
    for (const [seq, jti] of await killUnderLoad(dir, 300)) {
      assert.equal(acked.has(seq), false, `seq ${seq} acknowledged twice`);
      acked.set(seq, jti);
    }
    const afterKill = await verifyAudit(dir);
    // The only damage a kill may leave is a torn last line, which the next open moves aside and records.
    assert.ok(afterKill.ok || afterKill.kind === 'torn', `round ${round}: ${JSON.stringify(afterKill)}`);
  }
  // A last open recovers any torn tail from the final kill.
  const log = await openAuditLog({ dir });
  await log.close();

  const final = await verifyAudit(dir);
  assert.equal(final.ok, true, JSON.stringify(final));
  assert.ok(final.ok && final.files > 1, 'the load should have rotated files');

  const stored = new Map<number, string>();
  let cursor: string | undefined;
  do {
    const page = await queryAudit(dir, cursor === undefined ? { limit: 1000 } : { limit: 1000, cursor });
    for (const record of page.records) stored.set(record.seq, record.jti ?? '');
    cursor = page.next;
  } while (cursor !== undefined);
  assert.ok(acked.size >= ROUNDS * 300);
  const missing = [...acked].filter(([seq, jti]) => stored.get(seq) !== jti);
  assert.deepEqual(missing, [], 'every acknowledged record is on disk with its content');
});
