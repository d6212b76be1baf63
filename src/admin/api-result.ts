import { type ErrorCode, isAirlockError } from '../errors.js';
import { log } from '../log.js';

/** What a route returns; only the listener turns it into bytes on the wire. */
export interface ApiResult {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

export function ok(body: unknown, status = 200, headers?: Record<string, string>): ApiResult {
  return headers ? { status, body, headers } : { status, body };
}

const STATUS: Partial<Record<ErrorCode, number>> = {
  ERR_AUTH_MISSING: 401,
  ERR_AUTH_INVALID: 401,
  ERR_AUTH_EXPIRED: 401,
  ERR_AUTH_LIFETIME: 401,
  ERR_AUTH_REVOKED: 401,
  ERR_AUTH_SCOPE: 403,
  ERR_ORIGIN_FORBIDDEN: 403,
  ERR_NOT_FOUND: 404,
  ERR_ADMIN_CONFLICT: 412,
  ERR_POLICY_INVALID: 422,
  ERR_MODEL_INVALID: 422,
  ERR_CONFIG_INVALID: 400,
  ERR_BAD_REQUEST: 400,
  ERR_SCORING_UNAVAILABLE: 503,
  ERR_SHUTTING_DOWN: 503,
};

/** The HTTP status an error code answers with (500 for anything unexpected). */
export function statusOf(code: ErrorCode): number {
  return STATUS[code] ?? 500;
}

/** `{ error: { code, message, details? } }`, the one error shape of the admin API. */
export function fail(
  code: ErrorCode,
  message: string,
  opts: { status?: number; details?: Record<string, unknown>; headers?: Record<string, string> } = {},
): ApiResult {
  const error = opts.details ? { code, message, details: opts.details } : { code, message };
  return {
    status: opts.status ?? statusOf(code),
    body: { error },
    ...(opts.headers ? { headers: opts.headers } : {}),
  };
}

/** Maps a thrown error to a response: AirlockErrors keep their code, anything else is logged and hidden. */
export function failFromError(error: unknown): ApiResult {
  if (isAirlockError(error)) {
    return fail(error.code, error.message, error.details ? { details: error.details } : {});
  }
  log.error({ err: error }, 'admin API: unexpected error');
  return fail('ERR_INTERNAL', 'unexpected internal error; see the server log');
}
