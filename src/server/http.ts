import { randomBytes } from 'node:crypto';
import {
  createServer,
  type IncomingMessage,
  type Server as NodeHttpServer,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Server as McpServer } from '@modelcontextprotocol/sdk/server/index.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { isInitializeRequest, ErrorCode as JsonRpcCode } from '@modelcontextprotocol/sdk/types.js';
import type { ErrorCode } from '../errors.js';
import type { AgentIdentity } from '../identity/index.js';
import { log } from '../log.js';
import type { Pipeline } from '../pipeline/index.js';
import { BodyTooLarge, readBody, sendJson, sendJsonRpcError } from './http-util.js';
import { createMcpSession } from './mcp-session.js';
import { buildOriginPolicy, checkOrigin, type OriginPolicy } from './origin.js';

export interface HttpSession {
  id: string;
  agent: string;
  transport: StreamableHTTPServerTransport;
  server: McpServer;
  createdAt: number;
  lastSeen: number;
}

export interface HttpListenerOptions {
  host: string;
  port: number;
  publicUrl: string | undefined;
  allowedOrigins: readonly string[];
  maxBodyBytes: number;
  jsonResponse: boolean;
  sessionIdleMs: number;
  /** Requests without a token act as this agent (development, loopback only). */
  devAgent?: string | undefined;
}

export interface HttpAppDeps {
  pipeline: Pipeline;
  resourceUrl: string;
  authorizationServers: () => string[];
  /** Extra routes (health, readiness) answered before MCP handling. */
  routes?: Record<string, (req: IncomingMessage, res: ServerResponse) => void | Promise<void>>;
  onSessionsChanged?: (count: number) => void;
}

const MCP_PATH = '/mcp';
const METADATA_PATH = '/.well-known/oauth-protected-resource';

/**
 * The agent-facing Streamable HTTP listener. It authenticates every request, binds MCP sessions to
 * the agent that opened them, validates Host/Origin and body size, and hands the rest to the SDK.
 */
export class AirlockHttpListener {
  readonly sessions = new Map<string, HttpSession>();
  #server: NodeHttpServer;
  #deps: HttpAppDeps | undefined;
  #origin: OriginPolicy | undefined;
  #sweeper: NodeJS.Timeout | undefined;
  #closing = false;
  /** POST responses not yet finished: shutdown waits for them so in-flight results reach their clients. */
  #pendingPosts = new Set<Promise<void>>();

  constructor(readonly options: HttpListenerOptions) {
    this.#server = createServer((req, res) => {
      this.#handle(req, res).catch((error) => {
        log.error({ err: error }, 'http handler failed');
        sendJsonRpcError(res, {
          status: 500,
          rpcCode: JsonRpcCode.InternalError,
          code: 'ERR_INTERNAL',
          message: 'internal error',
        });
      });
    });
    this.#server.headersTimeout = 30_000;
    this.#server.requestTimeout = 0; // SSE streams stay open; idle sessions are swept instead
  }

  /** Binds first so the resource URL (and token audience) can name the real port. */
  async listen(): Promise<{ host: string; port: number }> {
    await new Promise<void>((resolve, reject) => {
      this.#server.once('error', reject);
      this.#server.listen(this.options.port, this.options.host, () => {
        this.#server.off('error', reject);
        resolve();
      });
    });
    const { port } = this.#server.address() as AddressInfo;
    this.#origin = buildOriginPolicy({ ...this.options, port });
    this.#sweeper = setInterval(
      () => this.#sweepIdle(),
      Math.min(60_000, this.options.sessionIdleMs),
    ).unref();
    return { host: this.options.host, port };
  }

  attach(deps: HttpAppDeps): void {
    this.#deps = deps;
  }

  get address(): AddressInfo {
    return this.#server.address() as AddressInfo;
  }

  metadataUrl(): string {
    return `${new URL(this.#deps!.resourceUrl).origin}${METADATA_PATH}${MCP_PATH}`;
  }

  /** Sends notifications/tools/list_changed to one session, or to every session of an agent or all. */
  notifyToolsChanged(filter: { session?: string; agent?: string } = {}): void {
    for (const session of this.sessions.values()) {
      if (filter.session && session.id !== filter.session) continue;
      if (filter.agent && session.agent !== filter.agent) continue;
      void session.server.sendToolListChanged().catch(() => {});
    }
  }

  /** Stops accepting connections; in-flight requests finish; then sessions and sockets close. */
  async close(drain: () => Promise<void>): Promise<void> {
    this.#closing = true;
    clearInterval(this.#sweeper);
    const closed = new Promise<void>((resolve) => this.#server.close(() => resolve()));
    this.#server.closeIdleConnections();
    await drain();
    await Promise.race([
      Promise.allSettled([...this.#pendingPosts]),
      new Promise((r) => setTimeout(r, 10_000).unref()),
    ]);
    await Promise.allSettled([...this.sessions.values()].map((s) => s.transport.close()));
    this.sessions.clear();
    this.#server.closeAllConnections();
    await closed;
  }

  async #handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://airlock.invalid');
    const deps = this.#deps;
    if (!deps || this.#closing) {
      sendJsonRpcError(res, {
        status: 503,
        rpcCode: JsonRpcCode.InternalError,
        code: 'ERR_SHUTTING_DOWN',
        message: 'not serving',
      });
      return;
    }
    const origin = checkOrigin(this.#origin!, req.headers.host, req.headers.origin);
    if (!origin.ok) {
      sendJsonRpcError(res, {
        status: 403,
        rpcCode: JsonRpcCode.InvalidRequest,
        code: origin.code,
        message: origin.reason,
      });
      return;
    }
    if (url.pathname === METADATA_PATH || url.pathname === `${METADATA_PATH}${MCP_PATH}`) {
      if (req.method !== 'GET') return sendJson(res, 405, { error: 'method_not_allowed' }, { allow: 'GET' });
      sendJson(res, 200, {
        resource: deps.resourceUrl,
        authorization_servers: deps.authorizationServers(),
        scopes_supported: ['airlock:agent'],
        bearer_methods_supported: ['header'],
        resource_name: 'Airlock MCP server',
      });
      return;
    }
    const route = deps.routes?.[url.pathname];
    if (route) return void (await route(req, res));
    if (url.pathname !== MCP_PATH) return sendJson(res, 404, { error: 'not_found' });
    if (req.method === 'POST') {
      const finished = new Promise<void>((resolve) => res.once('close', resolve));
      this.#pendingPosts.add(finished);
      void finished.then(() => this.#pendingPosts.delete(finished));
    }
    await this.#handleMcp(req, res, url, deps);
  }

  async #handleMcp(req: IncomingMessage, res: ServerResponse, url: URL, deps: HttpAppDeps): Promise<void> {
    if (!['POST', 'GET', 'DELETE'].includes(req.method ?? '')) {
      return sendJson(res, 405, { error: 'method_not_allowed' }, { allow: 'GET, POST, DELETE' });
    }
    if (url.searchParams.has('access_token')) {
      // RFC 6750 allows query tokens but they leak into logs and history: Airlock accepts the header only.
      return this.#unauthorized(
        res,
        'ERR_AUTH_INVALID',
        'tokens are accepted only in the Authorization header',
        400,
      );
    }
    const identity = await this.#authenticate(req, res, deps);
    if (!identity) return;

    let body: unknown;
    if (req.method === 'POST') {
      if (!/^application\/json\b/i.test(req.headers['content-type'] ?? '')) {
        return sendJsonRpcError(res, {
          status: 415,
          rpcCode: JsonRpcCode.InvalidRequest,
          code: 'ERR_BAD_REQUEST',
          message: 'Content-Type must be application/json',
        });
      }
      try {
        const raw = await readBody(req, this.options.maxBodyBytes);
        body = JSON.parse(raw.toString('utf8'));
      } catch (error) {
        if (error instanceof BodyTooLarge) {
          res.setHeader('connection', 'close');
          return sendJsonRpcError(res, {
            status: 413,
            rpcCode: JsonRpcCode.InvalidRequest,
            code: 'ERR_BAD_REQUEST',
            message: `request body exceeds ${this.options.maxBodyBytes} bytes`,
          });
        }
        return sendJsonRpcError(res, {
          status: 400,
          rpcCode: JsonRpcCode.ParseError,
          code: 'ERR_BAD_REQUEST',
          message: 'request body is not valid JSON',
        });
      }
    }
    (req as IncomingMessage & { auth?: unknown }).auth = {
      token: identity.token,
      clientId: identity.agent,
      scopes: identity.scopes,
      expiresAt: Number.isFinite(identity.expiresAt) ? identity.expiresAt : undefined,
      extra: { identity },
    };

    const sessionId = req.headers['mcp-session-id'];
    if (typeof sessionId === 'string') {
      const session = this.sessions.get(sessionId);
      if (!session) {
        return sendJsonRpcError(res, {
          status: 404,
          rpcCode: -32001,
          code: 'ERR_SESSION_MISMATCH',
          message: 'session not found; initialize a new one',
        });
      }
      if (session.agent !== identity.agent) {
        // A session id is not a credential: presenting another agent's session is refused (session hijacking).
        log.warn({ agent: identity.agent, owner: session.agent }, 'session presented by another agent');
        return sendJsonRpcError(res, {
          status: 403,
          rpcCode: JsonRpcCode.InvalidRequest,
          code: 'ERR_SESSION_MISMATCH',
          message: 'this session belongs to another agent',
        });
      }
      session.lastSeen = Date.now();
      await session.transport.handleRequest(req, res, body);
      return;
    }
    if (req.method !== 'POST' || !isInitializeRequest(body)) {
      return sendJsonRpcError(res, {
        status: 400,
        rpcCode: JsonRpcCode.InvalidRequest,
        code: 'ERR_BAD_REQUEST',
        message: 'no mcp-session-id header: send initialize first',
      });
    }
    await this.#openSession(req, res, body, identity, deps);
  }

  async #openSession(
    req: IncomingMessage,
    res: ServerResponse,
    body: unknown,
    identity: AgentIdentity,
    deps: HttpAppDeps,
  ): Promise<void> {
    let id = '';
    const transport = new StreamableHTTPServerTransport({
      sessionIdGenerator: () => randomBytes(24).toString('base64url'),
      enableJsonResponse: this.options.jsonResponse,
      onsessioninitialized: (sessionId) => {
        id = sessionId;
        const now = Date.now();
        this.sessions.set(sessionId, {
          id: sessionId,
          agent: identity.agent,
          transport,
          server,
          createdAt: now,
          lastSeen: now,
        });
        deps.onSessionsChanged?.(this.sessions.size);
        void deps.pipeline.recordEvent({
          event: 'session',
          decision: 'info',
          code: 'OPENED',
          agent: identity.agent,
          jti: identity.jti,
          session: sessionId,
        });
      },
      onsessionclosed: (sessionId) => this.#forget(sessionId, deps),
    });
    transport.onclose = () => {
      if (id) this.#forget(id, deps);
    };
    const sessionAgent = identity;
    const server = createMcpSession({
      pipeline: deps.pipeline,
      session: () => id,
      identity: (authInfo) => (authInfo?.extra?.['identity'] as AgentIdentity | undefined) ?? sessionAgent,
    });
    await server.connect(transport);
    await transport.handleRequest(req, res, body);
  }

  #forget(sessionId: string, deps: HttpAppDeps): void {
    const session = this.sessions.get(sessionId);
    if (!session) return;
    this.sessions.delete(sessionId);
    deps.onSessionsChanged?.(this.sessions.size);
    deps.pipeline.deps.gate.unlocks.forgetSession(sessionId);
    void deps.pipeline.recordEvent({
      event: 'session',
      decision: 'info',
      code: 'CLOSED',
      agent: session.agent,
      session: sessionId,
    });
  }

  #sweepIdle(): void {
    const cutoff = Date.now() - this.options.sessionIdleMs;
    for (const session of this.sessions.values()) {
      if (session.lastSeen < cutoff) void session.transport.close();
    }
  }

  async #authenticate(
    req: IncomingMessage,
    res: ServerResponse,
    deps: HttpAppDeps,
  ): Promise<AgentIdentity | undefined> {
    const header = req.headers.authorization;
    if (header === undefined && this.options.devAgent) {
      return {
        agent: this.options.devAgent,
        issuer: 'airlock-dev',
        scopes: [],
        expiresAt: Number.POSITIVE_INFINITY,
        token: '',
        claims: {},
      };
    }
    const result = await deps.pipeline.authenticate(header, `${req.method} ${MCP_PATH}`);
    if (result.ok) return result.identity;
    if (result.code === 'ERR_AUTH_SCOPE') {
      sendJson(
        res,
        403,
        { error: 'insufficient_scope', error_description: result.reason, code: result.code },
        {
          'www-authenticate': `Bearer error="insufficient_scope", error_description="${result.reason}", resource_metadata="${this.metadataUrl()}"`,
        },
      );
      return undefined;
    }
    this.#unauthorized(res, result.code, result.reason);
    return undefined;
  }

  #unauthorized(res: ServerResponse, code: ErrorCode, reason: string, status = 401): void {
    const missing = code === 'ERR_AUTH_MISSING';
    const challenge = missing
      ? `Bearer resource_metadata="${this.metadataUrl()}"`
      : `Bearer error="${status === 400 ? 'invalid_request' : 'invalid_token'}", error_description="${reason.replace(/"/g, "'")}", resource_metadata="${this.metadataUrl()}"`;
    sendJson(
      res,
      status,
      { error: missing ? 'unauthorized' : 'invalid_token', error_description: reason, code },
      { 'www-authenticate': challenge },
    );
  }
}
