import assert from 'node:assert/strict';
import { test } from 'node:test';
import { unifiedDiff } from '../../src/admin/diff.js';

const names = { fromName: 'a/p.yaml', toName: 'b/p.yaml' };
const lines = (count: number) => Array.from({ length: count }, (_, i) => `line ${i + 1}`);

test('unifiedDiff is empty for equal texts', () => {
  assert.equal(unifiedDiff({ before: 'a\nb\n', after: 'a\nb\n', ...names }), '');
});

test('unifiedDiff prints one hunk with three lines of context, as diff -u does', () => {
  const before = `${lines(10).join('\n')}\n`;
  const after = before.replace('line 5\n', 'line 5\nnew line\n').replace('line 7\n', '');
  assert.equal(
    unifiedDiff({ before, after, ...names }),
    [
      '--- a/p.yaml',
      '+++ b/p.yaml',
      '@@ -3,8 +3,8 @@',
      ' line 3',
      ' line 4',
      ' line 5',
      '+new line',
      ' line 6',
      '-line 7',
      ' line 8',
      ' line 9',
      ' line 10',
      '',
    ].join('\n'),
  );
});

test('unifiedDiff splits changes far apart into separate hunks', () => {
  const before = `${lines(20).join('\n')}\n`;
  const after = before.replace('line 2\n', 'line two\n').replace('line 18\n', 'line eighteen\n');
  const diff = unifiedDiff({ before, after, ...names });
  assert.deepEqual(
    diff.split('\n').filter((l) => l.startsWith('@@')),
    ['@@ -1,5 +1,5 @@', '@@ -15,6 +15,6 @@'],
  );
});

test('unifiedDiff of a new file counts from /dev/null', () => {
  assert.equal(
    unifiedDiff({ before: '', after: 'version: 1\n', fromName: '/dev/null', toName: 'b/new.yaml' }),
    '--- /dev/null\n+++ b/new.yaml\n@@ -0,0 +1 @@\n+version: 1\n',
  );
});

test('unifiedDiff cuts long output at maxChars with a marker', () => {
  const diff = unifiedDiff({ before: '', after: `${lines(500).join('\n')}\n`, ...names, maxChars: 300 });
  assert.ok(diff.length <= 300);
  assert.match(diff, /diff cut at 300 characters\n$/);
});
