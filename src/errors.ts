/**
 * Every error Airlock raises carries a stable code. Codes are a public contract: scripts match on them,
 * tool results start with them, and docs/errors.md documents each one (a test keeps the two in step).
 */
export const ERROR_CODES = {
  // configuration and input files
  ERR_CONFIG_INVALID: 'The config file or a command-line option is invalid.',
  ERR_POLICY_INVALID: 'A policy file failed to parse or validate; the previous policy set keeps serving.',
  ERR_MANIFEST_INVALID:
    'A tool manifest (tools/<name>/tool.json) or its code is invalid; the tool is left out.',
  ERR_MODEL_INVALID: 'A model file is missing, corrupt or does not match the digest pinned in model.json.',
  // identity
  ERR_AUTH_MISSING: 'No bearer token was presented (HTTP 401).',
  ERR_AUTH_INVALID:
    'The bearer token failed verification: signature, algorithm, issuer, audience or claims (HTTP 401).',
  ERR_AUTH_EXPIRED: 'The bearer token has expired or is not yet valid (HTTP 401).',
  ERR_AUTH_LIFETIME: 'The bearer token lives longer than the configured maximum lifetime (HTTP 401).',
  ERR_AUTH_REVOKED: 'The token id (jti) or the agent has been revoked (HTTP 401).',
  ERR_AUTH_SCOPE: 'The token lacks a scope this endpoint requires (HTTP 403, insufficient_scope).',
  ERR_SESSION_MISMATCH: 'The MCP session belongs to another agent or does not exist.',
  // authorization
  ERR_POLICY_DENIED: 'No policy grants this agent the tool or model (deny by default).',
  ERR_RATE_LIMITED: 'The agent or tool exceeded its rate limit.',
  ERR_CONCURRENCY_LIMITED: 'The agent has too many calls in flight.',
  // gate
  ERR_GATE_LOCKED: 'The tool is locked until a prompt is pre-scored below the agent threshold.',
  ERR_GATE_INJECTION: 'A tool argument scored above the injection threshold.',
  ERR_GATE_WITHHELD: 'Text returned by a tool scored as injection and was withheld per policy.',
  // scoring
  ERR_SCORING_OVERLOADED: 'The scoring queue is full; retry later.',
  ERR_SCORING_UNAVAILABLE: 'The requested model is not loaded.',
  // tools and sandbox
  ERR_TOOL_NOT_FOUND: 'No tool of that name is loaded.',
  ERR_TOOL_INPUT: 'Tool arguments do not match the tool input schema.',
  ERR_TOOL_CANCELLED: 'The call was cancelled (client request or shutdown) before the tool finished.',
  ERR_TOOL_FAILED: 'The tool threw an error.',
  ERR_SANDBOX_TIMEOUT: 'The tool exceeded its CPU timeout or wall-clock deadline.',
  ERR_SANDBOX_MEMORY: 'The tool exceeded its memory limit; its isolate was disposed.',
  ERR_SANDBOX_OUTPUT_TOO_LARGE: 'The tool result exceeded the output size cap.',
  ERR_SANDBOX_HOST_CALLS: 'The tool made more host calls than its limit allows.',
  ERR_SANDBOX_UNAVAILABLE: 'No isolated-vm build loads on this Node.js version.',
  // egress
  ERR_EGRESS_BLOCKED:
    'An outgoing request was refused by the egress guard (allowlist, address class, redirect).',
  ERR_EGRESS_FAILED: 'An allowed outgoing request failed (connection, timeout, size cap).',
  ERR_SECRET_UNAVAILABLE:
    'The tool named a secret the agent policy does not bind to that host, or it is unset.',
  // audit
  ERR_AUDIT_WRITE: 'The audit record could not be made durable; the call result is not returned.',
  ERR_AUDIT_CHAIN: 'The audit hash chain does not verify.',
  // admin
  ERR_ADMIN_CONFLICT: 'The policy changed since the version named in If-Match (HTTP 412).',
  ERR_NOT_FOUND: 'The requested resource does not exist.',
  // transport
  ERR_BAD_REQUEST: 'The request is malformed (JSON-RPC, body size, headers).',
  ERR_ORIGIN_FORBIDDEN: 'The Origin or Host header is not allowed (DNS rebinding protection, HTTP 403).',
  ERR_SHUTTING_DOWN: 'The server is shutting down and accepts no new calls.',
  ERR_INTERNAL: 'An unexpected internal error; details are in the server log.',
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

export class AirlockError extends Error {
  readonly code: ErrorCode;
  readonly details: Record<string, unknown> | undefined;

  constructor(code: ErrorCode, message: string, details?: Record<string, unknown>) {
    super(message);
    this.name = 'AirlockError';
    this.code = code;
    this.details = details;
  }
}

/** A decision is data: pure checks return one of these and only the boundary throws or maps to the wire. */
export type Decision<T = Record<never, never>> =
  | ({ ok: true } & T)
  | { ok: false; code: ErrorCode; reason: string };

export function deny(code: ErrorCode, reason: string): { ok: false; code: ErrorCode; reason: string } {
  return { ok: false, code, reason };
}

export function isAirlockError(value: unknown): value is AirlockError {
  return value instanceof AirlockError;
}
