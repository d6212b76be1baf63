export { canonicalJson, digestArgs } from './canonical.js';
export { followAudit } from './follow.js';
export { openAuditLog } from './open.js';
export { queryAudit } from './query.js';
export type {
  AuditDecision,
  AuditEntry,
  AuditEvent,
  AuditFilter,
  AuditHead,
  AuditLog,
  AuditPage,
  AuditRecord,
  AuditStats,
  OpenAuditLogOptions,
  VerifyFailureKind,
  VerifyResult,
} from './types.js';
export { verifyAudit } from './verify.js';
