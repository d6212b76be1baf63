import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { ERROR_CODES } from '../../src/errors.js';

const doc = readFileSync(join(import.meta.dirname, '..', '..', 'docs', 'errors.md'), 'utf8');

test('every error code in src/errors.ts is documented in docs/errors.md, and no documented code is stale', () => {
  const documented = new Set([...doc.matchAll(/^\| `(ERR_[A-Z_]+)` \|/gm)].map((m) => m[1]));
  const defined = new Set(Object.keys(ERROR_CODES));
  assert.deepEqual(
    [...defined].filter((c) => !documented.has(c)),
    [],
    'undocumented codes',
  );
  assert.deepEqual(
    [...documented].filter((c) => !defined.has(c as string)),
    [],
    'documented but not defined',
  );
});

test('every ERR_ code used anywhere in src/ is defined', () => {
  const used = execFileSync(
    'grep',
    ['-rhoE', "'ERR_[A-Z_]+'", join(import.meta.dirname, '..', '..', 'src')],
    { encoding: 'utf8' },
  );
  const codes = new Set(
    used
      .split('\n')
      .filter(Boolean)
      .map((s) => s.slice(1, -1)),
  );
  // Node's own codes (parseArgs' ERR_PARSE_ARGS_*) are matched by prefix in the CLI, not raised by Airlock.
  const unknown = [...codes].filter((c) => !(c in ERROR_CODES) && !c.startsWith('ERR_PARSE_ARGS'));
  assert.deepEqual(unknown, []);
});
