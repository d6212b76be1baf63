import { canonicalJson, digestArgs, sha256Hex } from './canonical.js';
import { capText, makeScrubber, previewArgs, scrubDeep, TEXT_MAX_CHARS } from './redact.js';
import type { AuditEntry, AuditRecord } from './types.js';

/** The `prev` of the first record of a log. */
export const GENESIS = '0'.repeat(64);

/** A record before it takes its place in the chain: already redacted, so nothing secret is kept in memory. */
export type PreparedRecord = Omit<AuditRecord, 'seq' | 'prev' | 'hash'>;

export function prepareRecord(entry: AuditEntry, time: Date): PreparedRecord {
  const { args, secrets, reason, diff, extra, ...rest } = entry;
  const scrub = makeScrubber(secrets);
  const prepared: PreparedRecord = { ...rest, time: time.toISOString() };
  if (args !== undefined) {
    prepared.argsDigest = digestArgs(args);
    prepared.argsPreview = previewArgs(args, scrub);
  }
  if (reason !== undefined) prepared.reason = capText(scrub(reason), TEXT_MAX_CHARS);
  if (diff !== undefined) prepared.diff = scrub(diff);
  if (extra !== undefined) prepared.extra = scrubDeep(extra, scrub) as Record<string, unknown>;
  return prepared;
}

export function chainRecord(prepared: PreparedRecord, link: { seq: number; prev: string }): AuditRecord {
  const unsigned = { ...prepared, seq: link.seq, prev: link.prev };
  return { ...unsigned, hash: hashRecord(unsigned) };
}

export function hashRecord(unsigned: Omit<AuditRecord, 'hash'>): string {
  return sha256Hex(canonicalJson(unsigned));
}

/** One line of the file: canonical JSON, so verification can demand the exact bytes back. */
export function serializeRecord(record: AuditRecord): string {
  return `${canonicalJson(record)}\n`;
}

export type LineCheck =
  | { ok: true; record: AuditRecord }
  | { ok: false; kind: 'parse' | 'canonical' | 'hash'; reason: string; seq?: number };

/** Checks one line on its own: parses, is canonical, and its hash covers its content. */
export function checkLine(line: string): LineCheck {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return { ok: false, kind: 'parse', reason: 'line is not valid JSON' };
  }
  if (!isRecordShape(value)) return { ok: false, kind: 'parse', reason: 'line is not an audit record' };
  const seq = value.seq;
  if (canonicalJson(value) !== line) {
    return { ok: false, kind: 'canonical', seq, reason: 'line is not in canonical form (bytes were edited)' };
  }
  const { hash, ...unsigned } = value;
  if (hashRecord(unsigned) !== hash) {
    return {
      ok: false,
      kind: 'hash',
      seq,
      reason: 'record hash does not match its content (record was edited)',
    };
  }
  return { ok: true, record: value };
}

function isRecordShape(value: unknown): value is AuditRecord {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const record = value as Record<string, unknown>;
  return (
    Number.isSafeInteger(record['seq']) &&
    typeof record['hash'] === 'string' &&
    typeof record['prev'] === 'string' &&
    typeof record['time'] === 'string' &&
    typeof record['event'] === 'string' &&
    typeof record['decision'] === 'string'
  );
}
