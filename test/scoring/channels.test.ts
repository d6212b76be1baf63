import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { listVersions, promoteChannels, rollbackChannels } from '../../src/scoring/artifact.js';

const VERSIONS = ['v1', 'v2', 'v3'];

test('promote moves the candidate to active and remembers the old active for rollback', () => {
  const next = promoteChannels({ active: 'v1', candidate: 'v2' }, VERSIONS);
  assert.deepEqual(next, { active: 'v2', previous: ['v1'] });
  assert.deepEqual(rollbackChannels(next as { active: string }, VERSIONS), { active: 'v1', previous: [] });
});

test('promote of a named version keeps an unrelated candidate in shadow', () => {
  assert.deepEqual(promoteChannels({ active: 'v1', candidate: 'v2' }, VERSIONS, 'v3'), {
    active: 'v3',
    candidate: 'v2',
    previous: ['v1'],
  });
});

test('promote and rollback refuse impossible moves with a reason', () => {
  assert.match(String(promoteChannels({ active: 'v1' }, VERSIONS)), /no candidate/);
  assert.match(String(promoteChannels({ active: 'v1' }, VERSIONS, 'v9')), /does not exist/);
  assert.match(String(promoteChannels({ active: 'v1' }, VERSIONS, 'v1')), /already active/);
  assert.match(String(rollbackChannels({ active: 'v1', previous: [] }, VERSIONS)), /no previous version/);
});

test('versions are listed in natural order, directories only', (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'airlock-versions-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  for (const v of ['2026.11.26-10', '2026.11.26-9', '2026.11.26-1', '2026.11.25-3'])
    mkdirSync(join(dir, 'm', v), { recursive: true });
  writeFileSync(join(dir, 'm', 'channels.json'), '{}');
  assert.deepEqual(listVersions(dir, 'm'), ['2026.11.25-3', '2026.11.26-1', '2026.11.26-9', '2026.11.26-10']);
});
