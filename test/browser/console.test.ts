import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { type Browser, chromium, type Locator, type Page } from 'playwright-core';
import { type AdminTestServer, startAdminServer } from '../admin/helpers.js';
import { REPO, TEST_POLICY } from '../helpers/server.js';

/** The shared test set plus an agent with egress, secrets and a gate, so the grants view has something to show. */
const POLICY = `${TEST_POLICY}  support-bot:
    tools:
      http_get:
        egress: ["https://api.example.com/v1/**"]
        limits: { timeoutMs: 5000 }
        rate: 30/min
      json_query: {}
    models: [prompt-injection]
    prescore: { model: prompt-injection, blockAbove: 0.5, unlockFor: 10m }
    secrets:
      EXAMPLE_TOKEN: { from: env, name: SUPPORT_EXAMPLE_TOKEN, hosts: [api.example.com] }
    limits: { callsPerMinute: 120, concurrent: 4 }
`;

const CHROMIUM = '/usr/bin/chromium';
const SHOTS = process.env['AIRLOCK_SCREENSHOTS'] === '1' ? join(REPO, 'docs', 'screenshots') : undefined;
const skip = existsSync(CHROMIUM)
  ? false
  : `${CHROMIUM} is missing (apt-get install -y chromium) — browser test skipped`;

async function toolNames(client: Client): Promise<string[]> {
  return (await client.listTools()).tools.map((tool) => tool.name).sort();
}

/** Polls a field's value (the page's CSP forbids the string-eval form of waitForFunction). */
async function waitForValue(field: Locator, text: string): Promise<void> {
  for (let attempt = 0; attempt < 200; attempt++) {
    if ((await field.inputValue()).includes(text)) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`the field never contained "${text}"`);
}

async function shot(page: Page, name: string): Promise<void> {
  if (!SHOTS) return;
  // The toast is transient; keep it out of the documentation pictures.
  await page
    .locator('#toast')
    .evaluate((node: { classList: { remove(name: string): void } }) => node.classList.remove('show'));
  await page.waitForTimeout(300);
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
}

describe('policy console in headless Chromium', { skip }, () => {
  let server: AdminTestServer;
  let browser: Browser;
  let page: Page;
  let reader: Client;

  before(async () => {
    if (SHOTS) await mkdir(SHOTS, { recursive: true });
    server = await startAdminServer({ policy: POLICY });
    reader = await server.connect('reader');
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--no-first-run',
      ],
    });
    page = await browser.newPage({ viewport: { width: 1360, height: 900 } });
  });

  after(async () => {
    await browser?.close();
    await server?.close();
  });

  test('sign in, see an error pinned to its line, fix and save, tools change over MCP, roll back', async () => {
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    // Refused requests (403, 412) are logged by the browser itself; anything else (CSP, script errors) is a bug.
    page.on('console', (message) => {
      if (message.type() === 'error' && !message.text().startsWith('Failed to load resource'))
        errors.push(message.text());
    });

    assert.deepEqual(await toolNames(reader), ['json_query']);

    // Sign in: an agent token is refused, the admin token is accepted.
    await page.goto(`${server.admin.url}/`);
    await page.locator('#signin-token').fill(await server.mint('reader'));
    await page.keyboard.press('Enter');
    await page.locator('#signin-form button[type=submit]').click();
    await page
      .locator('#signin-error')
      .filter({ hasText: 'ERR_AUTH_SCOPE' })
      .or(page.locator('#signin-error').filter({ hasText: 'airlock:admin' }))
      .waitFor();
    await shot(page, 'sign-in');
    await page.locator('#signin-token').fill(server.adminToken);
    await page.locator('#signin-form button[type=submit]').click();
    await page.locator('#who-name', { hasText: 'alice-admin' }).waitFor();

    // The first policy file opens in the editor.
    const source = page.locator('#source');
    await waitForValue(page.locator('#source'), 'reader:');
    const live = await source.inputValue();
    assert.equal(live, await server.policyBytes());
    const originalVersion = (await page.locator('#editor-version').textContent())!.trim();

    // An edit with a typo: the error is pinned to the line of the bad key.
    const marker = '  reader:\n    tools:\n      json_query: {}\n';
    assert.ok(live.includes(marker));
    const broken = live.replace(marker, `${marker}      run_javascript: { limits: { timeoutMz: 500 } }\n`);
    const badLine = broken.split('\n').findIndex((line) => line.includes('timeoutMz')) + 1;
    await source.fill(broken);
    const pinned = page.locator(`#gutter .ln.error[data-line="${badLine}"]`);
    await pinned.waitFor();
    assert.match((await pinned.getAttribute('title')) ?? '', /timeoutMz/);
    const listed = page.locator('#errors li', { hasText: `test.yaml:${badLine}:` });
    await listed.waitFor();
    await page.locator('#editor-status', { hasText: '1 error' }).waitFor();
    await listed.locator('button').click();
    const caretLine = await source.evaluate(
      (node: { value: string; selectionStart: number }) =>
        node.value.slice(0, node.selectionStart).split('\n').length,
    );
    assert.equal(caretLine, badLine, 'clicking the error puts the caret on its line');
    await shot(page, 'policy-editor-error');

    // Saving an invalid draft is not possible; the live file is unchanged.
    await page.keyboard.press('Control+s');
    await page.locator('#review').waitFor();
    assert.equal(await page.locator('#save-button').isDisabled(), true);
    assert.equal(await server.policyBytes(), live);

    // Fix, review the diff (Ctrl+S), save (Ctrl+S again).
    const fixed = broken.replace('timeoutMz', 'timeoutMs');
    await source.fill(fixed);
    await page.locator('#editor-status', { hasText: '✓ valid' }).waitFor();
    await source.focus();
    await page.keyboard.press('Control+s');
    await page.locator('#review-diff .d-add', { hasText: 'run_javascript' }).waitFor();
    assert.equal(await page.locator('#save-button').isDisabled(), false);
    await page.locator('#save-message').fill('let the reader run code');
    await shot(page, 'policy-review-diff');
    await page.keyboard.press('Control+s');
    await page.locator('#toast', { hasText: 'Saved test.yaml' }).waitFor();
    assert.equal(await server.policyBytes(), fixed);
    assert.deepEqual(
      await toolNames(reader),
      ['json_query', 'run_javascript'],
      'the agent sees the new tool over MCP',
    );

    // Another admin saves first: this console's save is refused with 412 and offers a reload.
    const theirs = await server.api('GET', '/api/policies/test');
    const other = await server.api('PUT', '/api/policies/test', {
      body: { text: `${theirs.body.text}# reviewed by bob\n` },
      headers: { 'if-match': theirs.body.version },
    });
    assert.equal(other.status, 200);
    await source.fill(`${fixed}# my note\n`);
    await page.locator('#editor-status', { hasText: '✓ valid' }).waitFor();
    await page.keyboard.press('Control+s');
    await page.locator('#review').waitFor();
    await page.locator('#save-button').click();
    await page.locator('#conflict', { hasText: 'changed by someone else' }).waitFor();
    assert.match(
      await server.policyBytes(),
      /# reviewed by bob\n$/,
      "the other admin's write was not overwritten",
    );
    await shot(page, 'policy-conflict');
    await page.locator('#conflict-reload').click();
    await waitForValue(page.locator('#source'), 'reviewed by bob');

    // History lists every version; roll back to the original one.
    await page.locator('#history-button').click();
    const row = page.locator('#history-rows tr', { hasText: originalVersion });
    await row.waitFor();
    assert.ok((await page.locator('#history-rows tr').count()) >= 3);
    await row.locator('button', { hasText: 'Diff vs live' }).click();
    await page.locator('#history-diff .d-del', { hasText: 'run_javascript' }).waitFor();
    await shot(page, 'policy-history');
    await row.locator('button', { hasText: 'Roll back' }).click();
    await row.locator('button', { hasText: 'Confirm rollback' }).click();
    await page.locator('#toast', { hasText: 'Rolled back test.yaml' }).waitFor();
    assert.equal(await server.policyBytes(), live);
    assert.deepEqual(await toolNames(reader), ['json_query'], 'after rollback the agent lost the tool again');

    // A few calls so the audit view has allow and deny rows.
    await reader.callTool({ name: 'json_query', arguments: { json: { a: 1 }, query: '.a' } });
    await reader.callTool({ name: 'run_javascript', arguments: { code: '1' } }).catch(() => undefined);

    // Agent view: effective grants.
    await page.locator('#nav a[data-view=agents]').click();
    await page.locator('#agent-list button', { hasText: 'support-bot' }).click();
    await page.locator('#grants-rows tr', { hasText: 'api.example.com' }).waitFor();
    await page.locator('#explain-tool').fill('http_get');
    await page.locator('#explain-form button').click();
    await page.locator('#explain-out', { hasText: 'ALLOW' }).waitFor();
    await shot(page, 'agents');

    // Audit view: newest first, admin changes present, decisions coloured.
    await page.locator('#nav a[data-view=audit]').click();
    await page.locator('#audit-rows tr', { hasText: 'admin_change' }).first().waitFor();
    const seqs = await page.locator('#audit-rows tr td:nth-child(2)').allTextContents();
    const numbers = seqs.map(Number);
    assert.deepEqual(
      numbers,
      [...numbers].sort((a, b) => b - a),
      'newest first',
    );
    assert.ok((await page.locator('#audit-rows .pill.deny').count()) > 0);
    assert.ok((await page.locator('#audit-rows .pill.allow').count()) > 0);
    await shot(page, 'audit');

    await page.locator('#nav a[data-view=models]').click();
    await page.locator('#model-rows tr').first().waitFor();
    // Both bars of the active version: prompts, then documents (fetched and retrieved text).
    assert.match(
      (await page.locator('#model-rows tr').first().locator('td').nth(4).textContent()) ?? '',
      /^0\.\d{3} \/ 0\.\d{3}$/,
    );
    await shot(page, 'models');

    await page.locator('#nav a[data-view=sessions]').click();
    await page.locator('#session-rows tr', { hasText: 'reader' }).waitFor();
    await shot(page, 'sessions');

    assert.deepEqual(errors, [], 'no script errors or CSP violations in the page');
  });
});
