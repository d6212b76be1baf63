import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import {
  authorizeModel,
  authorizeTool,
  compileSources,
  effectiveLimits,
  explainTool,
  isGated,
  PolicyStore,
  parsePolicyText,
} from '../../src/policy/index.js';
import { POLICY_TYPO_VECTORS } from '../vectors/policy-typos.js';

const POLICY = `version: 1
agents:
  support-bot:
    tools:
      http_get:
        egress: ["https://api.example.com/v1/**"]
        limits: { timeoutMs: 1000, memoryMb: 16 }
        rate: 30/min
      json_query: {}
    models: [prompt-injection]
    prescore: { model: prompt-injection, blockAbove: 0.8, unlockFor: 10m, tools: [http_get] }
    secrets: { EXAMPLE_TOKEN: { from: env, name: SUPPORT_EXAMPLE_TOKEN, hosts: [api.example.com] } }
    limits: { callsPerMinute: 120, concurrent: 4 }
`;

function compile(files: Record<string, string>) {
  const result = compileSources(
    Object.entries(files).map(([file, text]) => ({ file, text })),
    'policies',
  );
  if (!result.ok) throw new Error(result.errors.join('\n'));
  return result.set;
}

describe('evaluate (pure decisions)', () => {
  const set = compile({ 'a.yaml': POLICY });

  test('authorizeTool allows a granted tool and returns the grant', () => {
    const decision = authorizeTool(set, 'support-bot', 'http_get');
    assert.equal(decision.ok, true);
    assert.equal(decision.ok && decision.grant.rate?.count, 30);
  });

  test('authorizeTool denies a tool the agent was not granted', () => {
    const decision = authorizeTool(set, 'support-bot', 'run_javascript');
    assert.deepEqual(decision.ok ? {} : { code: decision.code }, { code: 'ERR_POLICY_DENIED' });
  });

  test('authorizeTool denies an agent absent from every policy (deny by default)', () => {
    const decision = authorizeTool(set, 'nobody', 'json_query');
    assert.equal(decision.ok, false);
    assert.match(decision.ok ? '' : decision.reason, /no policy/);
  });

  test('authorizeModel only allows the models listed for the agent', () => {
    assert.equal(authorizeModel(set, 'support-bot', 'prompt-injection').ok, true);
    assert.equal(authorizeModel(set, 'support-bot', 'other-model').ok, false);
  });

  test('effectiveLimits lets a grant tighten the manifest but never loosen it', () => {
    const manifest = { timeoutMs: 5000, memoryMb: 64, maxOutputBytes: 1000, maxHostCalls: 10 };
    assert.deepEqual(effectiveLimits(manifest, { timeoutMs: 1000, memoryMb: 128 }), {
      timeoutMs: 1000,
      memoryMb: 64,
      maxOutputBytes: 1000,
      maxHostCalls: 10,
    });
  });

  test('isGated follows prescore.tools', () => {
    const agent = set.agents.get('support-bot')!;
    assert.equal(isGated(agent, 'http_get'), true);
    assert.equal(isGated(agent, 'json_query'), false);
  });

  test('a grant without egress patterns compiles to no network', () => {
    assert.deepEqual(set.agents.get('support-bot')!.tools.get('json_query')!.egress, []);
  });

  test('explainTool lists every bound secret for a secretsFromGrant tool', () => {
    const manifest = {
      egress: [],
      egressFromGrant: true,
      secretsFromGrant: true,
      limits: { timeoutMs: 5000, memoryMb: 64, maxOutputBytes: 1000, maxHostCalls: 10 },
      secrets: [],
    };
    const lines = explainTool(set, 'support-bot', 'http_get', manifest).lines.join('\n');
    assert.match(lines, /EXAMPLE_TOKEN -> \[api\.example\.com\]/);
    assert.match(
      lines,
      /must match the grant \[https:\/\/api\.example\.com\/v1\/\*\*\] and resolve to public addresses/,
    );
  });

  test('explainTool says why, with effective limits and egress', () => {
    const manifest = {
      egress: ['https://**'],
      limits: { timeoutMs: 5000, memoryMb: 64, maxOutputBytes: 1000, maxHostCalls: 10 },
      secrets: ['EXAMPLE_TOKEN'],
    };
    const allowed = explainTool(set, 'support-bot', 'http_get', manifest);
    assert.equal(allowed.allowed, true);
    assert.match(allowed.lines.join('\n'), /timeout 1000 ms, memory 16 MB/);
    assert.match(allowed.lines.join('\n'), /EXAMPLE_TOKEN -> \[api\.example\.com\]/);
    const denied = explainTool(set, 'support-bot', 'run_javascript', manifest);
    assert.equal(denied.allowed, false);
    assert.match(denied.lines.join('\n'), /is granted: http_get, json_query/);
  });
});

describe('validation errors name file:line:column', () => {
  for (const vector of POLICY_TYPO_VECTORS) {
    test(`refuses ${vector.name}`, () => {
      const result = parsePolicyText(vector.yaml, 'policies/x.yaml');
      assert.equal(result.ok, false);
      const first = result.ok ? undefined : result.errors[0];
      assert.ok(first, 'an error is reported');
      assert.equal(first.file, 'policies/x.yaml');
      assert.equal(first.line, vector.line, `${first.line}:${first.column} ${first.message}`);
      assert.match(first.message, vector.message);
    });
  }

  test('an agent defined in two files is refused, naming both files', () => {
    const result = compileSources([
      { file: 'a.yaml', text: 'version: 1\nagents:\n  bot: { tools: { json_query: {} } }\n' },
      { file: 'b.yaml', text: 'version: 1\nagents:\n  bot: { tools: { run_javascript: {} } }\n' },
    ]);
    assert.equal(result.ok, false);
    assert.match(result.ok ? '' : result.reason, /b\.yaml: agent "bot" is already defined in a\.yaml/);
  });

  test('the version is a content digest: same bytes same version, any edit a new one', () => {
    const a = compile({ 'a.yaml': POLICY }).version;
    assert.equal(compile({ 'a.yaml': POLICY }).version, a);
    assert.notEqual(compile({ 'a.yaml': `${POLICY}\n` }).version, a);
  });
});

describe('PolicyStore', () => {
  test('an invalid reload is refused and the previous set keeps serving; a valid one swaps atomically', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'airlock-policy-'));
    try {
      await writeFile(join(dir, 'a.yaml'), POLICY);
      const store = await PolicyStore.open(dir);
      const first = store.current;
      const outcomes: boolean[] = [];
      store.onReload((o) => outcomes.push(o.ok));
      await writeFile(join(dir, 'a.yaml'), `${POLICY}    bogus: 1\n`);
      const refused = await store.reload();
      assert.equal(refused.ok, false);
      assert.equal(store.current, first);
      await writeFile(join(dir, 'a.yaml'), POLICY.replace('json_query: {}', 'json_query: { rate: 1/s }'));
      const swapped = await store.reload();
      assert.equal(swapped.ok, true);
      assert.notEqual(store.current.version, first.version);
      assert.deepEqual(outcomes, [false, true]);
      store.close();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  test('open() refuses to start on an invalid folder', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'airlock-policy-'));
    try {
      await writeFile(join(dir, 'a.yaml'), 'version: 1\nagents:\n  bot:\n    toolz: {}\n');
      await assert.rejects(PolicyStore.open(dir), /a\.yaml:4:5: .*toolz/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  test('the shipped example policies validate', async () => {
    const store = await PolicyStore.open(join(import.meta.dirname, '..', '..', 'policies'));
    assert.ok(store.current.agents.has('support-bot'));
    store.close();
  });
});
