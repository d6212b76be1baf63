/** What the rest of Airlock knows about a caller once its bearer token verified. */
export interface AgentIdentity {
  agent: string;
  jti?: string;
  issuer: string;
  scopes: string[];
  /** epoch seconds */
  expiresAt: number;
  issuedAt?: number;
  /** The raw JWT, handed on to MCP as req.auth.token. */
  token: string;
  claims: Record<string, unknown>;
}

export interface IssuerConfig {
  issuer: string;
  /** An https URL (http only for loopback hosts) or a path to a JWKS file. */
  jwks: string;
  /** Asymmetric JWS algorithms accepted from this issuer (HS* and none are refused). */
  algorithms: string[];
  /** Claim that names the agent; default 'sub'. */
  agentClaim?: string;
}

export interface RevokedList {
  jti?: readonly string[];
  agents?: readonly string[];
}

export interface IdentityOptions {
  /** The local issuer key lives at <dataDir>/keys/issuer-ed25519.json (created 0600, dir 0700). */
  dataDir: string;
  /** This server's resource URL (RFC 8707), e.g. http://127.0.0.1:3700/mcp; tokens must name it in aud. */
  audience: string;
  /** iss of tokens from the embedded issuer; default: the origin of `audience`. */
  localIssuer?: string;
  /** Remote or file JWKS issuers trusted besides the local one. */
  issuers?: IssuerConfig[];
  /** default 3600: tokens whose exp - iat exceeds this are refused */
  maxTokenLifetimeS?: number;
  /** default 30 */
  clockToleranceS?: number;
  revoked?: RevokedList;
  /** Current time in epoch SECONDS (tests inject a fixed clock). */
  now?: () => number;
}

export type VerifyFailureCode =
  | 'ERR_AUTH_MISSING'
  | 'ERR_AUTH_INVALID'
  | 'ERR_AUTH_EXPIRED'
  | 'ERR_AUTH_LIFETIME'
  | 'ERR_AUTH_REVOKED';

export type VerifyFailure = { ok: false; code: VerifyFailureCode; reason: string };
export type VerifyResult = { ok: true; identity: AgentIdentity } | VerifyFailure;

export interface MintOptions {
  agent: string;
  /** default 900 */
  ttlS?: number;
  scopes?: string[];
  /** adds the scope 'airlock:admin' (the admin listener checks it) */
  admin?: boolean;
}

export interface IdentityService {
  /** Parses "Bearer <jwt>" and verifies it; never throws for bad tokens. */
  verify(authorizationHeader: string | undefined): Promise<VerifyResult>;
  /** Issues a token from the local issuer; throws AirlockError(ERR_CONFIG_INVALID) on bad options. */
  mint(opts: MintOptions): Promise<string>;
  revoke(what: { jti?: string; agent?: string }): void;
  /** Replaces the whole revocation list (config reload). */
  setRevoked(list: RevokedList): void;
  isRevoked(what: { jti?: string; agent?: string }): boolean;
  revokedList(): { jti: string[]; agents: string[] };
  /** Public keys of the local issuer only. */
  localJwks(): { keys: object[] };
  /** Local issuer first, then the configured ones (RFC 9728 authorization_servers). */
  issuerUrls(): string[];
  readonly audience: string;
  readonly localIssuer: string;
  readonly maxTokenLifetimeS: number;
  close(): void;
}

export const ADMIN_SCOPE = 'airlock:admin';
