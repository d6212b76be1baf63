import { mkdir, open, stat, writeFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { AirlockError } from '../errors.js';
import { log } from '../log.js';
import { type AuditFileName, listAuditFiles, nextFileName, parseFileName } from './files.js';
import { lockAuditDir } from './lock.js';
import { queryAudit } from './query.js';
import { GENESIS, prepareRecord } from './record.js';
import { describeTorn, readTail } from './recover.js';
import type { AuditLog, AuditRecord, OpenAuditLogOptions } from './types.js';
import { AuditWriter, type WriterStart } from './writer.js';

const DEFAULT_MAX_FILE_BYTES = 64 * 1024 * 1024;

interface TornTail {
  file: string;
  torn: Buffer;
  afterSeq: number;
  savedAs: string;
}

/**
 * Opens (or creates) the audit log in `dir` and continues its chain. A torn last line left by a crash
 * is moved aside to `<file>.torn-<ms>`, cut from the file, and reported by a 'server' record, so
 * the chain goes on from the last good record and the loss is itself on the record.
 */
export async function openAuditLog(options: OpenAuditLogOptions): Promise<AuditLog> {
  const settings = {
    dir: options.dir,
    durable: options.durable ?? true,
    maxFileBytes: options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES,
    rotateDaily: options.rotateDaily ?? true,
    now: options.now ?? (() => new Date()),
  };
  if (!(settings.maxFileBytes > 0))
    throw new AirlockError('ERR_CONFIG_INVALID', 'audit maxFileBytes must be positive');
  await mkdir(settings.dir, { recursive: true, mode: 0o700 });
  const unlock = await lockAuditDir(settings.dir);
  try {
    const { start, torn } = await findHead(settings.dir, settings.now());
    const writer = await AuditWriter.open(settings, start);
    let recovery: AuditRecord | undefined;
    let closing: Promise<void> | undefined;
    if (torn) {
      log.warn(
        { file: torn.file, bytes: torn.torn.length, savedAs: torn.savedAs },
        'audit log had a torn last line',
      );
      recovery = await writer.append(
        prepareRecord(
          {
            event: 'server',
            decision: 'error',
            code: 'ERR_AUDIT_WRITE',
            reason:
              'a torn last line left by a crash was moved aside; the chain continues from the last good record',
            extra: {
              file: basename(torn.file),
              afterSeq: torn.afterSeq,
              savedAs: basename(torn.savedAs),
              ...describeTorn(torn.torn),
            },
          },
          settings.now(),
        ),
      );
    }
    return {
      append: (entry) => {
        try {
          return writer.append(prepareRecord(entry, settings.now()));
        } catch (error) {
          return Promise.reject(
            new AirlockError(
              'ERR_AUDIT_WRITE',
              `audit record could not be built: ${(error as Error).message}`,
            ),
          );
        }
      },
      query: (filter) => queryAudit(settings.dir, filter),
      head: () => writer.head(),
      stats: () => writer.stats(),
      recovery,
      close: () => {
        closing ??= writer.close().finally(unlock);
        return closing;
      },
    };
  } catch (error) {
    await unlock();
    throw error;
  }
}

/** Where the chain stands: the newest file is the one to append to; its head may sit in an older file. */
async function findHead(dir: string, now: Date): Promise<{ start: WriterStart; torn: TornTail | undefined }> {
  const files = await listAuditFiles(dir);
  const newest = files.at(-1);
  if (!newest)
    return {
      start: { name: nextFileName(undefined, now), size: 0, head: { seq: 0, hash: GENESIS } },
      torn: undefined,
    };
  let torn: TornTail | undefined;
  let head = { seq: 0, hash: GENESIS };
  for (let index = files.length - 1; index >= 0; index -= 1) {
    const file = files[index]!;
    const tail = await readTail(file);
    if (tail.torn) {
      const savedAs = `${file}.torn-${Date.now()}`;
      await cutTornTail(file, tail.goodSize, tail.torn, savedAs);
      torn = { file, torn: tail.torn, afterSeq: 0, savedAs };
    }
    if (tail.last) {
      head = { seq: tail.last.seq, hash: tail.last.hash };
      break;
    }
  }
  if (torn) torn.afterSeq = head.seq;
  const name = parseFileName(basename(newest)) as AuditFileName;
  return { start: { name, size: (await stat(newest)).size, head }, torn };
}

async function cutTornTail(file: string, goodSize: number, torn: Buffer, savedAs: string): Promise<void> {
  await writeFile(savedAs, torn, { mode: 0o600, flush: true });
  const handle = await open(file, 'r+');
  try {
    await handle.truncate(goodSize);
    await handle.sync();
  } finally {
    await handle.close();
  }
}
