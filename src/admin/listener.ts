import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { AirlockError } from '../errors.js';
import { ADMIN_SCOPE, type AgentIdentity } from '../identity/index.js';
import { log } from '../log.js';
import { PolicyHistory } from '../policy/index.js';
import { healthRoutes, metricsRoute, type Runtime } from '../runtime/index.js';
import { BodyTooLarge, readBody, sendJson } from '../server/http-util.js';
import { buildOriginPolicy, checkOrigin, type OriginPolicy } from '../server/origin.js';
import { type ApiResult, fail, failFromError } from './api-result.js';
import type { Asset } from './console-assets.js';
import type { AdminContext } from './context.js';
import type { Router } from './router.js';
import { SECURITY_HEADERS, STATE_CHANGING } from './security.js';

/** Policy drafts are small; anything bigger is a mistake or an attack. */
const MAX_BODY_BYTES = 512 * 1024;

export interface AdminListenerOptions {
  runtime: Runtime;
  router: Router;
  assets: ReadonlyMap<string, Asset>;
  host: string;
  port: number;
}

/** The admin HTTP listener: public probes and console assets, everything under /api behind an admin token. */
export class AdminHttpListener {
  readonly #server: Server;
  readonly #history: PolicyHistory;
  readonly #public: Record<string, (req: IncomingMessage, res: ServerResponse) => void | Promise<void>>;
  #origins: OriginPolicy | undefined;

  constructor(private readonly opts: AdminListenerOptions) {
    this.#history = new PolicyHistory(join(opts.runtime.config.paths.data, 'policy-history'));
    this.#public = { ...healthRoutes(opts.runtime.health), '/metrics': metricsRoute };
    this.#server = createServer((req, res) => {
      for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
      this.#handle(req, res).catch((error) => this.#send(res, failFromError(error)));
    });
    this.#server.headersTimeout = 30_000;
    this.#server.requestTimeout = 60_000;
  }

  async listen(): Promise<{ host: string; port: number }> {
    await new Promise<void>((resolve, reject) => {
      this.#server.once('error', reject);
      this.#server.listen(this.opts.port, this.opts.host, () => {
        this.#server.off('error', reject);
        resolve();
      });
    });
    const port = (this.#server.address() as AddressInfo).port;
    this.#origins = buildOriginPolicy({
      host: this.opts.host,
      port,
      publicUrl: undefined,
      allowedOrigins: [],
    });
    return { host: this.opts.host, port };
  }

  async close(): Promise<void> {
    const closed = new Promise<void>((resolve) => this.#server.close(() => resolve()));
    this.#server.closeAllConnections();
    await closed;
  }

  #send(res: ServerResponse, result: ApiResult): void {
    sendJson(res, result.status, result.body, result.headers);
  }

  async #handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://admin.invalid');
    const method = req.method ?? 'GET';
    // Host is checked on every request (DNS rebinding); Origin whenever a browser sends one.
    const origin = checkOrigin(this.#origins!, req.headers.host, req.headers.origin);
    if (!origin.ok) return this.#send(res, fail(origin.code, origin.reason));

    if (!url.pathname.startsWith('/api/')) return this.#servePublic(req, res, url.pathname);

    const admin = await this.#authenticate(req, method, url.pathname);
    if ('status' in admin) return this.#send(res, admin);

    const match = this.opts.router.match(method, url.pathname);
    if (match.kind === 'none')
      return this.#send(res, fail('ERR_NOT_FOUND', `no route ${method} ${url.pathname}`));
    if (match.kind === 'method') {
      return this.#send(
        res,
        fail('ERR_BAD_REQUEST', `${method} is not allowed on ${url.pathname}`, {
          status: 405,
          headers: { allow: match.allowed.join(', ') },
        }),
      );
    }
    let body: Promise<Buffer> | undefined;
    const readOnce = () => {
      body ??= readBody(req, MAX_BODY_BYTES).catch((error) => {
        if (error instanceof BodyTooLarge) {
          throw new AirlockError('ERR_BAD_REQUEST', `request body exceeds ${MAX_BODY_BYTES} bytes`, {
            limit: MAX_BODY_BYTES,
          });
        }
        throw error;
      });
      return body;
    };
    const ctx: AdminContext = {
      runtime: this.opts.runtime,
      history: this.#history,
      admin,
      req,
      params: match.params,
      query: url.searchParams,
      body: readOnce,
      json: async () => parseJsonObject(await readOnce()),
    };
    this.#send(res, await match.handler(ctx));
  }

  async #servePublic(req: IncomingMessage, res: ServerResponse, path: string): Promise<void> {
    const probe = this.#public[path];
    if (probe && req.method === 'GET') return probe(req, res);
    const name =
      path === '/' ? 'index.html' : path.startsWith('/assets/') ? path.slice('/assets/'.length) : undefined;
    const asset = name === undefined ? undefined : this.opts.assets.get(name);
    if (!asset || (req.method !== 'GET' && req.method !== 'HEAD')) {
      return this.#send(res, fail('ERR_NOT_FOUND', `no route ${req.method} ${path}`));
    }
    res.writeHead(200, {
      'content-type': asset.type,
      'content-length': asset.bytes.length,
      'cache-control': 'no-cache',
    });
    res.end(req.method === 'HEAD' ? undefined : asset.bytes);
  }

  /** Admin token only: verified by the identity service, then the admin scope; an agent token is a 403. */
  async #authenticate(
    req: IncomingMessage,
    method: string,
    path: string,
  ): Promise<AgentIdentity | ApiResult> {
    const { runtime } = this.opts;
    const verified = await runtime.identity.verify(req.headers.authorization);
    let refusal: ApiResult | undefined;
    if (!verified.ok) {
      refusal = fail(verified.code, verified.reason, {
        headers: { 'www-authenticate': `Bearer realm="airlock-admin", scope="${ADMIN_SCOPE}"` },
      });
    } else if (
      !verified.identity.scopes.includes(ADMIN_SCOPE) ||
      // Only this server's own issuer may make admins: a remote IdP that can mint the scope must not.
      verified.identity.issuer !== runtime.identity.localIssuer
    ) {
      refusal = fail('ERR_AUTH_SCOPE', `the admin API requires the scope ${ADMIN_SCOPE}`, {
        headers: {
          'www-authenticate': `Bearer realm="airlock-admin", error="insufficient_scope", scope="${ADMIN_SCOPE}"`,
        },
      });
    }
    if (!refusal && verified.ok) return verified.identity;
    const error = (refusal!.body as { error: { code: string; message: string } }).error;
    // State-changing attempts and token failures are worth a trail; the audit write never blocks the answer.
    if (STATE_CHANGING.has(method) || verified.ok || error.code !== 'ERR_AUTH_MISSING') {
      void runtime.pipeline.recordEvent({
        event: 'auth',
        decision: 'deny',
        code: error.code,
        reason: `admin ${method} ${path}: ${error.message}`,
        ...(verified.ok ? { agent: verified.identity.agent, jti: verified.identity.jti } : {}),
      });
    }
    if (!verified.ok) log.warn({ code: error.code, path }, 'admin API: authentication refused');
    return refusal!;
  }
}

function parseJsonObject(bytes: Buffer): Record<string, unknown> {
  if (bytes.length === 0) return {};
  let value: unknown;
  try {
    value = JSON.parse(bytes.toString('utf8'));
  } catch {
    throw new AirlockError('ERR_BAD_REQUEST', 'the body is not valid JSON');
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new AirlockError('ERR_BAD_REQUEST', 'the body must be a JSON object');
  }
  return value as Record<string, unknown>;
}
