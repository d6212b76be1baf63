import type { Runtime } from '../runtime/index.js';
import { loadConsoleAssets } from './console-assets.js';
import { AdminHttpListener } from './listener.js';
import { Router } from './router.js';
import { agentRoutes } from './routes/agents.js';
import { auditRoutes } from './routes/audit.js';
import { modelRoutes } from './routes/models.js';
import { policyRoutes } from './routes/policies.js';
import { sessionRoutes } from './routes/sessions.js';

export { unifiedDiff } from './diff.js';
export { SECURITY_HEADERS } from './security.js';

export interface AdminListener {
  /** e.g. http://127.0.0.1:3701 (no trailing slash); the console is at `${url}/`. */
  url: string;
  close(): Promise<void>;
}

export function adminRouter(): Router {
  const router = new Router();
  policyRoutes(router);
  agentRoutes(router);
  auditRoutes(router);
  modelRoutes(router);
  sessionRoutes(router);
  return router;
}

/** Starts the admin listener (config.admin.listen unless overridden) beside a running runtime. */
export async function startAdmin(
  runtime: Runtime,
  opts: { host?: string; port?: number } = {},
): Promise<AdminListener> {
  const host = opts.host ?? runtime.config.admin.listen.host;
  const port = opts.port ?? runtime.config.admin.listen.port;
  const listener = new AdminHttpListener({
    runtime,
    router: adminRouter(),
    assets: await loadConsoleAssets(),
    host,
    port,
  });
  const bound = await listener.listen();
  const shown = bound.host.includes(':') ? `[${bound.host}]` : bound.host;
  return { url: `http://${shown}:${bound.port}`, close: () => listener.close() };
}
