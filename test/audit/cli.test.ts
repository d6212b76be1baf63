import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import { test } from 'node:test';
import { listAuditFiles } from '../../src/audit/files.js';
import { openAuditLog } from '../../src/audit/index.js';
import { run } from '../../src/cli/commands/audit.js';
import { tempDir, toolCall } from './helpers.js';

async function cli(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await run(argv, {
    out: (text) => {
      out += text;
    },
    err: (text) => {
      err += text;
    },
  });
  return { code, out, err };
}

async function logWith(dir: string, count: number): Promise<void> {
  const log = await openAuditLog({ dir, maxFileBytes: 2048 });
  for (let index = 1; index <= count; index += 1) await log.append(toolCall(index));
  await log.close();
}

test('audit verify exits 0 with a summary on an intact chain', async (t) => {
  const dir = await tempDir(t);
  await logWith(dir, 12);
  const result = await cli(['verify', dir]);
  assert.equal(result.code, 0, result.err);
  assert.match(result.out, /^ok: 12 records in \d+ file\(s\), chain intact, head [0-9a-f]{64}\n$/);
});

test('audit verify exits 1 naming file, line, seq and reason of the first bad record', async (t) => {
  const dir = await tempDir(t);
  await logWith(dir, 12);
  const file = (await listAuditFiles(dir))[1]!;
  const lines = (await readFile(file, 'utf8')).split('\n');
  lines.splice(1, 1);
  await writeFile(file, lines.join('\n'));
  const result = await cli(['verify', dir]);
  assert.equal(result.code, 1);
  assert.match(result.err, new RegExp(`^ERR_AUDIT_CHAIN: ${file}:2: seq \\d+: prev hash does not match`));
  assert.match(result.err, /\[prev\]/);
});

test('audit query filters and prints one escaped line per record', async (t) => {
  const dir = await tempDir(t);
  const log = await openAuditLog({ dir });
  for (let index = 1; index <= 9; index += 1) await log.append(toolCall(index));
  await log.append(toolCall(10, { agent: 'evil', decision: 'deny', reason: 'bad \u001b[2Jclear' }));
  await log.close();
  const denies = await cli(['query', dir, '--decision', 'deny', '--limit', '2']);
  assert.equal(denies.code, 0, denies.err);
  const lines = denies.out.trim().split('\n');
  assert.equal(lines.length, 2);
  assert.match(lines[0]!, /#10 tool_call deny .*agent=evil .*bad \\u001b\[2Jclear/);
  assert.match(lines[1]!, /#9 tool_call deny/);
  assert.match(denies.err, /more with --cursor 9/);

  const json = await cli(['query', dir, '--agent', 'agent-1', '--tool', 'json_query', '--json']);
  const records = json.out
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line));
  assert.ok(records.length > 0 && records.every((r) => r.agent === 'agent-1' && r.tool === 'json_query'));
});

test('audit query refuses bad options with exit 2', async (t) => {
  const dir = await tempDir(t);
  assert.equal((await cli(['query', dir, '--decision', 'maybe'])).code, 2);
  assert.equal((await cli(['query', dir, '--since', 'not-a-time'])).code, 2);
  assert.equal((await cli(['query', dir, '--bogus'])).code, 2);
  assert.equal((await cli(['frobnicate'])).code, 2);
});

test('audit tail prints the last N oldest first and --follow picks up new records across rotation', async (t) => {
  const dir = await tempDir(t);
  await logWith(dir, 5);
  const last = await cli(['tail', dir, '-n', '2', '--json']);
  assert.deepEqual(
    last.out
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line).seq),
    [4, 5],
  );

  const controller = new AbortController();
  let out = '';
  const following = run(['tail', dir, '-n', '1', '--follow', '--json'], {
    out: (text) => {
      out += text;
    },
    err: () => undefined,
    signal: controller.signal,
  });
  const log = await openAuditLog({ dir, maxFileBytes: 2048 });
  for (let index = 6; index <= 15; index += 1) await log.append(toolCall(index));
  await log.close();
  const deadline = Date.now() + 20_000;
  while (!out.includes('"seq":15,') && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  controller.abort();
  assert.equal(await following, 0);
  const seqs = out
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line).seq);
  assert.deepEqual(
    seqs,
    Array.from({ length: 11 }, (_, index) => index + 5),
  );
});
