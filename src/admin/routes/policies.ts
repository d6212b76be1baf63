import {
  checkDraft,
  isPolicyName,
  listPolicyFiles,
  readPolicyFile,
  rollbackPolicy,
  type WritePolicyResult,
  writePolicy,
} from '../../policy/index.js';
import { type ApiResult, fail, ok } from '../api-result.js';
import type { AdminContext } from '../context.js';
import { unifiedDiff } from '../diff.js';
import type { Router } from '../router.js';

/** Audit records keep diffs readable but bounded. */
const AUDIT_DIFF_CHARS = 16 * 1024;

function etag(version: string): Record<string, string> {
  return { etag: `"${version}"` };
}

/** If-Match may come quoted (an ETag) or bare (the CLI); weak validators are not accepted for writes. */
function headerVersion(value: string | string[] | undefined): string | undefined {
  const text = Array.isArray(value) ? value[0] : value;
  if (text === undefined || text.trim() === '') return undefined;
  return text.trim().replace(/^"(.*)"$/, '$1');
}

function policyName(ctx: AdminContext): string | ApiResult {
  const name = ctx.params['name'] ?? '';
  return isPolicyName(name)
    ? name
    : fail('ERR_BAD_REQUEST', `invalid policy name "${name}" (the file name without .yaml)`);
}

async function listPolicies(ctx: AdminContext): Promise<ApiResult> {
  const set = ctx.runtime.policies.current;
  const files = await listPolicyFiles(ctx.runtime.policies.dir);
  return ok({
    setVersion: set.version,
    policies: files.map(({ name, file, version, bytes }) => ({
      name,
      file,
      version,
      bytes,
      agents: [...set.agents.values()].filter((agent) => agent.file === file).map((agent) => agent.id),
    })),
  });
}

async function getPolicy(ctx: AdminContext): Promise<ApiResult> {
  const name = policyName(ctx);
  if (typeof name !== 'string') return name;
  const found = await readPolicyFile(ctx.runtime.policies.dir, name);
  if (!found) return fail('ERR_NOT_FOUND', `no policy file named "${name}"`);
  return ok(found, 200, etag(found.version));
}

/** PUT takes `{ text, message? }` as JSON or the raw YAML as the body. */
async function draftFrom(ctx: AdminContext): Promise<{ text: string; message: string } | ApiResult> {
  const type = String(ctx.req.headers['content-type'] ?? '');
  if (!type.includes('json')) return { text: (await ctx.body()).toString('utf8'), message: '' };
  const body = await ctx.json();
  if (typeof body['text'] !== 'string')
    return fail('ERR_BAD_REQUEST', 'expected a JSON body { "text": "<yaml>" }');
  return { text: body['text'], message: typeof body['message'] === 'string' ? body['message'] : '' };
}

async function putPolicy(ctx: AdminContext): Promise<ApiResult> {
  const name = policyName(ctx);
  if (typeof name !== 'string') return name;
  const draft = await draftFrom(ctx);
  if ('status' in draft) return draft;
  const ifMatch = headerVersion(ctx.req.headers['if-match']);
  const createOnly = headerVersion(ctx.req.headers['if-none-match']) === '*';
  if (ifMatch === undefined && !createOnly) {
    return fail(
      'ERR_ADMIN_CONFLICT',
      'If-Match: <version> is required (or If-None-Match: * to create a new file)',
      {
        status: 428,
      },
    );
  }
  const result = await writePolicy({
    dir: ctx.runtime.policies.dir,
    history: ctx.history,
    name,
    text: draft.text,
    expect: ifMatch ?? 'absent',
    admin: ctx.admin.agent,
    message: draft.message,
  });
  return applied(ctx, { name, text: draft.text, result, action: 'write' });
}

async function rollback(ctx: AdminContext): Promise<ApiResult> {
  const name = policyName(ctx);
  if (typeof name !== 'string') return name;
  const body = await ctx.json();
  const version = body['version'];
  if (typeof version !== 'string' || version === '')
    return fail('ERR_BAD_REQUEST', 'expected { "version": "<version>" }');
  const result = await rollbackPolicy({
    dir: ctx.runtime.policies.dir,
    history: ctx.history,
    name,
    version,
    expect: headerVersion(ctx.req.headers['if-match']) ?? 'any',
    admin: ctx.admin.agent,
    message: typeof body['message'] === 'string' ? body['message'] : '',
  });
  if (!result.ok && result.code === 'ERR_NOT_FOUND') return fail(result.code, result.reason);
  const text = (await ctx.history.read(name, version)) ?? '';
  return applied(ctx, {
    name,
    text,
    result: result as WritePolicyResult,
    action: 'rollback',
    restored: version,
  });
}

/** Audits the outcome (refusals too), reloads the live set after a write, and shapes the reply. */
async function applied(
  ctx: AdminContext,
  opts: {
    name: string;
    text: string;
    result: WritePolicyResult;
    action: 'write' | 'rollback';
    restored?: string;
  },
): Promise<ApiResult> {
  const { result } = opts;
  const extra = {
    policy: opts.name,
    action: opts.action,
    ...(opts.restored ? { restored: opts.restored } : {}),
  };
  if (!result.ok) {
    await ctx.runtime.pipeline.recordEvent({
      event: 'admin_change',
      decision: 'deny',
      code: result.code,
      reason: result.reason,
      admin: ctx.admin.agent,
      jti: ctx.admin.jti,
      extra,
    });
    const details: Record<string, unknown> = {};
    if (result.errors) details['errors'] = result.errors;
    if (result.code === 'ERR_ADMIN_CONFLICT') details['current'] = result.current ?? null;
    return fail(result.code, result.reason, { details });
  }
  if (result.unchanged) {
    return ok({ ...summary(result), reload: null, diff: '' }, 200, etag(result.version));
  }
  const diff = unifiedDiff({
    before: result.previousText,
    after: opts.text,
    fromName: result.created ? '/dev/null' : `a/${result.file}`,
    toName: `b/${result.file}`,
  });
  const reload = await ctx.runtime.policies.reload();
  await ctx.runtime.pipeline.recordEvent({
    event: 'admin_change',
    decision: 'allow',
    code: 'OK',
    reason: `${opts.action} ${result.file} ${result.previousVersion ?? '(new)'} -> ${result.version}`,
    admin: ctx.admin.agent,
    jti: ctx.admin.jti,
    diff: capped(diff),
    policyVersion: reload.version,
    extra: { ...extra, version: result.version, previous: result.previousVersion ?? null },
  });
  return ok({ ...summary(result), reload, diff }, result.created ? 201 : 200, etag(result.version));
}

function summary(result: Extract<WritePolicyResult, { ok: true }>) {
  return {
    name: result.name,
    file: result.file,
    version: result.version,
    previous: result.previousVersion ?? null,
    created: result.created,
    unchanged: result.unchanged,
  };
}

function capped(diff: string): string {
  return diff.length <= AUDIT_DIFF_CHARS
    ? diff
    : `${diff.slice(0, AUDIT_DIFF_CHARS)}\n... diff cut at ${AUDIT_DIFF_CHARS} characters\n`;
}

/** Validates a draft against the whole set it would join; with a name, also diffs it against the live file. */
async function validate(ctx: AdminContext): Promise<ApiResult> {
  const body = await ctx.json();
  const text = body['text'];
  if (typeof text !== 'string')
    return fail('ERR_BAD_REQUEST', 'expected { "name"?: "<name>", "text": "<yaml>" }');
  const name = typeof body['name'] === 'string' && body['name'] !== '' ? body['name'] : undefined;
  if (name !== undefined && !isPolicyName(name))
    return fail('ERR_BAD_REQUEST', `invalid policy name "${name}"`);
  const live = await listPolicyFiles(ctx.runtime.policies.dir);
  const current = name === undefined ? undefined : live.find((info) => info.name === name);
  const file = current?.file ?? `${name ?? 'draft'}.yaml`;
  const checked = checkDraft({ others: live, file, text });
  const diff = unifiedDiff({
    before: current?.text ?? '',
    after: text,
    fromName: current ? `a/${file}` : '/dev/null',
    toName: `b/${file}`,
  });
  return ok({
    ok: checked.ok,
    errors: checked.ok ? [] : checked.errors,
    file,
    live: current?.version ?? null,
    diff,
  });
}

async function history(ctx: AdminContext): Promise<ApiResult> {
  const name = policyName(ctx);
  if (typeof name !== 'string') return name;
  const [versions, current] = await Promise.all([
    ctx.history.list(name),
    readPolicyFile(ctx.runtime.policies.dir, name),
  ]);
  if (!current && versions.length === 0)
    return fail('ERR_NOT_FOUND', `no policy file or history named "${name}"`);
  return ok({ name, current: current?.version ?? null, versions });
}

async function storedVersion(ctx: AdminContext): Promise<ApiResult> {
  const name = policyName(ctx);
  if (typeof name !== 'string') return name;
  const version = ctx.params['version'] ?? '';
  const text = await ctx.history.read(name, version);
  if (text === undefined) return fail('ERR_NOT_FOUND', `policy "${name}" has no stored version ${version}`);
  return ok({ name, version, text }, 200, etag(version));
}

export function policyRoutes(router: Router): void {
  router
    .on('GET', '/api/policies', listPolicies)
    .on('POST', '/api/policies/validate', validate)
    .on('GET', '/api/policies/:name', getPolicy)
    .on('PUT', '/api/policies/:name', putPolicy)
    .on('GET', '/api/policies/:name/history', history)
    .on('GET', '/api/policies/:name/versions/:version', storedVersion)
    .on('POST', '/api/policies/:name/rollback', rollback);
}
