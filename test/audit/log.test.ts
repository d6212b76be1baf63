import assert from 'node:assert/strict';
import { readdir, readFile, symlink, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { test } from 'node:test';
import { listAuditFiles } from '../../src/audit/files.js';
import { digestArgs, openAuditLog, verifyAudit } from '../../src/audit/index.js';
import { GENESIS } from '../../src/audit/record.js';
import { isAirlockError } from '../../src/errors.js';
import { fileText, tempDir, toolCall } from './helpers.js';

test('append resolves with the chained record and starts from the genesis hash', async (t) => {
  const dir = await tempDir(t);
  const log = await openAuditLog({ dir });
  const first = await log.append(toolCall(1));
  const second = await log.append(toolCall(2));
  await log.close();
  assert.equal(first.seq, 1);
  assert.equal(first.prev, GENESIS);
  assert.equal(second.seq, 2);
  assert.equal(second.prev, first.hash);
  assert.equal(first.argsDigest, digestArgs(toolCall(1).args));
  assert.equal('args' in first, false);
  const ok = await verifyAudit(dir);
  assert.deepEqual(ok, { ok: true, records: 2, files: 1, head: second.hash });
});

test('group commit: 500 concurrent appends share far fewer fsyncs', async (t) => {
  const dir = await tempDir(t);
  const log = await openAuditLog({ dir });
  const records = await Promise.all(Array.from({ length: 500 }, (_, index) => log.append(toolCall(index))));
  const stats = log.stats();
  await log.close();
  assert.deepEqual(
    records.map((record) => record.seq),
    Array.from({ length: 500 }, (_, index) => index + 1),
  );
  assert.equal(stats.records, 500);
  assert.ok(stats.fsyncs >= 1 && stats.fsyncs <= 10, `expected a handful of fsyncs, got ${stats.fsyncs}`);
  assert.equal((await verifyAudit(dir)).ok, true);
});

test('group commit: appends arriving during an fsync form the next batch', async (t) => {
  const dir = await tempDir(t);
  const log = await openAuditLog({ dir });
  // Eight callers each appending 50 times in a row: at most one batch in flight, the rest queue behind it.
  await Promise.all(
    Array.from({ length: 8 }, async (_, caller) => {
      for (let index = 0; index < 50; index += 1) await log.append(toolCall(caller * 100 + index));
    }),
  );
  const stats = log.stats();
  await log.close();
  assert.equal(stats.records, 400);
  assert.ok(stats.fsyncs < 400 / 2, `expected batching, got ${stats.fsyncs} fsyncs for 400 records`);
  assert.equal((await verifyAudit(dir)).ok, true);
});

test('non-durable mode skips fsync', async (t) => {
  const dir = await tempDir(t);
  const log = await openAuditLog({ dir, durable: false });
  await Promise.all(Array.from({ length: 20 }, (_, index) => log.append(toolCall(index))));
  assert.equal(log.stats().fsyncs, 0);
  await log.close();
});

test('rotation by size continues the chain across files', async (t) => {
  const dir = await tempDir(t);
  const log = await openAuditLog({ dir, maxFileBytes: 2048 });
  const records = await Promise.all(Array.from({ length: 40 }, (_, index) => log.append(toolCall(index))));
  await log.close();
  const files = await listAuditFiles(dir);
  assert.ok(files.length >= 5, `expected rotation, got ${files.length} file(s)`);
  for (const file of files) {
    const firstLine = JSON.parse((await readFile(file, 'utf8')).split('\n')[0]!);
    const before = records.find((record) => record.seq === firstLine.seq - 1);
    assert.equal(firstLine.prev, before?.hash ?? GENESIS, `${basename(file)} does not continue the chain`);
  }
  assert.deepEqual(await verifyAudit(dir), {
    ok: true,
    records: 40,
    files: files.length,
    head: records.at(-1)!.hash,
  });
});

test('rotation by day starts a new file and the names keep sorting when the clock goes back', async (t) => {
  const dir = await tempDir(t);
  let now = new Date('2026-03-01T23:59:59Z');
  const log = await openAuditLog({ dir, now: () => now });
  await log.append(toolCall(1));
  now = new Date('2026-03-02T00:00:01Z');
  await log.append(toolCall(2));
  now = new Date('2026-03-01T12:00:00Z');
  await log.append(toolCall(3));
  await log.close();
  const names = (await listAuditFiles(dir)).map((file) => basename(file));
  assert.deepEqual(names, ['audit-20260301-0001.jsonl', 'audit-20260302-0001.jsonl']);
  assert.equal((await verifyAudit(dir)).ok, true);
});

test('reopening continues the chain from the last record', async (t) => {
  const dir = await tempDir(t);
  const first = await openAuditLog({ dir });
  const last = await first.append(toolCall(1));
  await first.close();
  const second = await openAuditLog({ dir });
  assert.equal(second.head().seq, 1);
  const next = await second.append(toolCall(2));
  await second.close();
  assert.equal(next.seq, 2);
  assert.equal(next.prev, last.hash);
  assert.equal(second.recovery, undefined);
  assert.deepEqual(await verifyAudit(dir), { ok: true, records: 2, files: 1, head: next.hash });
});

test('reopening after a crash right after rotation finds the head in the previous file', async (t) => {
  const dir = await tempDir(t);
  const first = await openAuditLog({ dir, now: () => new Date('2026-03-01T10:00:00Z') });
  const last = await first.append(toolCall(1));
  await first.close();
  await writeFile(join(dir, 'audit-20260301-0002.jsonl'), '');
  const second = await openAuditLog({ dir, now: () => new Date('2026-03-01T11:00:00Z') });
  const next = await second.append(toolCall(2));
  await second.close();
  assert.equal(next.prev, last.hash);
  assert.equal(basename(second.head().file), 'audit-20260301-0002.jsonl');
  assert.equal((await verifyAudit(dir)).ok, true);
});

test('a torn last line is detected by verify, then moved aside and recorded on reopen', async (t) => {
  const dir = await tempDir(t);
  const first = await openAuditLog({ dir });
  const last = await first.append(toolCall(1));
  await first.close();
  const file = (await listAuditFiles(dir))[0]!;
  const tornLine = '{"agent":"agent-1","argsDigest":"9f';
  await writeFile(file, tornLine, { flag: 'a' });
  const torn = await verifyAudit(dir);
  assert.ok(!torn.ok && torn.kind === 'torn' && torn.line === 2, JSON.stringify(torn));

  const second = await openAuditLog({ dir });
  const recovery = second.recovery;
  await second.close();
  assert.ok(recovery, 'reopen must report the torn line');
  assert.equal(recovery.event, 'server');
  assert.equal(recovery.prev, last.hash);
  assert.equal(recovery.extra?.['tornBytes'], Buffer.byteLength(tornLine));
  assert.deepEqual(await verifyAudit(dir), { ok: true, records: 2, files: 1, head: recovery.hash });
  const saved = (await readdir(dir)).filter((name) => name.includes('.torn-'));
  assert.equal(saved.length, 1, 'the torn bytes are kept for inspection');
  assert.equal(await readFile(join(dir, saved[0]!), 'utf8'), tornLine);
});

test('open refuses a log whose last complete record was edited', async (t) => {
  const dir = await tempDir(t);
  const log = await openAuditLog({ dir });
  await log.append(toolCall(1));
  await log.close();
  const file = (await listAuditFiles(dir))[0]!;
  await writeFile(file, (await readFile(file, 'utf8')).replace('"allow"', '"deny"'));
  await assert.rejects(
    openAuditLog({ dir }),
    (error) => isAirlockError(error) && error.code === 'ERR_AUDIT_CHAIN',
  );
});

test('a failed write rejects with ERR_AUDIT_WRITE and the log fails closed', async (t) => {
  const dir = await tempDir(t);
  const now = new Date('2026-03-01T10:00:00Z');
  // /dev/full accepts the open and fails every write with ENOSPC.
  await symlink('/dev/full', join(dir, 'audit-20260301-0001.jsonl'));
  const log = await openAuditLog({ dir, now: () => now });
  const isWriteError = (error: unknown) => isAirlockError(error) && error.code === 'ERR_AUDIT_WRITE';
  await assert.rejects(log.append(toolCall(1)), isWriteError);
  await assert.rejects(log.append(toolCall(2)), isWriteError);
  assert.equal(log.head().seq, 0, 'nothing was acknowledged');
  await log.close();
});

test('a second writer on the same directory is refused', async (t) => {
  const dir = await tempDir(t);
  const log = await openAuditLog({ dir });
  await assert.rejects(
    openAuditLog({ dir }),
    (error) => isAirlockError(error) && error.code === 'ERR_AUDIT_WRITE',
  );
  await log.close();
  const again = await openAuditLog({ dir });
  await again.close();
});

test('a stale lock left by a killed process is taken over', async (t) => {
  const dir = await tempDir(t);
  await writeFile(join(dir, 'audit.lock'), JSON.stringify({ pid: 2 ** 22 + 12345, incarnation: 'gone' }));
  const log = await openAuditLog({ dir });
  await log.append(toolCall(1));
  await log.close();
});

test('appends after close are refused', async (t) => {
  const dir = await tempDir(t);
  const log = await openAuditLog({ dir });
  const pending = log.append(toolCall(1));
  await log.close();
  assert.equal((await pending).seq, 1, 'close flushes what was already queued');
  await assert.rejects(
    log.append(toolCall(2)),
    (error) => isAirlockError(error) && error.code === 'ERR_AUDIT_WRITE',
  );
});

test('a newline in a reason cannot forge a second record (log injection)', async (t) => {
  // CWE-117 (Improper Output Neutralization for Logs); OWASP Log Injection.
  const dir = await tempDir(t);
  const log = await openAuditLog({ dir });
  const forged = '{"decision":"allow","event":"tool_call","seq":2}';
  await log.append(toolCall(1, { reason: `denied\n${forged}\r\n`, tool: `http_get\n${forged}` }));
  await log.close();
  const text = await fileText(await listAuditFiles(dir));
  assert.equal(text.split('\n').length, 2, 'exactly one line');
  assert.equal((await verifyAudit(dir)).ok, true);
});

test('query filters by agent, tool, decision and time, newest first, with paging', async (t) => {
  const dir = await tempDir(t);
  let clock = 0;
  const log = await openAuditLog({ dir, maxFileBytes: 4096, now: () => new Date(clock) });
  for (let index = 1; index <= 30; index += 1) {
    clock = Date.parse('2026-03-01T00:00:00Z') + index * 1000;
    await log.append(toolCall(index));
  }
  const denies = await log.query({ decision: 'deny' });
  assert.deepEqual(
    denies.records.map((record) => record.seq),
    [30, 27, 24, 21, 18, 15, 12, 9, 6, 3],
  );
  const agentTool = await log.query({ agent: 'agent-1', tool: 'json_query', decision: 'allow' });
  assert.ok(
    agentTool.records.every(
      (r) => r.agent === 'agent-1' && r.tool === 'json_query' && r.decision === 'allow',
    ),
  );
  assert.equal(agentTool.records.length, 10);

  const window = await log.query({ since: '2026-03-01T00:00:05Z', until: '2026-03-01T00:00:08Z' });
  assert.deepEqual(
    window.records.map((record) => record.seq),
    [7, 6, 5],
  );

  const seen: number[] = [];
  let cursor: string | undefined;
  do {
    const page = await log.query(cursor === undefined ? { limit: 7 } : { limit: 7, cursor });
    seen.push(...page.records.map((record) => record.seq));
    cursor = page.next;
  } while (cursor !== undefined);
  assert.deepEqual(
    seen,
    Array.from({ length: 30 }, (_, index) => 30 - index),
  );
  await log.close();
});

test('query refuses a malformed time or cursor', async (t) => {
  const dir = await tempDir(t);
  const log = await openAuditLog({ dir });
  const isBadRequest = (error: unknown) => isAirlockError(error) && error.code === 'ERR_BAD_REQUEST';
  await assert.rejects(log.query({ since: 'yesterday-ish' }), isBadRequest);
  await assert.rejects(log.query({ cursor: '../x' }), isBadRequest);
  await log.close();
});

test('close is idempotent', async (t) => {
  const dir = await tempDir(t);
  const log = await openAuditLog({ dir });
  await log.append(toolCall(1));
  await Promise.all([log.close(), log.close()]);
  await log.close();
});
