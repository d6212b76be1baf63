export { MAX_TOKEN_CHARS, parseBearer } from './bearer.js';
export { ASYMMETRIC_ALGORITHMS } from './issuers.js';
export { issuerKeyPath } from './local-key.js';
export { DEFAULT_TTL_S } from './mint.js';
export { createIdentityService } from './service.js';
export {
  ADMIN_SCOPE,
  type AgentIdentity,
  type IdentityOptions,
  type IdentityService,
  type IssuerConfig,
  type MintOptions,
  type RevokedList,
  type VerifyFailure,
  type VerifyFailureCode,
  type VerifyResult,
} from './types.js';
