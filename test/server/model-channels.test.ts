import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { run as modelCommand } from '../../src/cli/commands/model.js';
import { REPO, startTestServer, type TestServer } from '../helpers/server.js';

/** Whatever version the repository ships as active. */
const SHIPPED = (
  JSON.parse(readFileSync(join(REPO, 'models', 'prompt-injection', 'channels.json'), 'utf8')) as {
    active: string;
  }
).active;
let models: string;
let server: TestServer;

before(async () => {
  models = await mkdtemp(join(tmpdir(), 'airlock-models-'));
  await cp(join(REPO, 'models'), models, { recursive: true });
  await cp(join(models, 'prompt-injection', SHIPPED), join(models, 'prompt-injection', 'next'), {
    recursive: true,
  });
  const manifest = join(models, 'prompt-injection', 'next', 'model.json');
  await writeFile(
    manifest,
    (await readFile(manifest, 'utf8')).replace(`"version": "${SHIPPED}"`, '"version": "next"'),
  );
  // A version whose ONNX file no longer matches the digest pinned in its model.json.
  await cp(join(models, 'prompt-injection', SHIPPED), join(models, 'prompt-injection', 'tampered'), {
    recursive: true,
  });
  await writeFile(join(models, 'prompt-injection', 'tampered', 'model.onnx'), 'not the pinned bytes');
  server = await startTestServer({ models });
});
after(async () => {
  await server.close();
  await rm(models, { recursive: true, force: true });
});

async function activeSoon(expected: string): Promise<string | undefined> {
  const deadline = Date.now() + 10_000;
  let active: string | undefined;
  while (Date.now() < deadline) {
    active = server.runtime.scoring?.models().find((m) => m.name === 'prompt-injection')?.active;
    if (active === expected) return active;
    await new Promise((r) => setTimeout(r, 50));
  }
  return active;
}

test('`airlock model promote` switches the running server without a restart, and rollback switches back', async () => {
  const texts = ['How do I reset my password?'];
  assert.equal((await server.runtime.scoring!.score(texts))[0]!.version, SHIPPED);
  assert.equal(await modelCommand(['promote', 'prompt-injection', 'next', '--models', models]), 0);
  assert.equal(await activeSoon('next'), 'next');
  assert.equal((await server.runtime.scoring!.score(texts))[0]!.version, 'next');
  assert.equal(await modelCommand(['rollback', 'prompt-injection', '--models', models]), 0);
  assert.equal(await activeSoon(SHIPPED), SHIPPED);
});

test('a channel switch to a tampered version is refused and the previous version keeps serving', async () => {
  await writeFile(join(models, 'prompt-injection', 'channels.json'), JSON.stringify({ active: 'tampered' }));
  await new Promise((r) => setTimeout(r, 800));
  const info = server.runtime.scoring!.models().find((m) => m.name === 'prompt-injection');
  assert.equal(info?.active, SHIPPED);
  assert.equal((await server.runtime.scoring!.score(['hello there friend']))[0]!.version, SHIPPED);
});
