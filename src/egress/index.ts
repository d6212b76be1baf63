export { type AddressClass, addressClass, checkAddress, parseIpv4Spelling } from './address.js';
export {
  createEgressGuard,
  type EgressContext,
  type EgressGuard,
  type EgressGuardOptions,
  type EgressRequest,
  type EgressResponse,
  type LookupFn,
} from './guard.js';
export type { BeforeConnect } from './pinned-pools.js';
export type { SecretBinding } from './secrets.js';
export {
  checkUrl,
  type EgressAllowlist,
  type EgressTarget,
  parseUrlPattern,
  type UrlPattern,
} from './url-pattern.js';
