import { setTimeout as sleep } from 'node:timers/promises';
import { listAuditFiles } from './files.js';
import { readLines } from './lines.js';
import type { AuditRecord } from './types.js';

export interface FollowOptions {
  /** Records up to this seq were already shown. */
  afterSeq: number;
  signal: AbortSignal;
  onRecord: (record: AuditRecord) => void;
  intervalMs?: number;
}

/** Polls the newest file for new complete lines and moves on across rotations, until aborted. */
export async function followAudit(dir: string, options: FollowOptions): Promise<void> {
  const interval = options.intervalMs ?? 500;
  let lastSeq = options.afterSeq;
  let file: string | undefined;
  let offset = 0;
  const readNew = async (): Promise<void> => {
    if (!file) return;
    for await (const line of readLines(file, offset)) {
      if (!line.terminated) break;
      offset += Buffer.byteLength(line.text) + 1;
      const record = parse(line.text);
      if (record && record.seq > lastSeq) {
        lastSeq = record.seq;
        options.onRecord(record);
      }
    }
  };
  while (!options.signal.aborted) {
    const files = await listAuditFiles(dir);
    if (file === undefined) file = files.at(-1);
    await readNew();
    const next = file === undefined ? undefined : files[files.indexOf(file) + 1];
    if (next) {
      // The writer finished the old file before creating the next one: read its last lines, then move on.
      await readNew();
      file = next;
      offset = 0;
      continue;
    }
    await sleep(interval, undefined, { signal: options.signal }).catch(() => undefined);
  }
}

function parse(text: string): AuditRecord | undefined {
  try {
    return JSON.parse(text) as AuditRecord;
  } catch {
    return undefined;
  }
}
