import { type ApiResult, fail, ok } from '../api-result.js';
import type { AdminContext } from '../context.js';
import type { Router } from '../router.js';

function listModels(ctx: AdminContext): ApiResult {
  const scoring = ctx.runtime.scoring;
  if (!scoring) return ok({ models: [], shadow: [] });
  return ok({ models: scoring.models(), shadow: scoring.shadowStats() });
}

/** Promote or roll back a model's channels without restart; audited as a model_change by this admin. */
function channelChange(action: 'promote' | 'rollback') {
  return async (ctx: AdminContext): Promise<ApiResult> => {
    const scoring = ctx.runtime.scoring;
    if (!scoring) return fail('ERR_SCORING_UNAVAILABLE', 'no models are loaded');
    const name = ctx.params['name'] ?? '';
    const body = await ctx.json();
    const version = body['version'];
    if (version !== undefined && typeof version !== 'string')
      return fail('ERR_BAD_REQUEST', 'version must be a string');
    const before = scoring.models().find((model) => model.name === name);
    if (!before) return fail('ERR_NOT_FOUND', `no model named "${name}"`);
    try {
      const after = await scoring[action](name, version);
      await ctx.runtime.pipeline.recordEvent({
        event: 'model_change',
        decision: 'allow',
        code: 'OK',
        reason: `${action} ${name}: active ${before.active} -> ${after.active}`,
        admin: ctx.admin.agent,
        jti: ctx.admin.jti,
        extra: {
          model: name,
          action,
          before: { active: before.active, candidate: before.candidate ?? null },
        },
      });
      return ok({ model: after, previous: before });
    } catch (error) {
      const code = (error as { code?: string }).code ?? 'ERR_INTERNAL';
      await ctx.runtime.pipeline.recordEvent({
        event: 'model_change',
        decision: 'deny',
        code,
        reason: `${action} ${name}: ${(error as Error).message}`,
        admin: ctx.admin.agent,
        jti: ctx.admin.jti,
      });
      throw error;
    }
  };
}

export function modelRoutes(router: Router): void {
  router
    .on('GET', '/api/models', listModels)
    .on('POST', '/api/models/:name/promote', channelChange('promote'))
    .on('POST', '/api/models/:name/rollback', channelChange('rollback'));
}
