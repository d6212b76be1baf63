export type AuditEvent =
  | 'auth'
  | 'tool_call'
  | 'tools_list'
  | 'prescore'
  | 'score'
  | 'policy_reload'
  | 'admin_change'
  | 'model_change'
  | 'session'
  | 'server';

export type AuditDecision = 'allow' | 'deny' | 'error' | 'info';

/** What callers pass: the raw arguments and secret values never reach the disk. */
export interface AuditEntry {
  event: AuditEvent;
  decision: AuditDecision;
  /** An ErrorCode, or 'OK'. */
  code?: string;
  reason?: string;
  agent?: string;
  jti?: string;
  session?: string;
  tool?: string;
  /** Raw tool arguments: stored only as a digest and a redacted, size-capped preview. */
  args?: unknown;
  /** Secret values to scrub from the preview, reason and other free text. */
  secrets?: readonly string[];
  policyVersion?: string;
  model?: { name: string; version: string; score: number };
  egressHosts?: string[];
  bytes?: number;
  latencyMs?: number;
  admin?: string;
  diff?: string;
  extra?: Record<string, unknown>;
}

/** One line of the log. `hash` = sha256 of the canonical JSON of the record without `hash`. */
export interface AuditRecord extends Omit<AuditEntry, 'args' | 'secrets'> {
  time: string;
  seq: number;
  argsDigest?: string;
  argsPreview?: string;
  prev: string;
  hash: string;
}

export interface AuditFilter {
  agent?: string;
  tool?: string;
  decision?: AuditDecision;
  event?: AuditEvent;
  code?: string;
  /** ISO 8601 time, inclusive. */
  since?: string;
  /** ISO 8601 time, exclusive. */
  until?: string;
  /** Default 100, at most 1000. */
  limit?: number;
  /** The `next` of a previous page (pages run newest first). */
  cursor?: string;
}

export interface AuditPage {
  records: AuditRecord[];
  next?: string;
}

export interface AuditHead {
  seq: number;
  hash: string;
  file: string;
}

export interface AuditStats {
  records: number;
  batches: number;
  fsyncs: number;
}

export interface AuditLog {
  /** Resolves once the record is written and, when durable, fsynced; one fsync serves a whole batch. */
  append(entry: AuditEntry): Promise<AuditRecord>;
  query(filter: AuditFilter): Promise<AuditPage>;
  head(): AuditHead;
  stats(): AuditStats;
  /** The 'server' record written on open when a torn last line from a crash was found. */
  readonly recovery: AuditRecord | undefined;
  /** Flushes, fsyncs and closes; later appends reject with ERR_AUDIT_WRITE. */
  close(): Promise<void>;
}

export interface OpenAuditLogOptions {
  dir: string;
  /** fsync every batch (default true); false is for the bench comparison only. */
  durable?: boolean;
  /** Rotate when a file would grow past this size (default 64 MiB). */
  maxFileBytes?: number;
  /** Start a new file when the UTC day changes (default true). */
  rotateDaily?: boolean;
  now?: () => Date;
}

export type VerifyFailureKind =
  | 'torn'
  | 'truncated'
  | 'parse'
  | 'canonical'
  | 'hash'
  | 'prev'
  | 'seq'
  | 'genesis'
  | 'missing'
  | 'not-found';

export type VerifyResult =
  | { ok: true; records: number; files: number; head: string }
  | {
      ok: false;
      records: number;
      file: string;
      line: number;
      seq?: number;
      kind: VerifyFailureKind;
      reason: string;
    };
