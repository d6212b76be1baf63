import { randomBytes } from 'node:crypto';
import type { Server as McpServer } from '@modelcontextprotocol/sdk/server/index.js';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import type { AgentIdentity } from '../identity/index.js';
import type { Pipeline } from '../pipeline/index.js';
import { createMcpSession } from './mcp-session.js';

/**
 * MCP over stdin/stdout for one agent: the launching user chose it (`--agent`) or passed its token
 * (`AIRLOCK_TOKEN`), so the whole connection is one session of that agent.
 */
export class AirlockStdio {
  readonly session = randomBytes(16).toString('base64url');
  readonly server: McpServer;
  #transport: StdioServerTransport | undefined;

  constructor(
    private readonly pipeline: Pipeline,
    readonly identity: AgentIdentity,
  ) {
    this.server = createMcpSession({ pipeline, session: () => this.session, identity: () => identity });
  }

  async start(
    opts: { stdin?: NodeJS.ReadableStream; stdout?: NodeJS.WritableStream; onClose?: () => void } = {},
  ): Promise<void> {
    this.#transport = new StdioServerTransport(
      opts.stdin as NodeJS.ReadStream | undefined,
      opts.stdout as NodeJS.WriteStream | undefined,
    );
    this.#transport.onclose = () => opts.onClose?.();
    await this.server.connect(this.#transport);
    await this.pipeline.recordEvent({
      event: 'session',
      decision: 'info',
      code: 'OPENED',
      agent: this.identity.agent,
      jti: this.identity.jti,
      session: this.session,
    });
  }

  notifyToolsChanged(filter: { session?: string; agent?: string } = {}): void {
    if (filter.session && filter.session !== this.session) return;
    if (filter.agent && filter.agent !== this.identity.agent) return;
    void this.server.sendToolListChanged().catch(() => {});
  }

  async close(): Promise<void> {
    await this.server.close();
  }
}
