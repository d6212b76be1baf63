import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { test } from 'node:test';
import { listAuditFiles } from '../../src/audit/files.js';
import { openAuditLog, verifyAudit } from '../../src/audit/index.js';
import { TAMPER_CASES } from '../vectors/audit-tamper.js';
import { tempDir, toolCall } from './helpers.js';

/** A log of 4+ rotated files with 3+ records each. */
async function rotatedLog(dir: string): Promise<{ files: string[]; head: string }> {
  const log = await openAuditLog({ dir, maxFileBytes: 1600 });
  for (let index = 0; index < 15; index += 1) await log.append(toolCall(index));
  const head = log.head().hash;
  await log.close();
  const files = await listAuditFiles(dir);
  assert.ok(files.length >= 4, `expected 4+ files, got ${files.length}`);
  for (const file of files) {
    const lines = (await readFile(file, 'utf8')).split('\n').length - 1;
    assert.ok(lines >= 3, `${basename(file)} has ${lines} lines`);
  }
  return { files, head };
}

test('verify accepts an intact rotated chain and reports its head', async (t) => {
  const dir = await tempDir(t);
  const { files, head } = await rotatedLog(dir);
  assert.deepEqual(await verifyAudit(dir), { ok: true, records: 15, files: files.length, head });
});

test('verify accepts a single rotated file on its own, anchored by its first record', async (t) => {
  const dir = await tempDir(t);
  const { files } = await rotatedLog(dir);
  const result = await verifyAudit(files[2]!);
  assert.equal(result.ok, true);
});

for (const row of TAMPER_CASES) {
  test(`verify: ${row.name}`, async (t) => {
    const dir = await tempDir(t);
    const { files, head } = await rotatedLog(dir);
    await row.mutate(files);
    const result = await verifyAudit(dir);
    if (row.expect.ok) {
      assert.equal(result.ok, true, JSON.stringify(result));
      assert.ok(result.ok && result.head !== head, 'the head hash must differ from the one kept elsewhere');
      return;
    }
    assert.equal(result.ok, false, `tampering went unnoticed: ${JSON.stringify(result)}`);
    if (result.ok) return;
    const fileIndex = row.expect.file === -1 ? files.length - 1 : row.expect.file;
    const expectedLine =
      row.expect.line === -1
        ? (await readFile(files[fileIndex]!, 'utf8')).split('\n').length
        : row.expect.line;
    assert.equal(result.kind, row.expect.kind, result.reason);
    assert.equal(basename(result.file), basename(files[fileIndex]!));
    assert.equal(result.line, expectedLine);
    assert.ok(result.reason.length > 0);
  });
}

test('verify names the first bad record even when later ones are bad too', async (t) => {
  const dir = await tempDir(t);
  const { files } = await rotatedLog(dir);
  for (const index of [2, 1]) {
    const text = await readFile(files[index]!, 'utf8');
    await writeFile(files[index]!, text.replace('"tool":"', '"tool":"x'));
  }
  const result = await verifyAudit(dir);
  assert.ok(!result.ok && basename(result.file) === basename(files[1]!) && result.line === 1);
});

test('verify reports a missing path as not found', async (t) => {
  const dir = await tempDir(t);
  const result = await verifyAudit(`${dir}/nope`);
  assert.equal(result.ok, false);
  assert.ok(!result.ok && result.kind === 'not-found');
});
