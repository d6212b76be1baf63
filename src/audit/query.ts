import { AirlockError } from '../errors.js';
import { listAuditFiles } from './files.js';
import { readLines } from './lines.js';
import type { AuditFilter, AuditPage, AuditRecord } from './types.js';

const DEFAULT_LIMIT = 100;
const MAX_LIMIT = 1000;

/**
 * Reads records from disk, newest first, filtered; `next` pages further back. Only reads, so admins
 * can run it beside a live server. Lines that do not parse (a torn tail) are skipped here; verify
 * reports them.
 */
export async function queryAudit(dir: string, filter: AuditFilter): Promise<AuditPage> {
  const limit = Math.min(Math.max(Math.trunc(filter.limit ?? DEFAULT_LIMIT), 1), MAX_LIMIT);
  const since = filter.since === undefined ? undefined : isoTime(filter.since, 'since');
  const until = filter.until === undefined ? undefined : isoTime(filter.until, 'until');
  const before = filter.cursor === undefined ? Number.POSITIVE_INFINITY : parseCursor(filter.cursor);
  const matches = (record: AuditRecord): boolean =>
    record.seq < before &&
    (filter.agent === undefined || record.agent === filter.agent) &&
    (filter.tool === undefined || record.tool === filter.tool) &&
    (filter.decision === undefined || record.decision === filter.decision) &&
    (filter.event === undefined || record.event === filter.event) &&
    (filter.code === undefined || record.code === filter.code) &&
    (since === undefined || record.time >= since) &&
    (until === undefined || record.time < until);

  // One more than the page, to know whether a next page exists.
  const wanted = limit + 1;
  const found: AuditRecord[] = [];
  const files = await listAuditFiles(dir);
  for (let index = files.length - 1; index >= 0 && found.length < wanted; index -= 1) {
    const newestOfFile = await lastMatches(files[index]!, matches, wanted - found.length);
    found.push(...newestOfFile.reverse());
  }
  const records = found.slice(0, limit);
  const last = records.at(-1);
  return found.length > limit && last ? { records, next: String(last.seq) } : { records };
}

/** The last `keep` matching records of a file, oldest first. */
async function lastMatches(
  file: string,
  matches: (record: AuditRecord) => boolean,
  keep: number,
): Promise<AuditRecord[]> {
  const window: AuditRecord[] = [];
  for await (const line of readLines(file)) {
    if (!line.terminated) continue;
    let record: AuditRecord;
    try {
      record = JSON.parse(line.text) as AuditRecord;
    } catch {
      continue;
    }
    if (!matches(record)) continue;
    window.push(record);
    if (window.length > keep) window.shift();
  }
  return window;
}

function isoTime(text: string, name: string): string {
  const time = new Date(text);
  if (Number.isNaN(time.getTime()))
    throw new AirlockError('ERR_BAD_REQUEST', `${name} is not an ISO 8601 time: "${text}"`);
  return time.toISOString();
}

function parseCursor(cursor: string): number {
  if (!/^\d+$/.test(cursor)) throw new AirlockError('ERR_BAD_REQUEST', `invalid audit cursor "${cursor}"`);
  return Number(cursor);
}
