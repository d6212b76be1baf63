import type { IncomingMessage } from 'node:http';
import type { AgentIdentity } from '../identity/index.js';
import type { PolicyHistory } from '../policy/index.js';
import type { Runtime } from '../runtime/index.js';

/** Everything a route sees: the runtime, the verified admin, and the parsed request. */
export interface AdminContext {
  runtime: Runtime;
  history: PolicyHistory;
  admin: AgentIdentity;
  req: IncomingMessage;
  params: Record<string, string>;
  query: URLSearchParams;
  /** The request body, read once (size-capped). */
  body(): Promise<Buffer>;
  /** The body parsed as a JSON object (ERR_BAD_REQUEST otherwise); an empty body is {}. */
  json(): Promise<Record<string, unknown>>;
}
