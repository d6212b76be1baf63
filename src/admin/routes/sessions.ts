import { type ApiResult, fail, ok } from '../api-result.js';
import type { AdminContext } from '../context.js';
import type { Router } from '../router.js';

/** Live agent sessions with their gate unlock state (ISO times; null when locked). */
function listSessions(ctx: AdminContext): ApiResult {
  const { runtime } = ctx;
  const now = Date.now();
  const sessions = [...(runtime.http?.sessions.values() ?? [])].map((session) => {
    const until = runtime.gate.unlocks.expiresAt(session.id, session.agent);
    return {
      session: session.id,
      agent: session.agent,
      createdAt: new Date(session.createdAt).toISOString(),
      lastSeen: new Date(session.lastSeen).toISOString(),
      gated: runtime.policies.current.agents.get(session.agent)?.prescore !== undefined,
      unlockedUntil: until !== undefined && until > now ? new Date(until).toISOString() : null,
    };
  });
  return ok({ sessions, revoked: runtime.identity.revokedList() });
}

/** Revocation applies to the very next request: every request re-verifies its token. */
async function revoke(ctx: AdminContext): Promise<ApiResult> {
  const body = await ctx.json();
  const agent = typeof body['agent'] === 'string' && body['agent'] !== '' ? body['agent'] : undefined;
  const jti = typeof body['jti'] === 'string' && body['jti'] !== '' ? body['jti'] : undefined;
  if ((agent === undefined) === (jti === undefined)) {
    return fail('ERR_BAD_REQUEST', 'expected exactly one of { "agent": "<id>" } or { "jti": "<token id>" }');
  }
  const what = agent !== undefined ? { agent } : { jti: jti! };
  await ctx.runtime.revoke(what);
  if (agent !== undefined) {
    // Drop unlocks at once so a re-admitted agent starts locked.
    for (const unlock of ctx.runtime.gate.unlocks.list()) {
      if (unlock.agent === agent) ctx.runtime.gate.unlocks.relock(unlock.session, unlock.agent);
    }
  }
  await ctx.runtime.pipeline.recordEvent({
    event: 'admin_change',
    decision: 'allow',
    code: 'OK',
    reason: agent !== undefined ? `revoke agent ${agent}` : `revoke token ${jti}`,
    admin: ctx.admin.agent,
    jti: ctx.admin.jti,
    extra: { revoke: what },
  });
  return ok({ revoked: what, list: ctx.runtime.identity.revokedList() });
}

function whoami(ctx: AdminContext): ApiResult {
  return ok({
    agent: ctx.admin.agent,
    scopes: ctx.admin.scopes,
    expiresAt: new Date(ctx.admin.expiresAt * 1000).toISOString(),
  });
}

export function sessionRoutes(router: Router): void {
  router
    .on('GET', '/api/sessions', listSessions)
    .on('POST', '/api/revoke', revoke)
    .on('GET', '/api/whoami', whoami);
}
