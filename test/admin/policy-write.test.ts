import assert from 'node:assert/strict';
import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, test } from 'node:test';
import {
  fileVersion,
  isPolicyName,
  PolicyHistory,
  rollbackPolicy,
  writePolicy,
} from '../../src/policy/index.js';

const A = 'version: 1\nagents:\n  alpha:\n    tools:\n      json_query: {}\n';
const B = 'version: 1\nagents:\n  beta:\n    tools: {}\n';

let dir: string;
let policies: string;
let history: PolicyHistory;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'airlock-policy-write-'));
  policies = join(dir, 'policies');
  await mkdir(policies);
  await writeFile(join(policies, 'a.yaml'), A, { mode: 0o640 });
  await writeFile(join(policies, 'b.yaml'), B);
  history = new PolicyHistory(join(dir, 'history'));
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const write = (text: string, expect: string, name = 'a') =>
  writePolicy({ dir: policies, history, name, text, expect, admin: 'alice' });

test('writePolicy refuses a stale version and leaves the file alone', async () => {
  const result = await write(A.replace('alpha', 'gamma'), '0123456789abcdef');
  assert.equal(result.ok, false);
  assert.equal(!result.ok && result.code, 'ERR_ADMIN_CONFLICT');
  assert.equal(!result.ok && result.current, fileVersion(A));
  assert.equal(await readFile(join(policies, 'a.yaml'), 'utf8'), A);
  assert.deepEqual(await history.list('a'), []);
});

test('writePolicy compiles the whole set: an agent defined in another file is refused at its line', async () => {
  const result = await write(`${A}  beta:\n    tools: {}\n`, fileVersion(A));
  assert.equal(result.ok, false);
  assert.ok(!result.ok);
  assert.equal(result.code, 'ERR_POLICY_INVALID');
  assert.deepEqual(
    result.errors?.map((e) => [e.file, e.line, e.column]),
    [['a.yaml', 6, 3]],
  );
  assert.equal(await readFile(join(policies, 'a.yaml'), 'utf8'), A);
});

test('writePolicy writes atomically, keeps the file mode, and records baseline then write', async () => {
  const next = A.replace('json_query: {}', 'json_query: { rate: 5/min }');
  const result = await write(next, fileVersion(A));
  assert.ok(result.ok);
  assert.equal(result.version, fileVersion(next));
  assert.equal(result.previousText, A);
  assert.equal(await readFile(join(policies, 'a.yaml'), 'utf8'), next);
  assert.equal((await stat(join(policies, 'a.yaml'))).mode & 0o777, 0o640);
  assert.deepEqual((await readdir(policies)).sort(), ['a.yaml', 'b.yaml']);
  const entries = await history.list('a');
  assert.deepEqual(
    entries.map((e) => [e.action, e.admin, e.version]),
    [
      ['write', 'alice', fileVersion(next)],
      ['baseline', 'airlock', fileVersion(A)],
    ],
  );
  assert.equal(await history.read('a', fileVersion(A)), A);
});

test('two writes from the same version: exactly one wins, the other gets a conflict', async () => {
  const results = await Promise.all([
    write(A.replace('alpha', 'one'), fileVersion(A)),
    write(A.replace('alpha', 'two'), fileVersion(A)),
  ]);
  assert.equal(results.filter((r) => r.ok).length, 1);
  const loser = results.find((r) => !r.ok);
  assert.equal(loser && !loser.ok && loser.code, 'ERR_ADMIN_CONFLICT');
  const winner = results.find((r) => r.ok);
  assert.equal(fileVersion(await readFile(join(policies, 'a.yaml'), 'utf8')), winner?.ok && winner.version);
});

test('creating needs the file to be absent; rollback restores stored bytes and refuses unknown versions', async () => {
  const created = await write('version: 1\n', 'absent', 'c');
  assert.ok(created.ok && created.created);
  const again = await write('version: 1\n', 'absent', 'c');
  assert.equal(!again.ok && again.code, 'ERR_ADMIN_CONFLICT');

  await write(A.replace('alpha', 'delta'), fileVersion(A));
  const back = await rollbackPolicy({
    dir: policies,
    history,
    name: 'a',
    version: fileVersion(A),
    expect: 'any',
    admin: 'bob',
  });
  assert.ok(back.ok);
  assert.equal(await readFile(join(policies, 'a.yaml'), 'utf8'), A);
  const [latest] = await history.list('a');
  assert.equal(latest?.action, 'rollback');
  assert.equal(latest?.restored, fileVersion(A));
  const missing = await rollbackPolicy({
    dir: policies,
    history,
    name: 'a',
    version: 'ffffffffffffffff',
    expect: 'any',
    admin: 'bob',
  });
  assert.equal(!missing.ok && missing.code, 'ERR_NOT_FOUND');
});

test('policy names never carry a path', () => {
  for (const name of ['a', 'team-1', 'prod.eu']) assert.equal(isPolicyName(name), true, name);
  for (const name of ['', '../a', 'a/b', '.a', 'a.', 'a\\b', 'a\0', 'x'.repeat(200)])
    assert.equal(isPolicyName(name), false, name);
});

test('a torn last history line is skipped', async () => {
  await write(A.replace('alpha', 'eps'), fileVersion(A));
  await writeFile(join(dir, 'history', 'a', 'index.jsonl'), '{"version":"tor', { flag: 'a' });
  assert.equal((await history.list('a')).length, 2);
});
