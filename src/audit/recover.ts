import type { FileHandle } from 'node:fs/promises';
import { open } from 'node:fs/promises';
import { AirlockError } from '../errors.js';
import { sha256Hex } from './canonical.js';
import { checkLine } from './record.js';
import type { AuditRecord } from './types.js';

export interface FileTail {
  /** The last complete, valid record, if the file has one. */
  last: AuditRecord | undefined;
  /** Bytes up to and including the last newline. */
  goodSize: number;
  /** Bytes after the last newline: a write cut short by a crash. */
  torn: Buffer | undefined;
}

const CHUNK = 64 * 1024;

/** Reads a file's end to find where the chain stands; only the last line is checked, not the whole file. */
export async function readTail(path: string): Promise<FileTail> {
  const handle = await open(path, 'r');
  try {
    const size = (await handle.stat()).size;
    const lastNewline = await findNewlineBefore(handle, size);
    const goodSize = lastNewline + 1;
    const torn = goodSize < size ? await readRange(handle, goodSize, size) : undefined;
    if (lastNewline < 0) return { last: undefined, goodSize: 0, torn };
    const lineStart = (await findNewlineBefore(handle, lastNewline)) + 1;
    const text = (await readRange(handle, lineStart, lastNewline)).toString('utf8');
    const checked = checkLine(text);
    if (!checked.ok) {
      throw new AirlockError(
        'ERR_AUDIT_CHAIN',
        `the last record of ${path} is invalid (${checked.reason}); run "airlock audit verify" and move the file aside`,
      );
    }
    return { last: checked.record, goodSize, torn };
  } finally {
    await handle.close();
  }
}

export function describeTorn(torn: Buffer): { tornBytes: number; tornSha256: string } {
  return { tornBytes: torn.length, tornSha256: sha256Hex(torn) };
}

/** Offset of the last '\n' strictly before `end`, or -1. */
async function findNewlineBefore(handle: FileHandle, end: number): Promise<number> {
  let to = end;
  while (to > 0) {
    const from = Math.max(0, to - CHUNK);
    const chunk = await readRange(handle, from, to);
    const at = chunk.lastIndexOf(0x0a);
    if (at !== -1) return from + at;
    to = from;
  }
  return -1;
}

async function readRange(handle: FileHandle, from: number, to: number): Promise<Buffer> {
  const buffer = Buffer.alloc(to - from);
  let done = 0;
  while (done < buffer.length) {
    const { bytesRead } = await handle.read(buffer, done, buffer.length - done, from + done);
    if (bytesRead === 0) break;
    done += bytesRead;
  }
  return buffer.subarray(0, done);
}
