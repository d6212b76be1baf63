import { Server } from '@modelcontextprotocol/sdk/server/index.js';
import {
  CallToolRequestSchema,
  type CallToolResult,
  ErrorCode as JsonRpcCode,
  ListToolsRequestSchema,
} from '@modelcontextprotocol/sdk/types.js';
import type { ErrorCode } from '../errors.js';
import type { AgentIdentity } from '../identity/index.js';
import type { CallOutcome, Pipeline } from '../pipeline/index.js';

/** JSON-RPC code for a refused call; the stable Airlock code travels in `error.data.code`. */
export const JSONRPC_DENIED = -32003;

const INVALID_PARAMS: ReadonlySet<ErrorCode> = new Set(['ERR_TOOL_INPUT', 'ERR_TOOL_NOT_FOUND']);

export const SERVER_INFO = { name: 'airlock', version: '0.1.0' };

export const INSTRUCTIONS =
  'Airlock serves only the tools your policy grants. If a `prescore` tool is listed, call it with the ' +
  "user's prompt first: gated tools unlock for this session when the prompt scores as safe, and the tool " +
  'list changes. Refusals carry a stable code (e.g. ERR_POLICY_DENIED, ERR_GATE_LOCKED) in error.data.code; ' +
  'tool failures come back as results with isError and text starting with the code.';

/**
 * The SDK turns a thrown error's `code`, `message` and `data` into the JSON-RPC error. (McpError would
 * prefix its message with "MCP error <code>:", which clients then prefix again.)
 */
class WireError extends Error {
  constructor(
    readonly code: number,
    message: string,
    readonly data: Record<string, unknown>,
  ) {
    super(message);
  }
}

/** Maps a pipeline outcome to the wire: denials become JSON-RPC errors, failures `isError` results. */
export function toCallToolResult(outcome: CallOutcome): CallToolResult {
  if (outcome.ok) {
    const value = outcome.value;
    const text = typeof value === 'string' ? value : (JSON.stringify(value) ?? 'null');
    const structured = value !== null && typeof value === 'object' && !Array.isArray(value);
    return {
      content: [{ type: 'text', text }],
      ...(structured ? { structuredContent: value as Record<string, unknown> } : {}),
      ...(outcome.meta ? { _meta: outcome.meta } : {}),
    };
  }
  if (outcome.kind === 'denied') {
    const code = INVALID_PARAMS.has(outcome.code) ? JsonRpcCode.InvalidParams : JSONRPC_DENIED;
    throw new WireError(code, `${outcome.code}: ${outcome.reason}`, {
      code: outcome.code,
      reason: outcome.reason,
      stage: outcome.stage,
    });
  }
  return { isError: true, content: [{ type: 'text', text: `${outcome.code}: ${outcome.reason}` }] };
}

/**
 * One MCP server per session: handlers ask the pipeline, which knows the agent's grants. The identity
 * of each request comes from its own token (HTTP) or from the session (stdio).
 */
export function createMcpSession(opts: {
  pipeline: Pipeline;
  session: () => string;
  identity: (authInfo: { extra?: Record<string, unknown> } | undefined) => AgentIdentity;
}): Server {
  const server = new Server(SERVER_INFO, {
    capabilities: { tools: { listChanged: true } },
    instructions: INSTRUCTIONS,
  });
  server.setRequestHandler(ListToolsRequestSchema, (_request, extra) => ({
    tools: opts.pipeline.listTools(opts.identity(extra.authInfo), opts.session()) as never,
  }));
  server.setRequestHandler(CallToolRequestSchema, async (request, extra) => {
    const progressToken = request.params._meta?.progressToken;
    const outcome = await opts.pipeline.callTool({
      identity: opts.identity(extra.authInfo),
      session: opts.session(),
      tool: request.params.name,
      args: request.params.arguments ?? {},
      signal: extra.signal,
      ...(progressToken !== undefined
        ? {
            progress: (progress: number, total?: number) => {
              void extra
                .sendNotification({
                  method: 'notifications/progress',
                  params: { progressToken, progress, ...(total !== undefined ? { total } : {}) },
                })
                .catch(() => {});
            },
          }
        : {}),
    });
    return toCallToolResult(outcome);
  });
  return server;
}
