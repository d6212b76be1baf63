import type { AuditDecision, AuditEvent, AuditFilter } from '../../audit/index.js';
import { type ApiResult, fail, ok } from '../api-result.js';
import type { AdminContext } from '../context.js';
import type { Router } from '../router.js';

const DECISIONS: readonly AuditDecision[] = ['allow', 'deny', 'error', 'info'];

/** Newest first; `next` is the cursor for the following (older) page. Bad times and cursors are 400s. */
async function queryAudit(ctx: AdminContext): Promise<ApiResult> {
  const q = ctx.query;
  const filter: AuditFilter = {};
  for (const key of ['agent', 'tool', 'code', 'since', 'until', 'cursor'] as const) {
    const value = q.get(key);
    if (value) filter[key] = value;
  }
  const event = q.get('event');
  if (event) filter.event = event as AuditEvent;
  const decision = q.get('decision');
  if (decision) {
    if (!DECISIONS.includes(decision as AuditDecision)) {
      return fail('ERR_BAD_REQUEST', `decision must be one of ${DECISIONS.join(', ')}`);
    }
    filter.decision = decision as AuditDecision;
  }
  const limit = q.get('limit');
  if (limit) {
    if (!/^\d{1,4}$/.test(limit)) return fail('ERR_BAD_REQUEST', 'limit must be a whole number (1-1000)');
    filter.limit = Number(limit);
  }
  return ok(await ctx.runtime.audit.query(filter));
}

export function auditRoutes(router: Router): void {
  router.on('GET', '/api/audit', queryAudit);
}
