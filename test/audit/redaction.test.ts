import assert from 'node:assert/strict';
import { test } from 'node:test';
import { listAuditFiles } from '../../src/audit/files.js';
import { openAuditLog, verifyAudit } from '../../src/audit/index.js';
import { REDACTION_CASES } from '../vectors/audit-redaction.js';
import { fileText, tempDir } from './helpers.js';

/** The secret itself and the encodings it would take inside the file. */
function forms(secret: string): string[] {
  const jsonEscaped = JSON.stringify(secret).slice(1, -1);
  return [secret, jsonEscaped, JSON.stringify(jsonEscaped).slice(1, -1), encodeURIComponent(secret)];
}

for (const row of REDACTION_CASES) {
  test(`redaction: ${row.name} never reaches the file`, async (t) => {
    const dir = await tempDir(t);
    const log = await openAuditLog({ dir });
    const record = await log.append({
      event: 'tool_call',
      decision: 'allow',
      tool: 'http_get',
      agent: 'support-bot',
      ...(row.args === undefined ? {} : { args: row.args }),
      ...(row.reason === undefined ? {} : { reason: row.reason }),
      ...(row.extra === undefined ? {} : { extra: row.extra }),
      ...(row.named ? { secrets: [row.secret] } : {}),
    });
    await log.close();
    const bytes = await fileText(await listAuditFiles(dir));
    for (const form of forms(row.secret))
      assert.equal(bytes.includes(form), false, `found ${JSON.stringify(form)}`);
    assert.ok(bytes.includes('[REDACTED]'), 'the redaction is visible');
    if (row.args !== undefined) assert.match(record.argsDigest ?? '', /^[0-9a-f]{64}$/);
    assert.equal((await verifyAudit(dir)).ok, true);
  });
}

test('the preview is capped and says how much was cut', async (t) => {
  const dir = await tempDir(t);
  const log = await openAuditLog({ dir });
  const record = await log.append({
    event: 'tool_call',
    decision: 'allow',
    args: { text: 'z'.repeat(10_000) },
  });
  await log.close();
  assert.ok((record.argsPreview ?? '').length < 1100);
  assert.match(record.argsPreview ?? '', /…\(\+\d+ chars\)$/);
});

test('ordinary arguments stay readable in the preview', async (t) => {
  const dir = await tempDir(t);
  const log = await openAuditLog({ dir });
  const record = await log.append({
    event: 'tool_call',
    decision: 'allow',
    args: { url: 'https://api.example.com/v1/items?page=2', limit: 5 },
  });
  await log.close();
  assert.equal(record.argsPreview, '{"url":"https://api.example.com/v1/items?page=2","limit":5}');
});

test('a "__proto__" key in the arguments stays a key of the preview and pollutes nothing', async (t) => {
  const dir = await tempDir(t);
  const log = await openAuditLog({ dir });
  const args = JSON.parse('{"__proto__":{"polluted":true},"password":"x-secret-x"}');
  const record = await log.append({ event: 'tool_call', decision: 'allow', args });
  await log.close();
  assert.equal(record.argsPreview, '{"__proto__":{"polluted":true},"password":"[REDACTED]"}');
  assert.equal(({} as Record<string, unknown>)['polluted'], undefined);
  assert.equal((await verifyAudit(dir)).ok, true);
});
