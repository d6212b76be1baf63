#!/usr/bin/env node
// Re-exec under the flags isolated-vm needs (--no-node-snapshot) and the tsx loader, then run the CLI.
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const main = join(root, 'src', 'cli', 'main.ts');
const tsx = import.meta.resolve('tsx');
const result = spawnSync(
  process.execPath,
  ['--no-node-snapshot', '--import', tsx, main, ...process.argv.slice(2)],
  { stdio: 'inherit' },
);
process.exit(result.status ?? 1);
