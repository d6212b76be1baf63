import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { listAuditFiles } from './files.js';
import { readLines } from './lines.js';
import { checkLine, GENESIS } from './record.js';
import type { VerifyFailureKind, VerifyResult } from './types.js';

/**
 * Verifies the hash chain of one file or of a directory of rotated files. A directory must start at
 * the genesis record (seq 1, prev = 64 zeros); a single file may start anywhere (it is anchored by
 * its first record) unless its first record claims to be the genesis.
 */
export async function verifyAudit(path: string): Promise<VerifyResult> {
  let files: string[];
  let isDir: boolean;
  try {
    isDir = (await stat(path)).isDirectory();
  } catch {
    return fail({ records: 0, file: path, line: 0, kind: 'not-found', reason: 'no such file or directory' });
  }
  if (isDir) files = await listAuditFiles(path);
  else files = [path];

  let prev: string | undefined = isDir ? GENESIS : undefined;
  let expectedSeq: number | undefined = isDir ? 1 : undefined;
  let records = 0;
  for (const [fileIndex, file] of files.entries()) {
    const isLastFile = fileIndex === files.length - 1;
    for await (const line of readLines(file)) {
      const at = { records, file, line: line.number };
      if (!line.terminated) {
        return isLastFile
          ? fail({ ...at, kind: 'torn', reason: 'torn last line (a write cut short by a crash)' })
          : fail({ ...at, kind: 'truncated', reason: 'file ends in a cut-off line but later files follow' });
      }
      const checked = checkLine(line.text);
      if (!checked.ok) return fail({ ...at, seq: checked.seq, kind: checked.kind, reason: checked.reason });
      const record = checked.record;
      if (prev === undefined || expectedSeq === undefined) {
        // A single file is anchored by its first record, unless that record claims to be the first of all.
        if (record.seq === 1 && record.prev !== GENESIS) {
          return fail({
            ...at,
            seq: record.seq,
            kind: 'genesis',
            reason: 'first record does not start from the genesis hash',
          });
        }
      } else if (record.prev !== prev) {
        const kind: VerifyFailureKind =
          records === 0 ? 'genesis' : line.number === 1 && record.seq > expectedSeq ? 'missing' : 'prev';
        return fail({
          ...at,
          seq: record.seq,
          kind,
          reason: chainReason(kind, { expectedSeq, seq: record.seq, file }),
        });
      } else if (record.seq !== expectedSeq) {
        return fail({
          ...at,
          seq: record.seq,
          kind: 'seq',
          reason: `sequence is ${record.seq}, expected ${expectedSeq}`,
        });
      }
      prev = record.hash;
      expectedSeq = record.seq + 1;
      records += 1;
    }
  }
  return { ok: true, records, files: files.length, head: prev ?? GENESIS };
}

function chainReason(
  kind: VerifyFailureKind,
  at: { expectedSeq: number; seq: number; file: string },
): string {
  if (kind === 'genesis')
    return 'first record does not start from the genesis hash (first records deleted or chain rewritten)';
  if (kind === 'missing') {
    return `records ${at.expectedSeq}..${at.seq - 1} are missing before ${basename(at.file)} (a rotated file was deleted)`;
  }
  return 'prev hash does not match the previous record (a record was deleted, inserted or reordered)';
}

function fail(failure: {
  records: number;
  file: string;
  line: number;
  seq?: number | undefined;
  kind: VerifyFailureKind;
  reason: string;
}): VerifyResult {
  const { seq, ...rest } = failure;
  return seq === undefined ? { ok: false, ...rest } : { ok: false, seq, ...rest };
}
